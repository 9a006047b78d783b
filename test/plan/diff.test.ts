import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.js';
import { diffConfigs } from '../../src/plan/diff.js';
import { diffWords } from '../../src/plan/text-diff.js';

const m = (identifier: string, type = 'BOOLEAN', prompt = `Was ${identifier} covered?`, choices?: string[]) => ({
  identifier,
  dispositionMetricType: type,
  dispositionMetricPrompt: prompt,
  ...(choices ? { choices } : {}),
});
const cfg = (...metrics: object[]) => normalizeConfig({ dispositionMetrics: metrics });

describe('diffConfigs', () => {
  it('finds nothing between equal configs whatever the form (defaults, legacy nested type)', () => {
    const live = normalizeConfig({
      dispositionMetrics: [
        { identifier: 'a', dispositionMetricPrompt: 'Was a covered?', dispositionValues: { type: 'BOOLEAN' } },
      ],
      summaryPrompt: '',
      successMetrics: [],
    });
    const diff = diffConfigs(live, normalizeConfig({ dispositionMetrics: [m('a')], useInternalAnalyticsModel: true }));
    expect(diff).toEqual({
      metrics: [],
      flags: [],
      unchanged: ['a'],
      orderChanged: false,
      hasChanges: false,
      breaking: false,
    });
  });

  it('classifies added (safe), removed (breaking), type change (breaking), prompt change (safe)', () => {
    const diff = diffConfigs(
      cfg(m('a'), m('b'), m('c')),
      cfg(m('a', 'BOOLEAN', 'Was a fully covered?'), m('c', 'INTEGER'), m('d')),
    );
    expect(diff.metrics.map((c) => [c.kind, c.identifier, c.breaking.length > 0])).toEqual([
      ['changed', 'a', false],
      ['changed', 'c', true],
      ['added', 'd', false],
      ['removed', 'b', true],
    ]);
    expect(diff.metrics[1]?.breaking).toEqual([
      '`c` changes type BOOLEAN → INTEGER: consumers expecting BOOLEAN values will receive INTEGER.',
    ]);
    expect(diff.breaking).toBe(true);
  });

  it('detects a rename by the same prompt', () => {
    const diff = diffConfigs(
      cfg(m('old_name', 'BOOLEAN', 'Was it resolved?')),
      cfg(m('new_name', 'BOOLEAN', '  was it  RESOLVED? ')),
    );
    expect(diff.metrics).toHaveLength(1);
    expect(diff.metrics[0]).toMatchObject({ kind: 'renamed', identifier: 'new_name', previousIdentifier: 'old_name' });
    expect(diff.metrics[0]?.breaking[0]).toContain('consumers keyed on `old_name` stop receiving values');
  });

  it('ENUM choices: added is safe, removed is breaking, order is reported', () => {
    const live = cfg(m('o', 'ENUM', 'Outcome?', ['a', 'b', 'c']));
    expect(diffConfigs(live, cfg(m('o', 'ENUM', 'Outcome?', ['a', 'b', 'c', 'd']))).breaking).toBe(false);
    const removed = diffConfigs(live, cfg(m('o', 'ENUM', 'Outcome?', ['a', 'c'])));
    expect(removed.breaking).toBe(true);
    expect(removed.metrics[0]?.fields).toEqual([
      { field: 'choices', added: [], removed: ['b'], reordered: false, before: ['a', 'b', 'c'], after: ['a', 'c'] },
    ]);
    const reordered = diffConfigs(live, cfg(m('o', 'ENUM', 'Outcome?', ['c', 'b', 'a'])));
    expect([reordered.breaking, reordered.metrics[0]?.fields[0]]).toMatchObject([false, { reordered: true }]);
  });

  it('reports flags and metric order', () => {
    const diff = diffConfigs(
      cfg(m('a'), m('b')),
      normalizeConfig({ useReasoningModel: true, dispositionMetrics: [m('b'), m('a')] }),
    );
    expect(diff.flags).toEqual([{ flag: 'useReasoningModel', before: false, after: true }]);
    expect([diff.orderChanged, diff.breaking, diff.hasChanges]).toEqual([true, false, true]);
  });
});

describe('diffWords', () => {
  it('keeps both sides recoverable', () => {
    const parts = diffWords('How satisfied was the customer?', 'How satisfied was the caller at the end?');
    expect(parts).toEqual([
      { op: 'equal', text: 'How satisfied was the ' },
      { op: 'removed', text: 'customer?' },
      { op: 'added', text: 'caller at the end?' },
    ]);
  });
  it('stays fast on huge prompts', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    const b = Array.from({ length: 5000 }, (_, i) => `x${i}`).join(' ');
    const started = performance.now();
    const parts = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(500);
    expect(
      parts
        .filter((p) => p.op !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe(a);
  });
});

describe('diffWords on a long prompt', () => {
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`);
  it('shows an edit at each end of a 400-word prompt as two small edits, not the whole prompt', () => {
    const after = ['first', ...words.slice(1, -1), 'last'];
    const parts = diffWords(words.join(' '), after.join(' '));
    expect(parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'removed', text: 'word0' },
      { op: 'added', text: 'first' },
      { op: 'removed', text: 'word399' },
      { op: 'added', text: 'last' },
    ]);
    expect(parts.filter((p) => p.op === 'equal')).toHaveLength(1);
  });
  it('finds scattered edits in the middle too', () => {
    const after = words.map((w, i) => (i % 100 === 50 ? w.toUpperCase() : w));
    const parts = diffWords(words.join(' '), after.join(' '));
    expect(parts.filter((p) => p.op === 'added').map((p) => p.text)).toEqual([
      'WORD50',
      'WORD150',
      'WORD250',
      'WORD350',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.js';
import { diffConfigs } from '../../src/plan/diff.js';
import { diffConfigsBeforeIndex } from './diff-reference.js';

const m = (identifier: string, prompt: string, type = 'BOOLEAN') => ({
  identifier,
  dispositionMetricType: type,
  dispositionMetricPrompt: prompt,
});
const cfg = (...metrics: object[]) => normalizeConfig({ dispositionMetrics: metrics });

describe('rename matching by prompt index', () => {
  const cases: [string, ReturnType<typeof cfg>, ReturnType<typeof cfg>][] = [
    ['one rename, case and spacing differ', cfg(m('old', 'Was it resolved?')), cfg(m('new', '  was it  RESOLVED? '))],
    [
      'two removed share a prompt: the first in live order is taken',
      cfg(m('a', 'Same?'), m('b', 'same?'), m('keep', 'Kept?')),
      cfg(m('keep', 'Kept?'), m('x', 'SAME?')),
    ],
    [
      'two added share a prompt: each takes the next removed one',
      cfg(m('a', 'Same?'), m('b', 'Same?')),
      cfg(m('y', 'Same?'), m('x', 'same?'), m('z', 'Same?')),
    ],
    ['rename with a type change', cfg(m('a', 'Score?', 'BOOLEAN')), cfg(m('b', 'Score?', 'INTEGER'))],
    [
      'renames mixed with added, removed and changed',
      cfg(m('a', 'A?'), m('b', 'B?'), m('c', 'C?'), m('d', 'D?')),
      cfg(m('a', 'A now?'), m('c2', 'c?'), m('e', 'E?'), m('b2', 'B?')),
    ],
    ['prompts all differ: no renames', cfg(m('a', 'One?'), m('b', 'Two?')), cfg(m('c', 'Three?'), m('d', 'Four?'))],
    [
      'a live config with a duplicate identifier',
      cfg(m('a', 'Dup?'), m('a', 'Dup?')),
      cfg(m('x', 'Dup?'), m('y', 'Dup?')),
    ],
  ];
  it.each(cases)('%s: the same diff as before', (_name, live, desired) => {
    expect(diffConfigs(live, desired)).toEqual(diffConfigsBeforeIndex(live, desired));
  });

  it('the same diff as before on random configs with colliding prompts', () => {
    // Few identifiers and prompts (with case and spacing variants) so renames, clashes and duplicates are common.
    const metric = fc.record({
      identifier: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      dispositionMetricType: fc.constantFrom('BOOLEAN', 'INTEGER'),
      dispositionMetricPrompt: fc.constantFrom(
        'Was it resolved?',
        'was it  RESOLVED? ',
        'Was\tit\nresolved?',
        'was it\u00a0resolved? ',
        'Score?',
        ' score? ',
        'Outcome?',
        'Other?',
      ),
    });
    fc.assert(
      fc.property(fc.array(metric, { maxLength: 8 }), fc.array(metric, { maxLength: 8 }), (live, desired) => {
        const before = cfg(...live);
        const after = cfg(...desired);
        expect(diffConfigs(before, after)).toEqual(diffConfigsBeforeIndex(before, after));
      }),
      { numRuns: 2000 },
    );
  });
});

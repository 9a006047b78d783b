// The rollback's pure parts: the target's validation, the gate, and the other sections' summaries.
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.js';
import { breakingReasons, judgeRollback, validateTargetMetrics } from '../../src/rollback/checks.js';
import {
  changedLines,
  diffResolvedSections,
  otherSectionChanges,
  summariseSection,
} from '../../src/rollback/section-changes.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const metric = (identifier: string, extra: object = {}) => ({
  identifier,
  dispositionMetricType: 'BOOLEAN',
  dispositionMetricPrompt: `${identifier}?`,
  ...extra,
});
const names = { allowInvalid: '--allow-invalid', allowBreaking: '--allow-breaking' };

describe("validateTargetMetrics: the files' rules", () => {
  it.each([
    ['an ENUM without choices', metric('outcome', { dispositionMetricType: 'ENUM' }), '(enum-choices)'],
    ['a bad identifier', metric('Bad-Id'), '(identifier)'],
    ['a blank prompt', metric('blank', { dispositionMetricPrompt: ' ' }), '(blank-prompt)'],
  ])('%s', (_, bad, rule) => {
    const errors = validateTargetMetrics(AGENT, normalizeConfig({ dispositionMetrics: [metric('fine'), bad] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(rule);
  });
  it('a duplicate identifier, without line numbers of the text nobody sees', () => {
    const [error] = validateTargetMetrics(
      AGENT,
      normalizeConfig({ dispositionMetrics: [metric('dup'), metric('dup')] }),
    );
    expect(error).toBe('duplicate identifier "dup"; identifiers must be unique (duplicate-identifier)');
  });
  it('valid metrics: no errors', () =>
    expect(validateTargetMetrics(AGENT, normalizeConfig({ dispositionMetrics: [metric('a')] }))).toEqual([]));
});

describe('judgeRollback', () => {
  const invalid = ['bad (identifier)'];
  const breaking = ['x is removed'];
  it.each([
    { invalid: [], breaking: [], allowInvalid: false, allowBreaking: false, go: true, text: '' },
    { invalid, breaking: [], allowInvalid: false, allowBreaking: false, go: false, text: 'Pass --allow-invalid' },
    {
      invalid,
      breaking: [],
      allowInvalid: true,
      allowBreaking: false,
      go: true,
      text: "⚠️ the target's metrics are invalid",
    },
    { invalid: [], breaking, allowInvalid: false, allowBreaking: false, go: false, text: 'Pass --allow-breaking' },
    { invalid: [], breaking, allowInvalid: false, allowBreaking: true, go: true, text: 'allowed by --allow-breaking' },
    { invalid, breaking, allowInvalid: true, allowBreaking: false, go: false, text: 'Pass --allow-breaking' },
  ])(
    'invalid $invalid.length, breaking $breaking.length, overrides $allowInvalid/$allowBreaking → go $go',
    ({ go, text, ...gate }) => {
      const verdict = judgeRollback({ ...gate, names });
      expect(verdict.go).toBe(go);
      const said = verdict.go ? verdict.warnings.join(' ') : verdict.refusal;
      expect(said).toContain(text);
    },
  );
  it('breakingReasons: a removed metric', () => {
    expect(
      breakingReasons(
        normalizeConfig({ dispositionMetrics: [metric('a'), metric('b')] }),
        normalizeConfig({ dispositionMetrics: [metric('a')] }),
      )[0],
    ).toContain('b is removed');
  });
});

describe('other sections', () => {
  it.each([
    ['one line of three', 'a\nb\nc', 'a\nB\nc', 1],
    ['two lines added', 'a', 'a\nb\nc', 2],
    ['same', 'a', 'a', 0],
  ])('changedLines: %s', (_, before, after, n) => expect(changedLines(before, after)).toBe(n));
  it('summarises text and field changes', () => {
    expect(summariseSection([{ path: 'prompt', oldValue: 'a\nb\nc\nd', newValue: 'x\ny\nz\nd' }])).toBe(
      '3 lines changed',
    );
    expect(summariseSection([{ path: 'voiceId', oldValue: 1, newValue: 2 }])).toBe('1 field changed (voiceId)');
    expect(summariseSection(['a', 'b', 'c', 'd'].map((path) => ({ path, oldValue: 1, newValue: 2 })))).toBe(
      '4 fields changed (a, b, c, …)',
    );
  });
  it('the platform diff: analytics is left to the metrics diff', () => {
    expect(
      otherSectionChanges({
        unchangedSections: [],
        diffs: [
          {
            section: 'analytics',
            changes: [{ path: 'dispositionMetrics.0.identifier', oldValue: 'a', newValue: 'b' }],
          },
          { section: 'workflow_prompt', changes: [{ path: 'prompt', oldValue: 'a', newValue: 'b' }] },
        ],
      }),
    ).toEqual([{ section: 'workflow_prompt', summary: '1 line changed' }]);
  });
  it("analytics changes beside the metrics are named; the metrics' own are left to their diff", () => {
    const changes = [
      { path: 'postCallAnalyticsConfig.dispositionMetrics', oldValue: [], newValue: [1] },
      { path: 'analytics.dispositionMetrics[0].identifier', oldValue: 'a', newValue: 'b' },
      { path: 'callDispositionConfig', oldValue: 'x', newValue: 'y' },
    ];
    expect(otherSectionChanges({ unchangedSections: [], diffs: [{ section: 'analytics', changes }] })).toEqual([
      { section: 'analytics (besides the metrics)', summary: '1 line changed' },
    ]);
  });
  it('v1 resolvedConfig sections compared leaf by leaf', () => {
    const diff = diffResolvedSections(
      {
        workflow: { prompt: 'a' },
        analytics: { postCallAnalyticsConfig: { dispositionMetrics: [] } },
        voice: { id: 1 },
      },
      {
        workflow: { prompt: 'b' },
        analytics: { postCallAnalyticsConfig: { dispositionMetrics: [1] } },
        voice: { id: 1 },
      },
    );
    expect(otherSectionChanges(diff)).toEqual([{ section: 'workflow', summary: '1 line changed' }]);
    expect(diff.unchangedSections).toEqual(['voice']);
  });
});

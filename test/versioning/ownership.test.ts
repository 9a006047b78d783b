// Whose draft is it: the pure decision, from the diff the platform answers to the verdict, as a table.
import { describe, expect, it } from 'vitest';
import type { DiffResult } from '../../src/atoms/branch-types.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { draftContentFromDiff } from '../../src/versioning/v2/draft-content.js';
import { judgeDraft } from '../../src/versioning/v2/ownership.js';

const HEAD = normalizeConfig({
  dispositionMetrics: [{ identifier: 'a', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'A?' }],
});
const DESIRED = normalizeConfig({
  dispositionMetrics: [
    ...HEAD.dispositionMetrics,
    { identifier: 'b', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'B?' },
  ],
});
const EARLIER = normalizeConfig({
  dispositionMetrics: [
    ...HEAD.dispositionMetrics,
    { identifier: 'old', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'Old?' },
  ],
});
const metricB = { identifier: 'b', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'B?' };

const analytics = (...changes: [string, unknown][]): DiffResult['diffs'][number] => ({
  section: 'analytics',
  changes: changes.map(([path, newValue]) => ({ path, oldValue: null, newValue })),
});
const diff = (...diffs: DiffResult['diffs']): DiffResult => ({ unchangedSections: [], diffs });
const prompt = { section: 'workflow_prompt', changes: [{ path: 'globalPrompt', oldValue: 'x', newValue: 'y' }] };

describe('judgeDraft over draftContentFromDiff', () => {
  it.each([
    ['no difference at all', 'empty', diff()],
    [
      'the whole list, flat (analytics location)',
      'ours',
      diff(analytics(['dispositionMetrics', DESIRED.dispositionMetrics])),
    ],
    [
      'the whole list under postCallAnalyticsConfig',
      'ours',
      diff(analytics(['postCallAnalyticsConfig.dispositionMetrics', DESIRED.dispositionMetrics])),
    ],
    ['the whole object in one entry', 'ours', diff(analytics(['postCallAnalyticsConfig', DESIRED]))],
    [
      'leaf paths with dot indexes',
      'ours',
      diff(
        analytics(
          ['dispositionMetrics.1.identifier', 'b'],
          ['dispositionMetrics.1.dispositionMetricType', 'STRING'],
          ['dispositionMetrics.1.dispositionMetricPrompt', 'B?'],
        ),
      ),
    ],
    [
      'leaf paths with bracket indexes and a wrapper',
      'ours',
      diff(analytics(['analytics.dispositionMetrics[1]', metricB])),
    ],
    [
      'an earlier version of the file',
      'ours-earlier',
      diff(analytics(['dispositionMetrics', EARLIER.dispositionMetrics])),
    ],
    [
      "our metrics and someone else's prompt",
      'foreign',
      diff(analytics(['dispositionMetrics', DESIRED.dispositionMetrics]), prompt),
    ],
    ["only someone else's prompt", 'foreign', diff(prompt)],
    ['metrics nobody of ours wrote', 'foreign', diff(analytics(['useReasoningModel', true]))],
    [
      'our metrics and another analytics field',
      'foreign',
      diff(analytics(['dispositionMetrics', DESIRED.dispositionMetrics], ['callDispositionConfig', 'x'])),
    ],
    ['a path that does not fit the head', 'foreign', diff(analytics(['useReasoningModel.0', true]))],
    ['a flag set back to what the head has', 'empty', diff(analytics(['useReasoningModel', false]))],
  ] as const)('%s → %s', (_, verdict, answer) => {
    expect(judgeDraft(draftContentFromDiff(answer, HEAD), DESIRED, [EARLIER], HEAD).kind).toBe(verdict);
  });

  it('a shortened list read as leaf paths drops the removed places', () => {
    const content = draftContentFromDiff(diff(analytics(['dispositionMetrics.1', null])), DESIRED);
    expect(judgeDraft(content, HEAD, [], DESIRED).kind).toBe('ours');
  });

  it("says what is someone else's, section by section", () => {
    const verdict = judgeDraft(
      draftContentFromDiff(diff(analytics(['dispositionMetrics', DESIRED.dispositionMetrics]), prompt), HEAD),
      DESIRED,
      [],
      HEAD,
    );
    expect(verdict).toEqual({ kind: 'foreign', what: 'changes to workflow_prompt (globalPrompt) and to the metrics' });
  });
});

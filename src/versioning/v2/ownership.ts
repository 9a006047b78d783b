/**
 * Whose is the open draft? Decided from what it holds, never from who edited it: a draft is ours when its whole
 * difference from the live head is the analytics of this change, or of an earlier run of ours for this agent (an
 * earlier version of the metrics file), and nothing else. Anything else is someone's work: never discarded,
 * rewritten or published by us.
 */
import { configsEqual } from '../../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { DraftContent } from './draft-content.js';

export type DraftVerdict =
  /** No difference from the head at all: nothing in it to lose, nobody's work to ship. */
  | { kind: 'empty' }
  /** Exactly this change's analytics, nothing else: resume it. */
  | { kind: 'ours' }
  /** Only analytics, those of an earlier version of the file: a leftover of an earlier run; replace it. */
  | { kind: 'ours-earlier' }
  | { kind: 'foreign'; what: string };

/** Judges the draft's content against this change and the file's earlier contents. */
export function judgeDraft(
  content: DraftContent,
  desired: PostCallAnalyticsConfig,
  earlier: readonly PostCallAnalyticsConfig[],
  head: PostCallAnalyticsConfig,
): DraftVerdict {
  const others = content.otherSections.map(
    (s) => `${s.section} (${s.paths.slice(0, 3).join(', ')}${s.paths.length > 3 ? ', …' : ''})`,
  );
  const { analytics } = content;
  if (analytics.state === 'unreadable')
    return { kind: 'foreign', what: [...others, `analytics: ${analytics.why}`].join('; ') };
  const metricsChanged = analytics.state === 'changed' && !configsEqual(analytics.config, head);
  if (others.length > 0)
    return { kind: 'foreign', what: `changes to ${others.join('; ')}${metricsChanged ? ' and to the metrics' : ''}` };
  if (!metricsChanged || analytics.state !== 'changed') return { kind: 'empty' };
  if (configsEqual(analytics.config, desired)) return { kind: 'ours' };
  if (earlier.some((config) => configsEqual(config, analytics.config))) return { kind: 'ours-earlier' };
  return { kind: 'foreign', what: 'metrics that are neither this change nor an earlier version of the file' };
}

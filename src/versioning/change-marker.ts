/** How a run recognises its own drafts and versions: a marker derived from the change, not from the run. */
import { createHash } from 'node:crypto';
import { hashConfig } from '../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';

/**
 * A change is "these metrics, published over that live version". The same change always gets the same
 * marker, so a re-run, or a concurrent run of the same change, finds the version another attempt already
 * made instead of publishing a second one. The source version is part of it so that a revert to metrics
 * published long ago, or a re-apply after a dashboard edit, is a new change rather than the old version.
 */
export function changeMarker(desired: PostCallAnalyticsConfig, sourceVersionId: string): string {
  return `atoms-metrics:${createHash('sha256')
    .update(`${hashConfig(desired)}\n${sourceVersionId}`)
    .digest('hex')
    .slice(0, 16)}`;
}

export function draftNameFor(marker: string, commitSha: string): string {
  return `${marker} ${commitSha.slice(0, 7)}`.slice(0, 100);
}

/** Truncates to `max` characters without splitting a surrogate pair, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Description with the marker on its own last line; the marker always survives truncation. */
export function describeWithMarker(description: string, marker: string): string {
  const tail = `\n\n${marker}`;
  return `${truncate(description, 2000 - tail.length)}${tail}`;
}

/** How a run recognises its own drafts and versions: a marker derived from the desired config, not from the run. */
import { hashConfig } from '../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';

/**
 * The same change always gets the same marker, so a re-run, or a concurrent run of the same change,
 * finds the draft or version another attempt already made instead of publishing a second one.
 */
export function changeMarker(desired: PostCallAnalyticsConfig): string {
  return `atoms-metrics:${hashConfig(desired).slice(0, 16)}`;
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

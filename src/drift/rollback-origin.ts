/** Whether live is the work of a rollback, read from the history entry that is live. Pure. */
import { ROLLBACK_LABEL_PREFIX } from '../rollback/checks.js';
import type { HistoryEntry, VersioningKind } from '../versioning/model.js';

/**
 * "to v2 revision 1 (…) of branch Main (metrics only)" — what the rollback went back to — or undefined when live is
 * not a rollback's. Recognised by: the label a metrics-only rollback publishes with; a v2 revision restored from
 * another; a v1 active version older than the newest (an earlier version re-activated).
 */
export function rollbackOf(
  model: VersioningKind,
  live: HistoryEntry,
  entries: readonly HistoryEntry[],
): string | undefined {
  const label = live.label ?? '';
  if (label.startsWith(ROLLBACK_LABEL_PREFIX)) {
    const target = label
      .slice(ROLLBACK_LABEL_PREFIX.length)
      .trim()
      .replace(/ \(metrics only, over .*$/, '')
      .replace(/ \[atoms-metrics:[0-9a-f]+\]$/, '');
    return `${target} (metrics only)`;
  }
  if (model === 'v2' && live.restoredFrom) return `revision ${live.restoredFrom} (the whole revision restored)`;
  const newest = Math.max(...entries.map((e) => e.number ?? 0));
  if (model === 'v1' && live.number !== null && live.number < newest)
    return `v1 version ${live.number} (the whole version re-activated; version ${newest} is newer)`;
  return undefined;
}

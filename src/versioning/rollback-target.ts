/** Which version or revision a rollback makes live: pure, so both models choose the same way. */
import type { HistoryEntry, VersioningKind } from './model.js';
import { nameVersion } from './model.js';

const unusable = (entry: HistoryEntry) => entry.scan === 'failed' || entry.scan === 'errored';

/**
 * `to` given: that number, refused when its scan failed (the platform would refuse it too). Otherwise the newest
 * entry below the live one whose scan did not fail. History need not come sorted: numbers decide.
 */
export function pickRollbackTarget(
  model: VersioningKind,
  entries: readonly HistoryEntry[],
  to?: number,
): { target: HistoryEntry; live: HistoryEntry } | { problem: string } {
  const live = entries.find((e) => e.live);
  if (!live) return { problem: `no ${model === 'v1' ? 'active version' : 'live revision'} found in the history read` };
  const noun = model === 'v1' ? 'version' : 'revision';
  if (to !== undefined) {
    const target = entries.find((e) => e.number === to);
    if (!target) return { problem: `there is no ${model} ${noun} ${to} among the ${entries.length} most recent` };
    if (target.id === live.id) return { problem: `${nameVersion(model, target.number, target.id)} is already live` };
    if (unusable(target))
      return {
        problem: `${nameVersion(model, target.number, target.id)} failed the platform's security scan${target.scanReason ? ` (${target.scanReason})` : ''}; it cannot be made live`,
      };
    return { target, live };
  }
  const older = entries
    .filter((e) => e.number !== null && live.number !== null && e.number < live.number && !unusable(e))
    .sort((a, b) => (b.number ?? 0) - (a.number ?? 0));
  const target = older[0];
  if (!target)
    return {
      problem: `there is no earlier ${model} ${noun} than the live one (${live.number ?? '?'}) that passed its scan`,
    };
  return { target, live };
}

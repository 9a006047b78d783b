/**
 * v1: two runs of the same change at the same moment must publish once. Both create a draft named after the change
 * marker; right after creating its own, each run lists the drafts. Every run publishes the earliest draft of the
 * change (its own, or another run's, alive or gone); the others discard their own. A later draft of this change
 * older than a run can take is a leftover of a cancelled or killed run: it is removed.
 */
import type { AgentVersion } from '../../atoms/types.js';

/** Older than this, a draft of this change is nobody's work in progress. */
const LEFTOVER_AFTER_MS = 15 * 60_000;

export interface Rivals {
  /** Drafts of this change left by earlier runs: to remove. */
  leftovers: AgentVersion[];
  /** The draft of a concurrent run that came first, if any: this run steps aside for it. */
  first?: AgentVersion;
}

const created = (d: AgentVersion) => Date.parse(d.createdAt ?? '') || 0;

/** Pure: which drafts of this change are leftovers, and whether another live run's draft came before ours. */
export function sortOutRivals(drafts: readonly AgentVersion[], ours: string, marker: string, now: number): Rivals {
  const mine = drafts.find((d) => d.draftId === ours);
  const same = drafts.filter((d) => d.draftId !== ours && (d.draftName ?? '').startsWith(`${marker} `));
  const leftovers = same.filter((d) => now - created(d) > LEFTOVER_AFTER_MS);
  const live = same.filter((d) => !leftovers.includes(d));
  const order = (a: AgentVersion, b: AgentVersion) =>
    created(a) - created(b) || (a.draftId ?? '').localeCompare(b.draftId ?? '');
  const earliest = [...live, ...(mine ? [mine] : [])].sort(order)[0];
  return { leftovers, ...(earliest && earliest.draftId !== ours ? { first: earliest } : {}) };
}

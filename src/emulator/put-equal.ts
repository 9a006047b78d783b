/** The `putEqualOpensDraft` switch: whether a PUT draft that changes nothing opens a draft (fact sheet v2 §6.9). */
import { isRecord } from './reply.js';
import type { Config } from './state.js';
import { headOf, type BranchRecord, type RevisionRecord } from './state-v2.js';

/** JSON with object keys sorted, so key order never makes two configs differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * After a PUT merged into a draft it opened itself: when the switch is off and the draft's config equals the head's,
 * the draft is closed again and the head is returned (what the API answers then is unknown; the head row is our guess).
 */
export function closeNoOpDraft(
  branch: BranchRecord,
  openedByThisPut: boolean,
  opensDraft: boolean,
): RevisionRecord | undefined {
  const head = headOf(branch);
  const draft = branch.draft;
  if (opensDraft || !openedByThisPut || !head || !draft || !sameConfig(head.config, draft.config)) return undefined;
  branch.draft = null;
  return head;
}

function sameConfig(a: Config, b: Config): boolean {
  return canonical(a) === canonical(b);
}

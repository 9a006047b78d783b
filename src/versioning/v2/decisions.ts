/** The v2 apply's decisions as pure functions over what the API answered (v2 fact sheet §1.7, §3). */
import type { BranchSummary, DraftDetail } from '../../atoms/branch-types.js';
import { truncate } from '../change-marker.js';
import { AtomsApiError } from '../../atoms/errors.js';
import { scanVerdict } from '../scan-verdict.js';

/** The live branch: the wrapper's `isLive`, never `isDefault` (a branch other than Main can be live). */
export function pickLiveBranch(branches: readonly BranchSummary[]): { branch: BranchSummary } | { problem: string } {
  const live = branches.filter((b) => b.isLive);
  if (live.length === 1 && live[0])
    return live[0].headRevisionId
      ? { branch: live[0] }
      : { problem: `live branch ${live[0].name || live[0].branchId} has no committed revision` };
  if (live.length === 0)
    return {
      problem:
        branches.length === 0
          ? 'the agent has no branches (not migrated to the branch model?)'
          : `none of its ${branches.length} branches is live`,
    };
  return {
    problem: `${live.length} branches claim to be live (${live.map((b) => b.name).join(', ')}); the platform allows one`,
  };
}

/** "edited by Ana (analytics, llm) at 2026-11-30T10:00:00Z; Ben (voice)": who has unpublished edits on the branch. */
export function describeDraftEditors(draft: DraftDetail): string {
  const edits = draft.editHistory.map(
    (e) =>
      `${e.editorName ?? 'someone'} (${e.changedSections.join(', ') || 'no section named'}${e.at ? ` at ${e.at}` : ''})`,
  );
  return edits.length > 0
    ? `edited by ${edits.join('; ')}`
    : `${draft.editCount} edit${draft.editCount === 1 ? '' : 's'}, editors not named`;
}

/** True when the draft is being published right now (a publish of ours or someone's that is still scanning). */
export function isDraftPublishing(draft: DraftDetail): boolean {
  if (draft.latest.pendingPublish?.state.toLowerCase() === 'active') return true;
  const verdict = scanVerdict(draft.latest.securityCheck);
  return verdict.state === 'pending';
}

export type PollState =
  | { state: 'committed'; headRevisionId: string }
  | { state: 'failed'; status: string; reason: string | null }
  | { state: 'pending'; detail: string }
  | { state: 'vanished' }
  | { state: 'unknown'; status: string };

/**
 * One look at a publish in flight (fact sheet §1.7, the MCP's method): the head moved → committed; the draft
 * carries a failed scan → failed; the draft is gone and the head did not move → it vanished (discarded, cancelled,
 * or not yet visible); otherwise still pending.
 */
export function publishProgress(input: {
  branch: BranchSummary;
  headBefore: string;
  draft: DraftDetail | null | undefined;
}): PollState {
  const { branch } = input;
  if (branch.headRevisionId && branch.headRevisionId !== input.headBefore)
    return { state: 'committed', headRevisionId: branch.headRevisionId };
  if (input.draft === undefined) return { state: 'pending', detail: 'head not moved yet' };
  if (input.draft === null) return { state: 'vanished' };
  const verdict = scanVerdict(input.draft.latest.securityCheck);
  if (verdict.state === 'failed') return { state: 'failed', status: verdict.status, reason: verdict.reason };
  if (verdict.state === 'unknown') return { state: 'unknown', status: verdict.status };
  return { state: 'pending', detail: verdict.state === 'pending' ? verdict.status : 'scan not reported yet' };
}

export type ConflictKind =
  | 'migration'
  | 'draft-conflict'
  | 'base-unavailable'
  | 'publish-in-progress'
  | 'failed-draft'
  | 'other';

/** The SDK's discriminator order for 409 bodies (fact sheet §3), lean and rich variants both. */
export function classifyConflict(error: AtomsApiError): ConflictKind {
  if (error.errorType === 'versioning_v2_migration_required') return 'migration';
  if (error.errorType === 'publish_in_progress') return 'publish-in-progress';
  const data = error.data;
  if (typeof data === 'object' && data !== null && 'conflict' in data) return 'draft-conflict';
  if (error.serverMessages.includes('base_revision_unavailable')) return 'base-unavailable';
  if (error.errorType !== undefined) return /scan|security|fail/i.test(error.errorType) ? 'failed-draft' : 'other';
  if (error.serverMessages.some((m) => /scan|security/i.test(m))) return 'failed-draft';
  return error.serverMessages.length > 0 ? 'draft-conflict' : 'other';
}

/** The label a publish carries: the PR title and number first, the change marker always whole at the end (≤ 200). */
export function publishLabel(title: string, marker: string, max = 200): string {
  const tail = ` [${marker}]`;
  return `${truncate(title.replace(/[\r\n]+/g, ' ').trim(), max - tail.length)}${tail}`.trim();
}

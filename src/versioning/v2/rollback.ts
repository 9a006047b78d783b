/** The v2 halves of a rollback: read live and the target (with the platform's diff of every section), and the whole-revision restore. */
import type { BranchSummary } from '../../atoms/branch-types.js';
import { AtomsApiError } from '../../atoms/errors.js';
import type { AtomsApi } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import type { RollbackRead } from '../../rollback/flow.js';
import { otherSectionChanges } from '../../rollback/section-changes.js';
import type { ApplyDeps } from '../apply-types.js';
import { nameVersion, type HistoryEntry, type RollbackResult } from '../model.js';
import { retryThroughFreeze } from '../platform-retry.js';
import { pickRollbackTarget } from '../rollback-target.js';
import { classifyConflict } from './decisions.js';
import { readRevisionConfig } from './read.js';
import { checkStillLive } from './verify-live.js';
import { waitForPublish } from './wait.js';

/** Live head and target revision, their metrics, and what else differs (`GET /agent/{id}/diff?a=<head>&b=<target>`). */
export async function readRollbackPair(
  api: AtomsApi,
  branch: BranchSummary,
  entries: readonly HistoryEntry[],
  to: number | undefined,
  agentId: string,
): Promise<RollbackRead | { problem: string }> {
  const picked = pickRollbackTarget('v2', entries, to);
  if ('problem' in picked) return picked;
  const [fromRead, toRead] = await Promise.all([
    readRevisionConfig(api.branches, agentId, branch.branchId, picked.live.id),
    readRevisionConfig(api.branches, agentId, branch.branchId, picked.target.id),
  ]);
  const others = await api.branches.diff(agentId, picked.live.id, picked.target.id).then(
    (diff) => ({ known: true as const, sections: otherSectionChanges(diff) }),
    (error: unknown) => {
      if (!(error instanceof AtomsApiError)) throw error;
      return { known: false as const, why: `the platform's diff could not be read (${error.message})` };
    },
  );
  return {
    from: {
      id: picked.live.id,
      number: picked.live.number,
      config: fromRead.config,
      name: nameVersion('v2', picked.live.number, picked.live.id, branch.name),
    },
    to: {
      id: picked.target.id,
      number: picked.target.number,
      config: toRead.config,
      name: nameVersion('v2', picked.target.number, picked.target.id, branch.name),
    },
    others,
  };
}

/** `POST …/revisions/{id}/restore`, then wait for the new head and check it holds the target's metrics and is still live. */
export async function restoreWholeRevision(
  api: AtomsApi,
  agentId: string,
  branch: BranchSummary,
  read: RollbackRead,
  deps: ApplyDeps,
  say: (line: string) => void,
): Promise<Partial<RollbackResult>> {
  const { from, to } = read;
  const ctx = { api: api.branches, agentId, branch, deps, say };
  let headId: string | null = null;
  try {
    const outcome = await retryThroughFreeze(
      'the restore',
      () => api.branches.restoreRevision(agentId, branch.branchId, to.id),
      deps,
      say,
    );
    if (outcome.state === 'committed')
      headId = outcome.revision?._id ?? (await api.branches.getBranch(agentId, branch.branchId)).headRevisionId;
  } catch (error) {
    if (error instanceof AtomsApiError && error.kind === 'forbidden')
      return {
        message: `the platform refused to restore ${to.name}: ${error.serverMessages.join('; ') || 'forbidden'}`,
      };
    if (
      !(
        error instanceof AtomsApiError &&
        (error.mayHaveTakenEffect || (error.kind === 'conflict' && classifyConflict(error) === 'publish-in-progress'))
      )
    )
      throw error;
    say(`the restore answered ${error.status ?? error.kind}; reading what went live`);
  }
  if (headId === null || headId === from.id) {
    const waited = await waitForPublish(ctx, from.id, { expectPublishing: false, draftCarriesScan: false });
    if (waited.state !== 'committed') {
      const why =
        waited.state === 'timeout'
          ? `within ${Math.round(waited.waitedMs / 1000)} s: its security scan may have failed (the platform shows a failed restore nowhere this tool can read) or may still be running`
          : `(${waited.state})`;
      return {
        message: `the restore did not go live ${why}; live is still ${from.name}. Check the branch in the dashboard.`,
      };
    }
    headId = waited.headRevisionId;
  }
  const head = await readRevisionConfig(api.branches, agentId, branch.branchId, headId);
  const name = nameVersion('v2', head.revision.revisionNumber, headId, branch.name);
  if (!configsEqual(head.config, to.config))
    return { message: `${name} went live but does not hold the metrics of ${to.name}` };
  say(`restored the whole of ${to.name} as ${name}`);
  // What is live now, read after the restore: the same rule as apply's.
  await checkStillLive(api.branches, agentId, branch, headId, name, to.config, to.name, say);
  say(`verified: live metrics match ${to.name}`);
  return { status: 'rolled-back', liveId: headId, liveNumber: head.revision.revisionNumber };
}

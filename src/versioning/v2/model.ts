/** The v2 branch model: the live branch's head revision is what is live; publishing on it goes live (v2 fact sheet §1). */
import { applyV2 } from './apply.js';
import { readRevisionConfig } from './read.js';
import { checkStillLive } from './verify-live.js';
import { waitForPublish } from './wait.js';
import { ApplyStop } from '../change-checks.js';
import { retryThroughFreeze } from '../platform-retry.js';
import { stepLog } from '../step-log.js';
import type { ApplyDeps } from '../apply-types.js';
import type { BranchSummary } from '../../atoms/branch-types.js';
import { AtomsApiError } from '../../atoms/errors.js';
import type { AtomsApi } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import { UnrecognisedLiveConfig } from '../live-config.js';
import { nameVersion, type AgentHistory, type LiveState, type RollbackRequest, type RollbackResult, type VersioningModel } from '../model.js';
import { pickRollbackTarget } from '../rollback-target.js';
import { classifyConflict, pickLiveBranch } from './decisions.js';

/** `primed`: branch lists read by detection moments ago, each used once so a plan costs two requests per agent. */
export function createV2Model(api: AtomsApi, primed: Map<string, BranchSummary[]> = new Map()): VersioningModel {
  const branchesOf = async (agentId: string): Promise<BranchSummary[]> => {
    const cached = primed.get(agentId);
    primed.delete(agentId);
    return cached ?? api.branches.listBranches(agentId);
  };
  const liveBranch = async (agentId: string): Promise<BranchSummary> => {
    const picked = pickLiveBranch(await branchesOf(agentId));
    if ('problem' in picked) throw new ApplyStop(`agent ${agentId}: cannot find the live branch: ${picked.problem}`);
    return picked.branch;
  };
  const history = async (agentId: string, limit: number): Promise<AgentHistory> => {
    const branch = await liveBranch(agentId);
    const { revisions } = await api.branches.listRevisions(agentId, branch.branchId, { limit: Math.min(100, Math.max(1, limit)) });
    const committed = revisions.filter((r) => r.status !== 'draft').sort((a, b) => (b.revisionNumber ?? b.versionNumber ?? 0) - (a.revisionNumber ?? a.versionNumber ?? 0));
    return {
      model: 'v2',
      agentId,
      branch: branch.name,
      entries: committed.map((r) => ({ id: r._id, number: r.revisionNumber ?? r.versionNumber, label: r.label, by: r.publishedByName ?? r.publishedBy, at: r.publishedAt ?? r.createdAt, scan: r.securityCheck?.status ?? null, scanReason: r.securityCheck?.reason ?? null, live: r._id === branch.headRevisionId, restoredFrom: r.restoredFromRevisionId })),
    };
  };

  return {
    kind: 'v2',
    async readLive(agentId: string): Promise<LiveState> {
      const branch = await liveBranch(agentId);
      const head = await readRevisionConfig(api.branches, agentId, branch.branchId, branch.headRevisionId ?? '');
      const number = head.revision.revisionNumber ?? branch.headRevisionNumber;
      return { model: 'v2', agentId, config: head.config, liveId: branch.headRevisionId, label: nameVersion('v2', number, branch.headRevisionId, branch.name) };
    },
    apply: async (target, deps) => applyV2(target, deps, primed.has(target.agentId) ? await branchesOf(target.agentId) : undefined),
    history,
    async rollback(request: RollbackRequest, deps: ApplyDeps): Promise<RollbackResult> {
      const { steps, say } = stepLog(request.agentId, deps.log);
      const base: RollbackResult = { agentId: request.agentId, model: 'v2', status: 'failed', steps };
      try {
        const branch = await liveBranch(request.agentId);
        primed.set(request.agentId, [branch]);
        const picked = pickRollbackTarget('v2', (await history(request.agentId, 100)).entries, request.to);
        if ('problem' in picked) return { ...base, message: picked.problem };
        const [fromRead, toRead] = await Promise.all([readRevisionConfig(api.branches, request.agentId, branch.branchId, picked.live.id), readRevisionConfig(api.branches, request.agentId, branch.branchId, picked.target.id)]);
        const from = { id: picked.live.id, number: picked.live.number, config: fromRead.config };
        const to = { id: picked.target.id, number: picked.target.number, config: toRead.config };
        if (!request.execute) return { ...base, status: 'planned', from, to };
        const now = await api.branches.getBranch(request.agentId, branch.branchId);
        if (now.headRevisionId !== from.id) return { ...base, from, to, message: `someone published ${nameVersion('v2', now.headRevisionNumber, now.headRevisionId, branch.name)} meanwhile; not rolling back over it` };
        const ctx = { api: api.branches, agentId: request.agentId, branch, deps, say };
        let headId: string | null = null;
        try {
          const outcome = await retryThroughFreeze('the restore', () => api.branches.restoreRevision(request.agentId, branch.branchId, to.id), deps, say);
          if (outcome.state === 'committed') headId = outcome.revision?._id ?? (await api.branches.getBranch(request.agentId, branch.branchId)).headRevisionId;
        } catch (error) {
          if (error instanceof AtomsApiError && error.kind === 'forbidden') return { ...base, from, to, message: `the platform refused to restore ${nameVersion('v2', to.number, to.id)}: ${error.serverMessages.join('; ') || 'forbidden'}` };
          if (!(error instanceof AtomsApiError && (error.mayHaveTakenEffect || (error.kind === 'conflict' && classifyConflict(error) === 'publish-in-progress')))) throw error;
          say(`the restore answered ${error.status ?? error.kind}; reading what went live`);
        }
        if (headId === null || headId === from.id) {
          const waited = await waitForPublish(ctx, from.id, { expectPublishing: false, draftCarriesScan: false });
          if (waited.state !== 'committed') {
            const why = waited.state === 'timeout' ? `within ${Math.round(waited.waitedMs / 1000)} s: its security scan may have failed (the platform shows a failed restore nowhere this tool can read) or may still be running` : `(${waited.state})`;
            return { ...base, from, to, message: `the restore did not go live ${why}; live is still ${nameVersion('v2', from.number, from.id, branch.name)}. Check the branch in the dashboard.` };
          }
          headId = waited.headRevisionId;
        }
        const head = await readRevisionConfig(api.branches, request.agentId, branch.branchId, headId);
        const name = nameVersion('v2', head.revision.revisionNumber, headId, branch.name);
        if (!configsEqual(head.config, to.config)) return { ...base, from, to, message: `${name} went live but does not hold the metrics of ${nameVersion('v2', to.number, to.id)}` };
        say(`restored ${nameVersion('v2', to.number, to.id)} as ${name}`);
        // What is live now, read after the restore: the same rule as apply's.
        await checkStillLive(api.branches, request.agentId, branch, headId, name, to.config, nameVersion('v2', to.number, to.id), say);
        say(`verified: live metrics match ${nameVersion('v2', to.number, to.id)}`);
        return { ...base, status: 'rolled-back', from, to, liveId: headId, liveNumber: head.revision.revisionNumber };
      } catch (error) {
        if (error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig || error instanceof ApplyStop) return { ...base, message: error.message };
        throw error;
      }
    },
  };
}

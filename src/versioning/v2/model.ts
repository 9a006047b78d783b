/** The v2 branch model: the live branch's head revision is what is live; publishing on it goes live (v2 fact sheet §1). */
import { applyV2 } from './apply.js';
import { readRevisionConfig } from './read.js';
import { ApplyStop } from '../change-checks.js';
import type { ApplyDeps } from '../apply-types.js';
import type { BranchSummary } from '../../atoms/branch-types.js';
import { AtomsApiError } from '../../atoms/errors.js';
import type { AtomsApi } from '../../atoms/types.js';
import { UnrecognisedLiveConfig } from '../live-config.js';
import {
  nameVersion,
  type AgentHistory,
  type LiveState,
  type RollbackRequest,
  type RollbackResult,
  type VersioningModel,
} from '../model.js';
import { pickLiveBranch } from './decisions.js';
import { readRollbackPair, restoreWholeRevision } from './rollback.js';
import { runRollback, type RollbackPorts } from '../../rollback/flow.js';

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
    const { revisions } = await api.branches.listRevisions(agentId, branch.branchId, {
      limit: Math.min(100, Math.max(1, limit)),
    });
    const committed = revisions
      .filter((r) => r.status !== 'draft')
      .sort((a, b) => (b.revisionNumber ?? b.versionNumber ?? 0) - (a.revisionNumber ?? a.versionNumber ?? 0));
    return {
      model: 'v2',
      agentId,
      branch: branch.name,
      entries: committed.map((r) => ({
        id: r._id,
        number: r.revisionNumber ?? r.versionNumber,
        label: r.label,
        by: r.publishedByName ?? r.publishedBy,
        at: r.publishedAt ?? r.createdAt,
        scan: r.securityCheck?.status ?? null,
        scanReason: r.securityCheck?.reason ?? null,
        live: r._id === branch.headRevisionId,
        restoredFrom: r.restoredFromRevisionId,
      })),
    };
  };

  return {
    kind: 'v2',
    async readLive(agentId: string): Promise<LiveState> {
      const branch = await liveBranch(agentId);
      const head = await readRevisionConfig(api.branches, agentId, branch.branchId, branch.headRevisionId ?? '');
      const number = head.revision.revisionNumber ?? branch.headRevisionNumber;
      return {
        model: 'v2',
        agentId,
        config: head.config,
        liveId: branch.headRevisionId,
        label: nameVersion('v2', number, branch.headRevisionId, branch.name),
      };
    },
    apply: async (target, deps) =>
      applyV2(target, deps, primed.has(target.agentId) ? await branchesOf(target.agentId) : undefined),
    history,
    async rollback(request: RollbackRequest, deps: ApplyDeps): Promise<RollbackResult> {
      let branch: BranchSummary | undefined;
      const ports: RollbackPorts = {
        model: 'v2',
        read: async (req) => {
          branch = await liveBranch(req.agentId);
          primed.set(req.agentId, [branch]);
          return readRollbackPair(api, branch, (await history(req.agentId, 100)).entries, req.to, req.agentId);
        },
        liveNow: async () => {
          const now = await api.branches.getBranch(request.agentId, branch?.branchId ?? '');
          return {
            id: now.isLive ? now.headRevisionId : null,
            name: now.isLive
              ? nameVersion('v2', now.headRevisionNumber, now.headRevisionId, now.name)
              : `another branch than ${now.name}`,
          };
        },
        restoreWhole: async (read, say) =>
          branch
            ? restoreWholeRevision(api, request.agentId, branch, read, deps, say)
            : { message: 'no live branch read' },
        apply: (target, applyDeps) => applyV2(target, applyDeps, branch ? [branch] : undefined),
        expected: (error): error is Error =>
          error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig || error instanceof ApplyStop,
      };
      return runRollback(request, deps, ports);
    },
  };
}

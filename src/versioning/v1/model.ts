/** The v1 model: drafts → published versions → activate (fact sheet §3–§5). */
import { applyAgent } from './apply.js';
import { readV1Agent } from './read.js';
import { ApplyStop } from '../change-checks.js';
import { runRollback, type RollbackPorts } from '../../rollback/flow.js';
import { activeV1Version, reactivateWholeVersion, readV1RollbackPair } from './rollback.js';
import type { ApplyDeps } from '../apply-types.js';
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

export function createV1Model(api: AtomsApi): VersioningModel {
  const history = async (agentId: string, limit: number): Promise<AgentHistory> => {
    const { versions } = await api.listVersions(agentId, { limit: Math.min(100, Math.max(1, limit)) });
    // Not assumed newest-first: the number orders them.
    const sorted = [...versions].sort((a, b) => (b.versionNumber ?? 0) - (a.versionNumber ?? 0));
    return {
      model: 'v1',
      agentId,
      entries: sorted.map((v) => ({
        id: v._id,
        number: v.versionNumber,
        label: v.label,
        by: v.publishedBy ?? null,
        at: v.publishedAt ?? v.createdAt ?? null,
        scan: v.securityCheck?.status ?? null,
        scanReason: v.securityCheck?.reason ?? null,
        live: v.isActive,
        restoredFrom: null,
      })),
    };
  };

  return {
    kind: 'v1',
    async readLive(agentId: string): Promise<LiveState> {
      const { agent, config } = await readV1Agent(api, agentId);
      return {
        model: 'v1',
        agentId,
        config,
        liveId: agent.activeVersionId,
        name: agent.name,
        label: nameVersion('v1', null, agent.activeVersionId),
      };
    },
    apply: (target, deps) => applyAgent(target, deps),
    history,
    async rollback(request: RollbackRequest, deps: ApplyDeps): Promise<RollbackResult> {
      const ports: RollbackPorts = {
        model: 'v1',
        read: async (req) => readV1RollbackPair(api, req.agentId, (await history(req.agentId, 100)).entries, req.to),
        liveNow: () => activeV1Version(api, request.agentId),
        restoreWhole: (read, say) => reactivateWholeVersion(api, request.agentId, read, say),
        apply: (target, applyDeps) => applyAgent(target, applyDeps),
        expected: (error): error is Error =>
          error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig || error instanceof ApplyStop,
      };
      return runRollback(request, deps, ports);
    },
  };
}

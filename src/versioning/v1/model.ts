/** The v1 model: drafts → published versions → activate (fact sheet §3–§5). */
import { applyAgent } from './apply.js';
import { readV1Agent } from './read.js';
import { stepLog } from '../step-log.js';
import type { ApplyDeps } from '../apply-types.js';
import { AtomsApiError } from '../../atoms/errors.js';
import type { AtomsApi } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import { findAnalyticsInResolvedConfig, UnrecognisedLiveConfig } from '../live-config.js';
import { nameVersion, type AgentHistory, type LiveState, type RollbackRequest, type RollbackResult, type VersioningModel } from '../model.js';
import { pickRollbackTarget } from '../rollback-target.js';

export function createV1Model(api: AtomsApi): VersioningModel {
  const history = async (agentId: string, limit: number): Promise<AgentHistory> => {
    const { versions } = await api.listVersions(agentId, { limit: Math.min(100, Math.max(1, limit)) });
    // Not assumed newest-first: the number orders them.
    const sorted = [...versions].sort((a, b) => (b.versionNumber ?? 0) - (a.versionNumber ?? 0));
    return {
      model: 'v1',
      agentId,
      entries: sorted.map((v) => ({ id: v._id, number: v.versionNumber, label: v.label, by: v.publishedBy ?? null, at: v.publishedAt ?? v.createdAt ?? null, scan: v.securityCheck?.status ?? null, scanReason: v.securityCheck?.reason ?? null, live: v.isActive, restoredFrom: null })),
    };
  };

  return {
    kind: 'v1',
    async readLive(agentId: string): Promise<LiveState> {
      const { agent, config } = await readV1Agent(api, agentId);
      return { model: 'v1', agentId, config, liveId: agent.activeVersionId, name: agent.name, label: nameVersion('v1', null, agent.activeVersionId) };
    },
    apply: (target, deps) => applyAgent(target, deps),
    history,
    async rollback(request: RollbackRequest, deps: ApplyDeps): Promise<RollbackResult> {
      const { steps, say } = stepLog(request.agentId, deps.log);
      const base: RollbackResult = { agentId: request.agentId, model: 'v1', status: 'failed', steps };
      try {
        const picked = pickRollbackTarget('v1', (await history(request.agentId, 100)).entries, request.to);
        if ('problem' in picked) return { ...base, message: picked.problem };
        const [fromDetail, toDetail] = await Promise.all([api.getVersion(request.agentId, picked.live.id), api.getVersion(request.agentId, picked.target.id)]);
        const fromRead = findAnalyticsInResolvedConfig(fromDetail.resolvedConfig);
        const toRead = findAnalyticsInResolvedConfig(toDetail.resolvedConfig);
        if (!fromRead.found) throw new UnrecognisedLiveConfig(request.agentId, `v1 version ${picked.live.id}`, fromRead.missing);
        if (!toRead.found) throw new UnrecognisedLiveConfig(request.agentId, `v1 version ${picked.target.id}`, toRead.missing);
        const from = { id: picked.live.id, number: picked.live.number, config: fromRead.config };
        const to = { id: picked.target.id, number: picked.target.number, config: toRead.config };
        if (!request.execute) return { ...base, status: 'planned', from, to };
        // Compare-and-swap as in apply: only if the version we read as live still is.
        const { versions } = await api.listVersions(request.agentId, { limit: 100 });
        const active = versions.find((v) => v.isActive);
        if (active && active._id !== from.id) return { ...base, from, to, message: `someone activated ${nameVersion('v1', active.versionNumber, active._id)} meanwhile; not rolling back over it` };
        await api.activateVersion(request.agentId, to.id);
        say(`activated ${nameVersion('v1', to.number, to.id)}`);
        const after = await readV1Agent(api, request.agentId);
        if (after.agent.activeVersionId !== to.id || !configsEqual(after.config, to.config)) return { ...base, from, to, message: `after activation, live (${after.agent.activeVersionId}) does not hold ${nameVersion('v1', to.number, to.id)}` };
        say('verified: live metrics match the version rolled back to');
        return { ...base, status: 'rolled-back', from, to, liveId: to.id, liveNumber: to.number };
      } catch (error) {
        if (error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig) return { ...base, message: error.message };
        throw error;
      }
    },
  };
}

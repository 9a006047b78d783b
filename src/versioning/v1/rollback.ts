/** The v1 halves of a rollback: read the active version and the target (every section of both), and the whole-version re-activation. */
import type { AtomsApi } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import type { RollbackRead } from '../../rollback/flow.js';
import { diffResolvedSections, otherSectionChanges } from '../../rollback/section-changes.js';
import { findAnalyticsInResolvedConfig, UnrecognisedLiveConfig } from '../live-config.js';
import { nameVersion, type HistoryEntry, type RollbackResult } from '../model.js';
import { pickRollbackTarget } from '../rollback-target.js';
import { readV1Agent } from './read.js';

/** Both versions' details: the metrics from each `resolvedConfig`, and every other section compared between them. */
export async function readV1RollbackPair(
  api: AtomsApi,
  agentId: string,
  entries: readonly HistoryEntry[],
  to: number | undefined,
): Promise<RollbackRead | { problem: string }> {
  const picked = pickRollbackTarget('v1', entries, to);
  if ('problem' in picked) return picked;
  const [fromDetail, toDetail] = await Promise.all([
    api.getVersion(agentId, picked.live.id),
    api.getVersion(agentId, picked.target.id),
  ]);
  const fromRead = findAnalyticsInResolvedConfig(fromDetail.resolvedConfig);
  const toRead = findAnalyticsInResolvedConfig(toDetail.resolvedConfig);
  if (!fromRead.found) throw new UnrecognisedLiveConfig(agentId, `v1 version ${picked.live.id}`, fromRead.missing);
  if (!toRead.found) throw new UnrecognisedLiveConfig(agentId, `v1 version ${picked.target.id}`, toRead.missing);
  return {
    from: {
      id: picked.live.id,
      number: picked.live.number,
      config: fromRead.config,
      name: nameVersion('v1', picked.live.number, picked.live.id),
    },
    to: {
      id: picked.target.id,
      number: picked.target.number,
      config: toRead.config,
      name: nameVersion('v1', picked.target.number, picked.target.id),
    },
    others: {
      known: true,
      sections: otherSectionChanges(diffResolvedSections(fromDetail.resolvedConfig, toDetail.resolvedConfig)),
    },
  };
}

/** The active version's id and name, read afresh. */
export async function activeV1Version(api: AtomsApi, agentId: string): Promise<{ id: string | null; name: string }> {
  const { versions } = await api.listVersions(agentId, { limit: 100 });
  const active = versions.find((v) => v.isActive);
  return {
    id: active?._id ?? null,
    name: active ? nameVersion('v1', active.versionNumber, active._id) : 'no active version',
  };
}

/** Re-activates the whole target version, then reads the agent to check it is live with the target's metrics. */
export async function reactivateWholeVersion(
  api: AtomsApi,
  agentId: string,
  read: RollbackRead,
  say: (line: string) => void,
): Promise<Partial<RollbackResult>> {
  const { to } = read;
  await api.activateVersion(agentId, to.id);
  say(`activated the whole of ${to.name}`);
  const after = await readV1Agent(api, agentId);
  if (after.agent.activeVersionId !== to.id || !configsEqual(after.config, to.config))
    return { message: `after activation, live (${after.agent.activeVersionId ?? 'none'}) does not hold ${to.name}` };
  say('verified: live metrics match the version rolled back to');
  return { status: 'rolled-back', liveId: to.id, liveNumber: to.number };
}

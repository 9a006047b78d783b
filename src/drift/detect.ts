/** Reads live for every file's agents and reports drift: buildPlan through the versioning models, then each drifted agent's history head. */
import type { AtomsApi } from '../atoms/types.js';
import type { Diagnostic } from '../config/types.js';
import { mapBounded } from '../fleet/concurrency.js';
import { buildPlan, type PlanTarget } from '../plan/run-plan.js';
import { redactSecrets } from '../report/secrets.js';
import { nameVersion, type VersioningChoice } from '../versioning/model.js';
import { createModelResolver, type ModelResolver } from '../versioning/resolve.js';
import { rollbackOf } from './rollback-origin.js';
import { buildDriftReport, type DriftReport, type LiveOrigin } from './report.js';

export interface DetectDriftOptions {
  targets: readonly PlanTarget[];
  diagnostics: readonly Diagnostic[];
  files: readonly string[];
  api: AtomsApi;
  versioning: VersioningChoice;
  concurrency: number;
}

/** Who published the live state and when: the newest entry of the live branch (v2) or the active version (v1). */
async function liveOrigin(models: ModelResolver, agentId: string): Promise<LiveOrigin | undefined> {
  const model = await models.forAgent(agentId);
  const history = await model.history(agentId, model.kind === 'v1' ? 100 : 1);
  const live = history.entries.find((entry) => entry.live) ?? history.entries[0];
  if (!live) return undefined;
  const rolledBackTo = rollbackOf(history.model, live, history.entries);
  return {
    name: nameVersion(history.model, live.number, null, history.branch),
    by: live.by === null ? null : redactSecrets(live.by),
    at: live.at,
    ...(rolledBackTo ? { rolledBackTo: redactSecrets(rolledBackTo) } : {}),
  };
}

/** Never writes to the Atoms API. A history that cannot be read leaves the agent's origin unknown, not the check broken. */
export async function detectDrift(options: DetectDriftOptions): Promise<DriftReport> {
  const models = createModelResolver(options.api, options.versioning);
  const plan = await buildPlan({ ...options, models });
  const drifted = plan.agents.filter((a) => a.status === 'changed').map((a) => a.agentId);
  const found = await mapBounded([...new Set(drifted)], options.concurrency, (agentId) => liveOrigin(models, agentId));
  const origins = new Map<string, LiveOrigin>();
  found.forEach((result, index) => {
    const agentId = [...new Set(drifted)][index];
    if (result.ok && result.value && agentId !== undefined) origins.set(agentId, result.value);
  });
  return buildDriftReport(plan, origins);
}

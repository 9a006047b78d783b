/** Applies every target through its agent's versioning model, with bounded concurrency; one agent's failure never stops the others. */
import { mapWithIdleSlots } from '../fleet/concurrency.js';
import { CANCELLED_BEFORE_START } from './cancel.js';
import type { VersioningChoice } from '../versioning/model.js';
import { createModelResolver, type ModelResolver } from '../versioning/resolve.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../versioning/apply-types.js';

export async function applyAll(
  targets: readonly ApplyTarget[],
  deps: ApplyDeps & { concurrency: number; versioning?: VersioningChoice; models?: ModelResolver },
): Promise<ApplyResult[]> {
  const models = deps.models ?? createModelResolver(deps.api, deps.versioning ?? 'auto');
  const settled = await mapWithIdleSlots(targets, deps.concurrency, async (target, idle): Promise<ApplyResult> => {
    if (deps.signal?.aborted)
      return { agentId: target.agentId, file: target.file, status: 'failed', error: CANCELLED_BEFORE_START, steps: [] };
    return (await models.forAgent(target.agentId)).apply(target, { ...deps, idle });
  });
  return settled.map((outcome, index) => {
    if (outcome.ok) return outcome.value;
    const target = targets[index];
    return {
      agentId: target?.agentId ?? '',
      file: target?.file ?? '',
      status: 'failed',
      error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
      steps: [],
    };
  });
}

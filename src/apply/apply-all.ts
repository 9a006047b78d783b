/** Applies every target with bounded concurrency; one agent's failure never stops the others. */
import { mapBounded } from '../fleet/concurrency.js';
import { applyAgent } from './apply-agent.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from './types.js';

export async function applyAll(targets: readonly ApplyTarget[], deps: ApplyDeps & { concurrency: number }): Promise<ApplyResult[]> {
  const settled = await mapBounded(targets, deps.concurrency, (target) => applyAgent(target, deps));
  return settled.map((outcome, index) => {
    if (outcome.ok) return outcome.value;
    const target = targets[index];
    return { agentId: target?.agentId ?? '', file: target?.file ?? '', status: 'failed', error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error), steps: [] };
  });
}

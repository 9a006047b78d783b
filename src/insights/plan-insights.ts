/** Adds recent-call insights to a built plan: one bounded read per agent, through the client's limiter. Never fails the plan. */
import type { AtomsApi } from '../atoms/types.js';
import { mapBounded } from '../fleet/concurrency.js';
import type { AgentPlan, Plan } from '../plan/types.js';
import { aggregateCalls } from './aggregate.js';
import { readRecentCalls } from './read-calls.js';
import type { InsightsWindow } from './types.js';

export interface PlanInsightsOptions {
  api: AtomsApi;
  window: InsightsWindow;
  now: number;
  concurrency: number;
  maxPages?: number;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The plan with `insights` (or `insightsWarning`) on every agent whose live version was read. */
export async function addPlanInsights(plan: Plan, options: PlanInsightsOptions): Promise<Plan> {
  const results = await mapBounded(plan.agents, options.concurrency, async (agent): Promise<AgentPlan> => {
    const liveVersionId = agent.liveVersionId;
    if (
      liveVersionId === null ||
      agent.liveMetrics === undefined ||
      (agent.status !== 'changed' && agent.status !== 'unchanged')
    )
      return agent;
    try {
      const { logs } = await readRecentCalls(options.api.conversations, {
        agentId: agent.agentId,
        liveVersionId,
        window: options.window,
        now: options.now,
        maxPages: options.maxPages,
      });
      return {
        ...agent,
        insights: aggregateCalls(logs, {
          agentId: agent.agentId,
          liveVersionId,
          metrics: agent.liveMetrics,
          window: options.window,
          now: options.now,
        }),
      };
    } catch (error) {
      return { ...agent, insightsWarning: `Could not read recent calls: ${errorMessage(error)}` };
    }
  });
  return {
    ...plan,
    agents: plan.agents.map((agent, index) => {
      const result = results[index];
      return result?.ok
        ? result.value
        : { ...agent, insightsWarning: `Could not read recent calls: ${errorMessage(result?.error)}` };
    }),
  };
}

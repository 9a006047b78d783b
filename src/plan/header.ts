/** The JSON header recorded in the sticky comment: what each agent's plan was compared with. */
import type { Plan, PlanMarkerHeader } from './types.js';

export function planHeader(plan: Plan, actionVersion: string): PlanMarkerHeader {
  return {
    v: 1,
    actionVersion,
    agents: plan.agents.map((a) => ({
      agentId: a.agentId,
      liveVersionId: a.liveVersionId,
      desiredHash: a.desiredHash,
    })),
  };
}

/** A stable JSON summary of the plan for the `plan` output and `--format json`. */
import type { Plan } from './types.js';

export function planToJson(plan: Plan) {
  return {
    changed: plan.agents.some((a) => a.status === 'changed'),
    breaking: plan.agents.some((a) => a.diff?.breaking === true),
    errors: plan.diagnostics.filter((d) => d.severity === 'error').length,
    warnings: plan.diagnostics.filter((d) => d.severity === 'warning').length,
    ...(plan.liveSkippedReason ? { liveSkippedReason: plan.liveSkippedReason } : {}),
    agents: plan.agents.map((agent) => ({
      agentId: agent.agentId,
      file: agent.file,
      status: agent.status,
      liveVersionId: agent.liveVersionId,
      desiredHash: agent.desiredHash,
      ...(agent.message ? { message: agent.message } : {}),
      ...(agent.diff
        ? {
            added: agent.diff.metrics.filter((m) => m.kind === 'added').map((m) => m.identifier),
            removed: agent.diff.metrics.filter((m) => m.kind === 'removed').map((m) => m.identifier),
            changed: agent.diff.metrics
              .filter((m) => m.kind === 'changed')
              .map((m) => ({ identifier: m.identifier, fields: m.fields.map((f) => f.field) })),
            renamed: agent.diff.metrics
              .filter((m) => m.kind === 'renamed')
              .map((m) => ({ from: m.previousIdentifier, to: m.identifier })),
            flags: agent.diff.flags,
            orderChanged: agent.diff.orderChanged,
            breaking: agent.diff.metrics.flatMap((m) => m.breaking),
            breakingAllowed: agent.breakingAllowed === true,
          }
        : {}),
    })),
  };
}

/** The breaking-change gate: breaking changes fail the check unless allowed by input or by the PR's label. */
import type { Plan } from './types.js';

export interface GateOptions {
  allowBreaking: boolean;
  breakingLabel: string;
  /** Labels on the pull request (empty outside one). */
  labels: readonly string[];
}

export interface GateResult {
  breaking: boolean;
  /** What allowed the breaking changes, when they are allowed. */
  allowedBy: 'input' | 'label' | null;
  /** True when the step must fail because of breaking changes. */
  blocked: boolean;
}

/** Decides the gate and marks each breaking agent plan as allowed when it is. */
export function applyBreakingGate(plan: Plan, options: GateOptions): { plan: Plan; gate: GateResult } {
  const breaking = plan.agents.some((agent) => agent.diff?.breaking === true);
  const allowedBy = !breaking
    ? null
    : options.allowBreaking
      ? 'input'
      : options.breakingLabel !== '' && options.labels.includes(options.breakingLabel)
        ? 'label'
        : null;
  const agents = plan.agents.map((agent) =>
    agent.diff?.breaking && allowedBy !== null ? { ...agent, breakingAllowed: true } : agent,
  );
  return { plan: { ...plan, agents }, gate: { breaking, allowedBy, blocked: breaking && allowedBy === null } };
}

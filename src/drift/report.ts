/** The drift report: which agents' live metrics differ from their files, who published that live state and when, and the ways out. Pure. */
import type { AgentPlan, ConfigDiff, Plan } from '../plan/types.js';

/** The live revision (v2) or version (v1) an agent drifted to, as the versioning model's history gives it. */
export interface LiveOrigin {
  /** "v2 revision 4 of branch Main" / "v1 version 3". */
  name: string;
  by: string | null;
  at: string | null;
  /** When live is a rollback's work: what it went back to ("v2 revision 1 (…) of branch Main (metrics only)"). */
  rolledBackTo?: string;
}

export interface DriftAgent {
  agentId: string;
  file: string;
  status: 'drifted' | 'in-sync' | 'error' | 'skipped';
  /** One line per difference, live → file. */
  differences: string[];
  breaking: boolean;
  live?: LiveOrigin;
  message?: string;
}

export interface DriftReport {
  drifted: boolean;
  /** Agents that could not be read: the check cannot say they are in sync, so it fails too. */
  unreadable: number;
  agents: DriftAgent[];
}

/** The differences of one agent, said from the file's side ("live has `x` that the file does not"). */
export function describeDifferences(diff: ConfigDiff): string[] {
  const lines: string[] = [];
  for (const change of diff.metrics) {
    if (change.kind === 'added') lines.push(`\`${change.identifier}\` is in the file but not live`);
    else if (change.kind === 'removed') lines.push(`\`${change.identifier}\` is live but not in the file`);
    else if (change.kind === 'renamed')
      lines.push(`live has \`${change.previousIdentifier ?? '?'}\` where the file has \`${change.identifier}\``);
    else lines.push(`\`${change.identifier}\` differs: ${change.fields.map((f) => f.field).join(', ')}`);
  }
  for (const flag of diff.flags)
    lines.push(`\`${flag.flag}\` is ${JSON.stringify(flag.before)} live, ${JSON.stringify(flag.after)} in the file`);
  if (diff.orderChanged && lines.length === 0) lines.push('the metrics are in another order live');
  return lines;
}

function agentOf(plan: AgentPlan, origins: ReadonlyMap<string, LiveOrigin>): DriftAgent {
  const base = { agentId: plan.agentId, file: plan.file };
  if (plan.status === 'error')
    return { ...base, status: 'error', differences: [], breaking: false, message: plan.message };
  if (plan.status === 'skipped')
    return { ...base, status: 'skipped', differences: [], breaking: false, message: plan.message };
  const live = origins.get(plan.agentId);
  if (plan.status === 'unchanged' || plan.diff === null)
    return { ...base, status: 'in-sync', differences: [], breaking: false, ...(live ? { live } : {}) };
  return {
    ...base,
    status: 'drifted',
    differences: describeDifferences(plan.diff),
    breaking: plan.diff.breaking,
    ...(live ? { live } : {}),
  };
}

/** Builds the report from a plan (live read through the versioning models) and each drifted agent's live origin. */
export function buildDriftReport(plan: Plan, origins: ReadonlyMap<string, LiveOrigin>): DriftReport {
  const agents = plan.agents.map((agent) => agentOf(agent, origins));
  return {
    drifted: agents.some((a) => a.status === 'drifted'),
    unreadable: agents.filter((a) => a.status === 'error').length,
    agents,
  };
}

/** The report as JSON for `atoms-metrics drift --format json` and the action's summary data. */
export function driftToJson(report: DriftReport) {
  return {
    drifted: report.drifted,
    agents: report.agents.map((a) => ({
      agentId: a.agentId,
      file: a.file,
      status: a.status,
      breaking: a.breaking,
      differences: a.differences,
      live: a.live ?? null,
      ...(a.message ? { message: a.message } : {}),
    })),
  };
}

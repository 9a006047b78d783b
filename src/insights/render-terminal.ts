/** Insights as a plain table per agent for `atoms-metrics stats` (terminal) and as JSON. Pure; inert for CI logs. */
import type { AgentPlan } from '../plan/types.js';
import { inertForLog } from '../report/inert.js';
import { percent } from './blast-radius.js';
import { describeCalls, describeDistribution, describeExcluded, describeNoCalls } from './describe.js';
import type { AgentInsights, InsightsWindow } from './types.js';

/** Model output shown in a terminal: no control character (an escape sequence could repaint the screen) and no `::`. */
const plain = (value: string) => inertForLog(value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?'));

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  // The last column is left ragged: it is the long one.
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function renderAgentTable(insights: AgentInsights): string[] {
  const rows = [['metric', 'type', 'value', 'empty', 'low conf.', 'distribution']];
  for (const m of insights.metrics)
    rows.push([
      plain(m.identifier),
      m.type,
      percent(m.withValue, m.analysed),
      percent(m.empty, m.analysed),
      percent(m.lowConfidence, m.withValue),
      describeDistribution(m, (v) => `"${plain(v)}"`),
    ]);
  const excluded = describeExcluded(insights);
  return [...table(rows).map((line) => `  ${line}`), ...(excluded ? [`  ${excluded}`] : [])];
}

/** One block per agent: its live version, how many calls, then a row per metric. */
export function renderStatsTerminal(agents: readonly AgentPlan[], window: InsightsWindow): string {
  const out = [
    `Recent calls: the last ${window.maxCalls} non-test calls on the live version, or ${window.days} days, whichever is smaller. Aggregates only.`,
  ];
  for (const agent of agents) {
    const head = `${agent.agentId} (${plain(agent.file)})`;
    const live = plain(agent.liveLabel ?? `v1 version ${agent.liveVersionId ?? '(none)'}`);
    if (agent.status === 'error' || agent.status === 'skipped')
      out.push('', `${head}: could not read live: ${plain(agent.message ?? '')}`);
    else if (agent.insightsWarning) out.push('', `${head}: ${plain(agent.insightsWarning)}`);
    else if (!agent.insights) out.push('', `${head}: no calls on the live ${live} in the window`);
    else if (agent.insights.calls === 0) out.push('', `${head}: live ${live} — ${describeNoCalls(agent.insights)}`);
    else out.push('', `${head}: live ${live} — ${describeCalls(agent.insights)}`, ...renderAgentTable(agent.insights));
  }
  return `${out.join('\n')}\n`;
}

/** The JSON form: the window, and per agent its live version and insights (or why there are none). */
export function statsToJson(agents: readonly AgentPlan[], window: InsightsWindow) {
  return {
    window,
    agents: agents.map((a) => ({
      agentId: a.agentId,
      file: a.file,
      liveVersionId: a.liveVersionId,
      ...(a.status === 'error' || a.status === 'skipped' ? { error: a.message ?? '' } : {}),
      ...(a.insightsWarning ? { error: a.insightsWarning } : {}),
      insights: a.insights ?? null,
    })),
  };
}

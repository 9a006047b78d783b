/** The drift report as markdown (the issue and the job summary) and as terminal text. Pure. */
import { inertInlineCode, inertText, inertTextWithCode } from '../report/inert.js';
import type { DriftAgent, DriftReport } from './report.js';

/** Hidden in the issue body: how the next run finds the one drift issue of this workflow. */
export function driftMarker(workflow: string): string {
  return `<!-- atoms-metrics:drift workflow=${workflow.replace(/[^A-Za-z0-9 ._/-]/g, '_')} -->`;
}

export interface DriftRenderOptions {
  marker: string;
  /** The link to this run, when known. */
  runUrl?: string;
  /** Where `pull` should write the adopted files (the metrics directory). */
  metricsDir: string;
}

function who(agent: DriftAgent): string {
  if (!agent.live) return 'live';
  const by = agent.live.by ? ` by ${inertText(agent.live.by)}` : '';
  const at = agent.live.at ? ` at ${inertText(agent.live.at)}` : '';
  if (agent.live.rolledBackTo)
    return `live was rolled back to ${inertText(agent.live.rolledBackTo)}${by || ' (by an unrecorded editor)'}${at}, as ${inertText(agent.live.name)}: the rollback is why live differs from the file`;
  return `live is ${inertText(agent.live.name)}, published${by || ' (by an unrecorded editor)'}${at}`;
}

/** The way back to the files, with the exact inputs to give the workflow. */
export const RESTORE_ADVICE =
  'run this workflow from the Actions tab (`workflow_dispatch`) with the input `mode` set to `apply` (the workflow `atoms-metrics init` writes has it; in your own, pass `mode: apply` to the action on `workflow_dispatch`). From `workflow_dispatch`, apply means a person chose it: it publishes the files over live, whatever live became, with no reviewed-plan check';

function agentSection(agent: DriftAgent, options: DriftRenderOptions): string {
  const title = `#### ${agent.breaking ? '⚠️ ' : ''}${inertInlineCode(agent.agentId)} — ${inertInlineCode(agent.file)}`;
  if (agent.status === 'error')
    return `${title}\n\n❌ Could not read live: ${inertText(agent.message ?? 'unknown error')}`;
  const lines = agent.differences.map((d) => `- ${inertTextWithCode(d)}`);
  return [
    title,
    '',
    `${who(agent)}; it differs from the file${agent.breaking ? ' (applying the file would be a breaking change)' : ''}:`,
    '',
    ...lines,
    '',
    'Two ways out:',
    `- **adopt live**: \`atoms-metrics pull ${agent.agentId} --out ${options.metricsDir} --force\`, review and merge the change to the file;`,
    agent.live?.rolledBackTo
      ? `- **undo the rollback**: ${RESTORE_ADVICE}.`
      : `- **restore the file**: ${RESTORE_ADVICE}.`,
  ].join('\n');
}

/** Markdown for the drift issue and the job summary. */
export function renderDriftMarkdown(report: DriftReport, options: DriftRenderOptions): string {
  const drifted = report.agents.filter((a) => a.status === 'drifted' || a.status === 'error');
  const head =
    report.drifted || report.unreadable > 0
      ? `### 🔀 Live metrics drifted from the files\n\n${report.agents.filter((a) => a.status === 'drifted').length} of ${report.agents.length} agent(s) differ from their files${report.unreadable > 0 ? `, ${report.unreadable} could not be read` : ''}. Someone published in the dashboard (or elsewhere) after the last apply.`
      : `### ✅ No drift\n\nAll ${report.agents.length} agent(s) match their files.`;
  const run = options.runUrl ? `\n\n[This check's run](${options.runUrl})` : '';
  return [options.marker, head + run, ...drifted.map((a) => agentSection(a, options))].join('\n\n') + '\n';
}

/** Terminal text for `atoms-metrics drift`. */
export function renderDriftTerminal(report: DriftReport): string {
  const lines: string[] = [];
  for (const agent of report.agents) {
    if (agent.status === 'in-sync') lines.push(`✓ ${agent.agentId} (${agent.file}): in sync`);
    else if (agent.status === 'skipped')
      lines.push(`- ${agent.agentId} (${agent.file}): skipped${agent.message ? `: ${agent.message}` : ''}`);
    else if (agent.status === 'error')
      lines.push(`✗ ${agent.agentId} (${agent.file}): could not read live: ${agent.message ?? ''}`);
    else {
      const when = agent.live?.at ? ` at ${agent.live.at}` : '';
      const live = !agent.live
        ? 'live'
        : agent.live.rolledBackTo
          ? `live was rolled back to ${agent.live.rolledBackTo} by ${agent.live.by ?? 'an unrecorded editor'}${when}, as ${agent.live.name}`
          : `${agent.live.name}, published by ${agent.live.by ?? 'an unrecorded editor'}${when}`;
      lines.push(
        `✗ ${agent.agentId} (${agent.file}): drifted — ${live}${agent.breaking ? ' (breaking)' : ''}`,
        ...agent.differences.map((d) => `    ${d.replace(/`/g, '')}`),
      );
      lines.push(
        `    adopt: atoms-metrics pull ${agent.agentId} --force   restore: run the workflow (workflow_dispatch) with input mode: apply, or atoms-metrics apply`,
      );
    }
  }
  lines.push(report.drifted ? 'Drift found.' : report.unreadable > 0 ? 'Some agents could not be read.' : 'No drift.');
  return `${lines.join('\n')}\n`;
}

/** The plan for a terminal: `+`/`-`/`~` lines, colour only when asked, inert for CI logs. */
import { formatDiagnosticLine } from '../report/format-diagnostics.js';
import { breakWorkflowCommands, inertForLog } from '../report/inert.js';
import { redactDeep } from '../report/secrets.js';
import type { Plan } from './types.js';

const COLORS = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

export function renderPlanTerminal(plan: Plan, options: { color: boolean }): string {
  const paint = (color: keyof typeof COLORS, text: string) =>
    options.color ? `\u001b[${COLORS[color]}m${text}\u001b[0m` : text;
  // Foreign text (ids, file names, prompts, API messages) is made inert piece by piece, so its escapes are shown
  // while our own colours still work.
  const t = (text: string | null | undefined) => inertForLog(text ?? '');
  const out: string[] = [];
  for (const d of plan.diagnostics) out.push(paint(d.severity === 'error' ? 'red' : 'yellow', formatDiagnosticLine(d)));
  if (plan.liveSkippedReason) out.push(paint('dim', t(plan.liveSkippedReason)));
  for (const agent of plan.agents) {
    const head = `${paint('bold', t(agent.agentId))} (${t(agent.file)})`;
    if (agent.status === 'unchanged') out.push(`${head}: ${paint('green', 'no changes')}`);
    else if (agent.status === 'skipped') out.push(`${head}: live diff skipped`);
    else if (agent.status === 'error') out.push(`${head}: ${paint('red', `could not read live: ${t(agent.message)}`)}`);
    else if (agent.diff) {
      out.push(
        `${head}: live ${agent.liveLabel ? t(agent.liveLabel) : `version ${agent.liveVersionId === null ? '(none)' : t(agent.liveVersionId)}`}`,
      );
      for (const change of agent.diff.metrics) {
        const metric = change.after ?? change.before;
        const type = metric ? ` ${t(metric.dispositionMetricType)}` : '';
        if (change.kind === 'added') {
          out.push(paint('green', `  + ${t(change.identifier)}${type}`));
          // A new metric is all new: its prompt (and choices) are what a reviewer reads.
          if (change.after) out.push(`      prompt: ${paint('green', t(change.after.dispositionMetricPrompt))}`);
          if (change.after?.choices?.length)
            out.push(`      choices: ${paint('green', change.after.choices.map((c) => t(c)).join(', '))}`);
        }
        if (change.kind === 'removed') out.push(paint('red', `  - ${t(change.identifier)}${type}`));
        if (change.kind === 'renamed')
          out.push(paint('yellow', `  ~ ${t(change.previousIdentifier)} → ${t(change.identifier)} (likely rename)`));
        if (change.kind === 'changed') out.push(paint('yellow', `  ~ ${t(change.identifier)}`));
        for (const field of change.fields) {
          if (field.field === 'type') out.push(`      type: ${t(field.before)} → ${t(field.after)}`);
          if (field.field === 'prompt')
            out.push(
              `      prompt: ${field.parts.map((p) => (p.op === 'equal' ? t(p.text) : p.op === 'removed' ? paint('red', `[-${t(p.text)}-]`) : paint('green', `{+${t(p.text)}+}`))).join('')}`,
            );
          if (field.field === 'choices')
            out.push(
              `      choices: ${[...field.added.map((c) => paint('green', `+${t(c)}`)), ...field.removed.map((c) => paint('red', `-${t(c)}`)), field.reordered ? 'reordered' : ''].filter(Boolean).join(' ')}`,
            );
        }
        for (const reason of change.breaking) out.push(paint('red', `      breaking: ${t(reason.replace(/`/g, ''))}`));
      }
      for (const flag of agent.diff.flags)
        out.push(
          paint(
            'yellow',
            `  ~ ${flag.flag}: ${t(JSON.stringify(redactDeep(flag.before)))} → ${t(JSON.stringify(redactDeep(flag.after)))}`,
          ),
        );
      if (agent.diff.orderChanged) out.push('  ~ metric order changes');
    }
  }
  const changed = plan.agents.filter((a) => a.status === 'changed').length;
  const breaking = plan.agents.filter((a) => a.diff?.breaking).length;
  const unreadable = plan.agents.filter((a) => a.status === 'error').length;
  const invalid = plan.diagnostics.some((d) => d.severity === 'error');
  const verdict = [
    changed > 0
      ? `${changed} agent${changed === 1 ? '' : 's'} to change${breaking > 0 ? `, ${breaking} with breaking changes` : ''}.`
      : '',
    unreadable > 0
      ? `${unreadable} agent${unreadable === 1 ? '' : 's'} could not be read, so ${unreadable === 1 ? 'its' : 'their'} changes are unknown.`
      : '',
    invalid ? 'Invalid files were left out of the plan.' : '',
  ].filter(Boolean);
  // "No changes." only when that is known to be true: never after a failure.
  out.push(verdict.length > 0 ? verdict.join(' ') : 'No changes.');
  return `${breakWorkflowCommands(out.join('\n'))}\n`;
}

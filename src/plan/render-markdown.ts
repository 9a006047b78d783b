/** The plan as GitHub markdown for the sticky comment and the job summary; always under the size cap given. */
import { renderBlastLine, renderPlanInsights } from '../insights/render-markdown.js';
import { renderDiagnosticsTable } from '../report/diagnostics-markdown.js';
import { inertCodeBlock, inertHtmlCode, inertInlineCode, inertText, inertTextWithCode } from '../report/inert.js';
import { redactDeep } from '../report/secrets.js';
import type { GateResult } from './gate.js';
import { allowedMarkdown, blockedMarkdown, type GateSubject } from './gate-wording.js';
import { renderHeader, renderMarker, type CommentScope } from './marker.js';
import type { AgentPlan, MetricChange, Plan, PlanMarkerHeader } from './types.js';

export interface PlanRenderOptions {
  /** GitHub caps comments at 65,536 characters; callers pass what they can afford, in the unit `measure` counts. */
  maxChars: number;
  /** How size is counted: characters by default; the job summary's cap (1 MiB) is in UTF-8 bytes. */
  measure?: (text: string) => number;
  scope: CommentScope;
  header: PlanMarkerHeader;
  gate: GateResult;
  breakingLabel: string;
  /** Who could carry the label on this run; default: a pull request. */
  gateSubject?: GateSubject;
  /** Where the full plan is when the comment had to be shortened (the job summary). */
  summaryUrl?: string;
  actionVersion: string;
}

/** 1 full detail · 2 without prompt diffs · 3 counts and breaking reasons · 4 summary table only. */
type Tier = 1 | 2 | 3 | 4;

function counts(agent: AgentPlan) {
  const metrics = agent.diff?.metrics ?? [];
  return {
    added: metrics.filter((m) => m.kind === 'added').length,
    changed:
      metrics.filter((m) => m.kind === 'changed' || m.kind === 'renamed').length + (agent.diff?.flags.length ?? 0),
    removed: metrics.filter((m) => m.kind === 'removed').length,
    breaking: metrics.filter((m) => m.breaking.length > 0).length,
  };
}

function statusCell(agent: AgentPlan): string {
  switch (agent.status) {
    case 'unchanged':
      return 'no changes';
    case 'skipped':
      return 'live diff skipped';
    case 'error':
      return '❌ could not read live';
    case 'changed':
      return agent.diff?.breaking ? (agent.breakingAllowed ? '⚠️ breaking (allowed)' : '⛔ breaking') : '✏️ changes';
  }
}

function summaryRow(agent: AgentPlan): string {
  const c = counts(agent);
  const show = agent.status === 'changed';
  return `| ${inertInlineCode(agent.agentId, { inTable: true })} | ${inertInlineCode(agent.file, { inTable: true })} | ${statusCell(agent)} | ${show ? c.added : '–'} | ${show ? c.changed : '–'} | ${show ? c.removed : '–'} | ${show ? c.breaking : '–'} | ${agent.liveVersionId ? `${inertInlineCode(agent.liveVersionId, { inTable: true })}${agent.liveLabel ? ` (${inertText(agent.liveLabel.replace(/ \([a-f0-9]{24}\)/, '')).replace(/\|/g, '\\|')})` : ''}` : '–'} |`;
}

const TABLE_HEAD =
  '| agent | file | status | added | changed | removed | breaking | live version |\n|---|---|---|--:|--:|--:|--:|---|';

function describeMetric(change: MetricChange, tier: Tier, agent: AgentPlan): string[] {
  const id = inertInlineCode(change.identifier);
  const lines: string[] = [];
  const metric = change.after ?? change.before;
  const type = metric
    ? ` (${inertText(metric.dispositionMetricType)}${metric.choices ? `: ${metric.choices.map((c) => inertInlineCode(c)).join(', ')}` : ''})`
    : '';
  if (change.kind === 'added')
    lines.push(`- ➕ ${id}${type}${tier === 1 && metric ? ` — ${inertText(metric.dispositionMetricPrompt)}` : ''}`);
  if (change.kind === 'removed') lines.push(`- ➖ ${id}${type}`);
  if (change.kind === 'renamed')
    lines.push(`- 🔀 ${inertInlineCode(change.previousIdentifier ?? '')} → ${id} (likely rename: same prompt)`);
  if (change.kind === 'changed') lines.push(`- ✏️ ${id}`);
  for (const field of change.fields) {
    if (field.field === 'type') lines.push(`  - type: ${inertText(field.before)} → **${inertText(field.after)}**`);
    if (field.field === 'choices') {
      const parts = [
        field.added.length > 0 ? `added ${field.added.map((c) => inertInlineCode(c)).join(', ')}` : '',
        field.removed.length > 0 ? `removed ${field.removed.map((c) => inertInlineCode(c)).join(', ')}` : '',
        field.reordered ? 'reordered' : '',
      ].filter(Boolean);
      lines.push(`  - choices: ${parts.join('; ')}`);
    }
    if (field.field === 'prompt') {
      if (tier === 1) {
        const diff = field.parts
          .map((p) =>
            p.op === 'equal'
              ? inertText(p.text)
              : p.op === 'removed'
                ? `~~${inertText(p.text).trim()}~~ `
                : `**${inertText(p.text).trim()}** `,
          )
          .join('');
        lines.push(`  - prompt: ${diff}`);
      } else lines.push('  - prompt changed');
    }
  }
  for (const reason of change.breaking) lines.push(`  - ⚠️ **breaking:** ${inertTextWithCode(reason)}`);
  const blast = renderBlastLine(change, agent.insights);
  if (blast) lines.push(`  - ${blast}`);
  return lines;
}

function renderAgent(agent: AgentPlan, tier: Tier): string {
  const c = counts(agent);
  const title = `${inertHtmlCode(agent.agentId)} · ${inertHtmlCode(agent.file)}`;
  if (agent.status !== 'changed' || !agent.diff) {
    const why =
      agent.status === 'unchanged'
        ? 'no changes'
        : agent.status === 'skipped'
          ? `live diff skipped${agent.message ? `: ${inertText(agent.message)}` : ''}`
          : `could not read the live version: ${inertText(agent.message ?? 'unknown error')}`;
    return `**${title}** — ${why}`;
  }
  const diff = agent.diff;
  const body: string[] = [];
  if (tier <= 2) {
    for (const change of diff.metrics) body.push(...describeMetric(change, tier, agent));
    for (const flag of diff.flags)
      body.push(
        `- ⚙️ ${inertInlineCode(flag.flag)}: ${inertInlineCode(JSON.stringify(redactDeep(flag.before)))} → ${inertInlineCode(JSON.stringify(redactDeep(flag.after)))}`,
      );
    if (diff.orderChanged) body.push('- ↕️ metric order changes');
  } else {
    body.push(`${c.added} added, ${c.changed} changed, ${c.removed} removed.`);
    for (const change of diff.metrics) {
      for (const reason of change.breaking) body.push(`- ⚠️ **breaking:** ${inertTextWithCode(reason)}`);
      const blast = change.breaking.length > 0 ? renderBlastLine(change, agent.insights) : undefined;
      if (blast) body.push(`  - ${blast}`);
    }
  }
  const open = diff.breaking ? ' open' : '';
  return `<details${open}><summary>${title} — ${c.added} added, ${c.changed} changed, ${c.removed} removed${diff.breaking ? ', ⚠️ breaking' : ''}</summary>\n\n${body.join('\n')}\n\n</details>`;
}

function gateLine(plan: Plan, options: PlanRenderOptions): string {
  const errors = plan.diagnostics.filter((d) => d.severity === 'error').length;
  const lines: string[] = [];
  if (errors > 0) lines.push(`❌ **${errors} validation error${errors === 1 ? '' : 's'}** — fix them before merging.`);
  const subject = options.gateSubject ?? { kind: 'pull-request' };
  if (options.gate.blocked) lines.push(blockedMarkdown(subject, options.breakingLabel));
  else if (options.gate.breaking) lines.push(allowedMarkdown(subject, options.gate.allowedBy, options.breakingLabel));
  const changed = plan.agents.filter((a) => a.status === 'changed').length;
  if (errors === 0 && changed === 0 && plan.agents.every((a) => a.status === 'unchanged'))
    lines.push('✅ **No changes.** Live metrics already match the files.');
  else if (changed > 0)
    lines.push(`Merging will publish new metrics and make them live for ${changed} agent${changed === 1 ? '' : 's'}.`);
  if (plan.liveSkippedReason) lines.push(`ℹ️ ${inertText(plan.liveSkippedReason)}`);
  return lines.join('\n\n');
}

function renderTier(plan: Plan, options: PlanRenderOptions, tier: Tier, maxRows = Infinity): string {
  const parts = [
    renderMarker(options.scope),
    renderHeader(options.header),
    '### 📊 Post-call metrics plan',
    gateLine(plan, options),
  ];
  if (plan.agents.length > 0) {
    const rows = plan.agents.slice(0, maxRows).map(summaryRow);
    const more =
      plan.agents.length > maxRows
        ? `\n\n…and ${plan.agents.length - maxRows} more agent${plan.agents.length - maxRows === 1 ? '' : 's'}.`
        : '';
    parts.push(`${TABLE_HEAD}\n${rows.join('\n')}${more}`);
  }
  if (tier <= 3)
    parts.push(...plan.agents.filter((a) => a.status !== 'unchanged').map((agent) => renderAgent(agent, tier)));
  // Recent calls: every agent's section in full detail, changed agents' when shortened, only the warnings at tier 3.
  const insights =
    tier <= 2
      ? renderPlanInsights(plan.agents, tier === 1 ? 'all' : 'changed')
      : tier === 3
        ? renderPlanInsights(
            plan.agents.map((a) => ({ ...a, insights: undefined })),
            'changed',
          )
        : '';
  if (insights !== '') parts.push(insights);
  if (plan.diagnostics.length > 0) {
    parts.push(
      tier <= 3
        ? `#### Validation\n\n${renderDiagnosticsTable(plan.diagnostics, tier === 1 ? 200 : 50)}`
        : `#### Validation\n\n${plan.diagnostics.length} problem(s); see the annotations.`,
    );
  }
  if (tier > 1)
    parts.push(
      `_This comment is shortened to fit GitHub's size limit.${options.summaryUrl ? ` The full plan is in the [job summary](${options.summaryUrl}).` : ' The full plan is in the job summary.'}_`,
    );
  parts.push(
    `<sub>atoms-metrics ${inertText(options.actionVersion)} · compared with each agent's live config · nothing was written to Atoms</sub>`,
  );
  return `${parts.join('\n\n')}\n`;
}

/** Renders the plan, degrading in tiers (never cutting mid-markdown) until it fits `maxChars`. */
export function renderPlanMarkdown(plan: Plan, options: PlanRenderOptions): string {
  const size = options.measure ?? ((text: string) => text.length);
  for (const tier of [1, 2, 3] as const) {
    const text = renderTier(plan, options, tier);
    if (size(text) <= options.maxChars) return text;
  }
  // Tier 4: the summary table alone, with as many rows as fit.
  let rows = plan.agents.length;
  for (;;) {
    const text = renderTier(plan, options, 4, rows);
    if (size(text) <= options.maxChars) return text;
    if (rows === 0)
      return `${renderMarker(options.scope)}\n\n### 📊 Post-call metrics plan\n\nThe plan is too large for a comment; see the job summary.\n`.slice(
        0,
        options.maxChars,
      );
    rows = Math.floor(rows * Math.min(0.9, options.maxChars / size(text)));
  }
}

/** A code block for raw JSON in the summary. */
export function renderJsonBlock(value: unknown): string {
  return inertCodeBlock(JSON.stringify(value, null, 2), 'json');
}

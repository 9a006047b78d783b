/** Insights as markdown for the plan comment and job summary: one folded section per agent with calls. Pure. */
import { inertHtmlCode, inertInlineCode, inertText } from '../report/inert.js';
import type { AgentPlan, MetricChange } from '../plan/types.js';
import { blastRadius, percent } from './blast-radius.js';
import { describeCalls, describeDistribution, describeExcluded, describeNoCalls } from './describe.js';
import type { AgentInsights } from './types.js';

const HEAD = '| metric | type | value | empty | low confidence | distribution |\n|---|---|--:|--:|--:|---|';

/**
 * A `<details>` section for one agent. With no calls on the live version, one line saying so and what was left out
 * (calls on earlier versions, say), so it never reads like "insights off"; empty only when no call was read at all.
 */
export function renderInsightsSection(insights: AgentInsights, file?: string): string {
  const agent = `📈 ${inertHtmlCode(insights.agentId)}${file ? ` · ${inertHtmlCode(file)}` : ''}`;
  const { test, otherVersion, outsideWindow } = insights.excluded;
  if (insights.calls === 0)
    return test + otherVersion + outsideWindow === 0 ? '' : `${agent} — ${inertText(describeNoCalls(insights))}.`;
  // Pipes are escaped once, over the whole cell (GFM splits cells on `|` even inside code spans).
  const show = (value: string) => inertInlineCode(value);
  const rows = insights.metrics.map((m) => {
    const distribution = describeDistribution(m, show).replace(/\|/g, '\\|');
    return `| ${inertInlineCode(m.identifier, { inTable: true })} | ${m.type} | ${percent(m.withValue, m.analysed)} | ${percent(m.empty, m.analysed)} | ${percent(m.lowConfidence, m.withValue)} | ${distribution} |`;
  });
  const title = `${agent} — ${describeCalls(insights)}`;
  const notes = [
    describeExcluded(insights),
    'Aggregates only: no transcript, phone number or free-text value is read into this comment.',
  ]
    .filter(Boolean)
    .join(' ');
  return `<details><summary>${title}</summary>\n\n${HEAD}\n${rows.join('\n')}\n\n<sub>${inertText(notes)}</sub>\n\n</details>`;
}

/** One compact line of numbers for a change, or undefined when recent calls say nothing about it. */
export function renderBlastLine(change: MetricChange, insights: AgentInsights | undefined): string | undefined {
  const facts = insights ? blastRadius(change, insights) : [];
  // The facts quote identifiers and choices in backticks: those become code spans, the words between them inert text.
  const inert = (fact: string) =>
    fact
      .split('`')
      .map((part, i) => (i % 2 === 1 ? inertInlineCode(part) : inertText(part)))
      .join('');
  return facts.length > 0 ? `📈 ${facts.map(inert).join('; ')}` : undefined;
}

/**
 * The recent-calls part of the plan: a warning per agent whose calls could not be read, then a section per agent with
 * calls — every agent in full detail (`all`), only changed agents otherwise — under one heading; empty when there is nothing.
 */
export function renderPlanInsights(agents: readonly AgentPlan[], scope: 'all' | 'changed'): string {
  const warnings = agents
    .filter((a) => a.insightsWarning)
    .map((a) => `⚠️ ${inertInlineCode(a.agentId)}: ${inertText(a.insightsWarning ?? '')} The plan itself is complete.`);
  const sections = agents
    .filter((a) => scope === 'all' || a.status === 'changed')
    .flatMap((a) => (a.insights ? [renderInsightsSection(a.insights, a.file)] : []))
    .filter((s) => s !== '');
  if (warnings.length === 0 && sections.length === 0) return '';
  return ['#### 📈 What the live metrics produced on recent calls', ...warnings, ...sections].join('\n\n');
}

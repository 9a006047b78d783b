/** Insights as markdown for the plan comment and job summary: one folded section per agent with calls. Pure. */
import { inertHtmlCode, inertInlineCode, inertText } from '../report/inert.js';
import { percent } from './blast-radius.js';
import { describeCalls, describeDistribution, describeExcluded } from './describe.js';
import type { AgentInsights } from './types.js';

const HEAD = '| metric | type | value | empty | low confidence | distribution |\n|---|---|--:|--:|--:|---|';

/** A `<details>` section for one agent; empty when it had no calls to show. */
export function renderInsightsSection(insights: AgentInsights, file?: string): string {
  if (insights.calls === 0) return '';
  // Pipes are escaped once, over the whole cell (GFM splits cells on `|` even inside code spans).
  const show = (value: string) => inertInlineCode(value);
  const rows = insights.metrics.map((m) => {
    const distribution = describeDistribution(m, show).replace(/\|/g, '\\|');
    return `| ${inertInlineCode(m.identifier, { inTable: true })} | ${m.type} | ${percent(m.withValue, m.analysed)} | ${percent(m.empty, m.analysed)} | ${percent(m.lowConfidence, m.withValue)} | ${distribution} |`;
  });
  const title = `📈 ${inertHtmlCode(insights.agentId)}${file ? ` · ${inertHtmlCode(file)}` : ''} — ${describeCalls(insights)}`;
  const notes = [describeExcluded(insights), 'Aggregates only: no transcript, phone number or free-text value is read into this comment.'].filter(Boolean).join(' ');
  return `<details><summary>${title}</summary>\n\n${HEAD}\n${rows.join('\n')}\n\n<sub>${inertText(notes)}</sub>\n\n</details>`;
}

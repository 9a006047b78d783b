/** Words for insights, shared by the markdown and terminal renderers: the distribution of one metric in one line. Pure. */
import { percent } from './blast-radius.js';
import type { AgentInsights, MetricInsight } from './types.js';

/** How a renderer shows a value the platform produced (model output: untrusted text). */
export type ShowValue = (value: string) => string;

/** "true 60 % · false 33 % · off-type 2 %", "resolved 41 % · … · outside `choices` 6 % (callback 3 %)". */
export function describeDistribution(metric: MetricInsight, show: ShowValue): string {
  const of = (count: number) => percent(count, metric.analysed);
  const d = metric.detail;
  const parts: string[] = [];
  switch (d.type) {
    case 'BOOLEAN':
      parts.push(`true ${of(d.true)}`, `false ${of(d.false)}`);
      if (d.offType > 0) parts.push(`off-type ${of(d.offType)}`);
      break;
    case 'INTEGER':
      if (d.min !== null) parts.push(`min ${d.min} · median ${d.median} · max ${d.max}`);
      if (d.offType > 0) parts.push(`off-type ${of(d.offType)}`);
      break;
    case 'DATETIME':
      parts.push(`parsed ${percent(d.parsed, metric.withValue)} of values`);
      break;
    case 'ENUM':
      parts.push(...d.choices.map((c) => `${show(c.value)} ${of(c.count)}`));
      if (d.outside > 0)
        parts.push(
          `outside choices ${of(d.outside)}${d.outsideTop.length > 0 ? ` (${d.outsideTop.map((o) => `${show(o.value)} ${of(o.count)}`).join(', ')})` : ''}`,
        );
      break;
    case 'STRING':
      parts.push(`${d.distinct} distinct`, ...d.top.map((t) => `${show(t.value)} ${of(t.count)}`));
      break;
  }
  return parts.join(' · ');
}

/** "412 calls on the live version over 14 days; 21 with dropped analytics (5 %)". */
export function describeCalls(insights: AgentInsights): string {
  const talked = insights.analysed + insights.dropped;
  const parts = [
    `${insights.calls} call${insights.calls === 1 ? '' : 's'} on the live version over ${insights.days} day${insights.days === 1 ? '' : 's'}`,
  ];
  if (insights.dropped > 0)
    parts.push(`${insights.dropped} with dropped analytics (${percent(insights.dropped, talked)} of conversations)`);
  return parts.join('; ');
}

const calls = (count: number) => `${count} call${count === 1 ? '' : 's'}`;

/**
 * Why an agent shows no calls, so silence never reads like "insights off" or "the read failed": "no calls on the live
 * version yet; 40 calls on other versions or revisions were left out".
 */
export function describeNoCalls(insights: AgentInsights): string {
  const { test, otherVersion, outsideWindow } = insights.excluded;
  const days = insights.window.days;
  const head =
    outsideWindow > 0
      ? `no calls on the live version in the last ${days === 1 ? 'day' : `${days} days`}`
      : 'no calls on the live version yet';
  const left = [
    otherVersion > 0 ? `${calls(otherVersion)} on other versions or revisions` : '',
    outsideWindow > 0 ? `${calls(outsideWindow)} older than the window` : '',
    test > 0 ? `${test} test call${test === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  if (left.length === 0) return head;
  return `${head}; ${left.join(', ')} ${left.length === 1 && otherVersion + outsideWindow + test === 1 ? 'was' : 'were'} left out`;
}

/** What was left out, for the footnote. */
export function describeExcluded(insights: AgentInsights): string {
  const { test, otherVersion, outsideWindow } = insights.excluded;
  const parts = [
    test > 0 ? `${test} test call${test === 1 ? '' : 's'}` : '',
    otherVersion > 0 ? `${otherVersion} on other versions` : '',
    outsideWindow > 0 ? `${outsideWindow} outside the window` : '',
    insights.noConversation > 0 ? `${insights.noConversation} without a conversation` : '',
    insights.pending > 0 ? `${insights.pending} still awaiting analytics` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Left out: ${parts.join(', ')}.` : '';
}

/** The blast radius of each metric change in numbers from recent calls: one compact line per change. Pure. */
import { extractListedOptions } from '../config/lint-rules.js';
import type { MetricChange } from '../plan/types.js';
import type { AgentInsights, MetricInsight } from './types.js';

/** "98 %", "< 1 %" for a share that is not zero but rounds to it. */
export function percent(part: number, whole: number): string {
  if (whole === 0) return '– %';
  const value = (part / whole) * 100;
  return value > 0 && value < 0.5 ? '< 1 %' : `${Math.round(value)} %`;
}

const code = (text: string) => `\`${text}\``;
const normalise = (value: string) => value.toLowerCase().replace(/[\s-]+/g, '_');

/** "160 calls/14 days", "1 call/1 day". */
function callsPerDays(calls: number, days: number): string {
  return `${calls} call${calls === 1 ? '' : 's'}/${days} day${days === 1 ? '' : 's'}`;
}

function window(insights: AgentInsights, metric: MetricInsight): string {
  return `the ${metric.analysed} analysed call${metric.analysed === 1 ? '' : 's'} of the last ${insights.days === 1 ? 'day' : `${insights.days} days`}`;
}

function choiceCount(metric: MetricInsight, choice: string): number {
  return metric.detail.type === 'ENUM' ? (metric.detail.choices.find((c) => c.value === choice)?.count ?? 0) : 0;
}

/** Facts about one change; empty when recent calls say nothing about it (a new metric, or no calls). */
export function blastRadius(change: MetricChange, insights: AgentInsights): string[] {
  const liveId = change.kind === 'renamed' ? change.previousIdentifier : change.identifier;
  const metric = insights.metrics.find((m) => m.identifier === liveId);
  if (change.kind === 'added' || metric === undefined || metric.analysed === 0) return [];
  const facts: string[] = [];
  if (change.kind === 'removed')
    facts.push(
      `removing ${code(metric.identifier)}: it had a value on ${percent(metric.withValue, metric.analysed)} of ${window(insights, metric)}`,
    );
  if (change.kind === 'renamed')
    facts.push(
      `renaming ${code(metric.identifier)} breaks the field that ${callsPerDays(metric.withValue, insights.days)} wrote`,
    );
  for (const field of change.fields) {
    if (field.field === 'type')
      facts.push(
        `${field.before} → ${field.after} changes the field that ${callsPerDays(metric.withValue, insights.days)} wrote`,
      );
    if (field.field === 'choices') {
      for (const choice of field.removed)
        facts.push(
          `choice ${code(choice)} removed: it was the answer on ${percent(choiceCount(metric, choice), metric.analysed)} of calls`,
        );
      const outside = metric.detail.type === 'ENUM' ? metric.detail.outsideTop : [];
      for (const choice of field.added) {
        const seen = outside.find((o) => o.value === choice)?.count ?? 0;
        if (seen > 0)
          facts.push(
            `choice ${code(choice)} added: ${percent(seen, metric.analysed)} of calls already answered it (outside \`choices\`)`,
          );
      }
    }
  }
  const after = change.after;
  if (after?.dispositionMetricType === 'ENUM' && metric.detail.type === 'ENUM') {
    const choices = new Set((after.choices ?? []).map(normalise));
    const extra = (extractListedOptions(after.dispositionMetricPrompt) ?? []).filter(
      (option) => !choices.has(normalise(option)),
    );
    if (extra.length > 0) {
      facts.push(
        `ENUM prompt lists ${extra.map(code).join(', ')}, which ${extra.length === 1 ? 'is not a choice' : 'are not choices'}: ${percent(metric.detail.outside, metric.withValue)} of answers were outside \`choices\``,
      );
    }
  }
  if (facts.length === 0 && change.kind === 'changed') {
    facts.push(
      `${code(metric.identifier)} had a value on ${percent(metric.withValue, metric.analysed)} of ${window(insights, metric)}${metric.lowConfidence > 0 ? `, ${percent(metric.lowConfidence, metric.withValue)} with low confidence` : ''}`,
    );
  }
  return facts;
}

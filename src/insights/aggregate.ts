/** Aggregates call logs into per-metric insights for one agent's live version. Pure: the clock is a parameter. */
import type { CallLog } from '../atoms/conversation-types.js';
import type { DispositionMetric } from '../config/types.js';
import { isShortLabel, normaliseValue, truncateLabel } from './normalise-value.js';
import type { AgentInsights, InsightsWindow, MetricDetail, MetricInsight, ValueCount } from './types.js';

const DAY_MS = 86_400_000;
/** Analytics appear 10–30 s after a call ends (fact sheet v2 §5); a call younger than this is not yet "dropped". */
export const PENDING_MS = 120_000;
/** A free-text value must be seen on this many calls before it is shown: a value from one call may identify it. */
const MIN_SHOWN_COUNT = 2;
const TOP_VALUES = 3;

export interface AggregateOptions {
  agentId: string;
  liveVersionId: string;
  metrics: readonly DispositionMetric[];
  window: InsightsWindow;
  now: number;
}

const timeOf = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso));

/** The calls that count: non-test, on the live version, inside the window (newest first, at most `maxCalls`). */
function selectWindow(logs: readonly CallLog[], options: AggregateOptions) {
  const since = options.now - options.window.days * DAY_MS;
  const excluded = { test: 0, otherVersion: 0, outsideWindow: 0 };
  const seen = new Set<string>();
  const inWindow: { log: CallLog; at: number }[] = [];
  for (const log of logs) {
    // Pages of a list sorted by a moving `updatedAt` can repeat a call.
    if (log.id !== '' && seen.has(log.id)) continue;
    seen.add(log.id);
    const at = timeOf(log.createdAt);
    if (log.isTest) excluded.test++;
    else if (log.versionId !== options.liveVersionId) excluded.otherVersion++;
    else if (Number.isNaN(at) || at < since || at > options.now + DAY_MS) excluded.outsideWindow++;
    else inWindow.push({ log, at });
  }
  inWindow.sort((a, b) => b.at - a.at);
  excluded.outsideWindow += Math.max(0, inWindow.length - options.window.maxCalls);
  return { selected: inWindow.slice(0, options.window.maxCalls), excluded };
}

function topShort(counts: ReadonlyMap<string, number>): ValueCount[] {
  return [...counts]
    .filter(([value, count]) => count >= MIN_SHOWN_COUNT && isShortLabel(value))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP_VALUES)
    .map(([value, count]) => ({ value: truncateLabel(value), count }));
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** One metric over the analysed calls. */
function aggregateMetric(metric: DispositionMetric, analysed: readonly CallLog[]): MetricInsight {
  const choices = metric.choices ?? [];
  let empty = 0;
  let lowConfidence = 0;
  const offType = { count: 0 };
  const booleans = { true: 0, false: 0 };
  const integers: number[] = [];
  let parsed = 0;
  const choiceCounts = new Map<string, number>(choices.map((c) => [c, 0]));
  const outside = new Map<string, number>();
  const strings = new Map<string, number>();
  for (const log of analysed) {
    const result = log.analytics?.find((m) => m.identifier === metric.identifier);
    const value = normaliseValue(result?.value ?? null, metric.dispositionMetricType, choices);
    if (value.kind === 'empty') {
      empty++;
      continue;
    }
    if (result?.confidence !== null && result?.confidence !== undefined && result.confidence < 0.5) lowConfidence++;
    if (value.kind === 'off-type') offType.count++;
    else if (value.kind === 'boolean') booleans[value.value ? 'true' : 'false']++;
    else if (value.kind === 'integer') integers.push(value.value);
    else if (value.kind === 'datetime') parsed++;
    else if (value.kind === 'choice') bump(choiceCounts, value.value);
    else if (value.kind === 'outside') bump(outside, value.raw);
    else bump(strings, value.value);
  }
  const withValue = analysed.length - empty;
  integers.sort((a, b) => a - b);
  const details: Record<DispositionMetric['dispositionMetricType'], () => MetricDetail> = {
    ENUM: () => ({
      type: 'ENUM',
      choices: [...choiceCounts].map(([value, count]) => ({ value, count })),
      outside: [...outside.values()].reduce((a, b) => a + b, 0),
      outsideTop: topShort(outside),
    }),
    BOOLEAN: () => ({ type: 'BOOLEAN', true: booleans.true, false: booleans.false, offType: offType.count }),
    INTEGER: () => ({
      type: 'INTEGER',
      min: integers[0] ?? null,
      median: median(integers),
      max: integers.at(-1) ?? null,
      offType: offType.count,
    }),
    DATETIME: () => ({ type: 'DATETIME', parsed, unparsed: offType.count }),
    STRING: () => ({ type: 'STRING', distinct: strings.size, top: topShort(strings) }),
  };
  return {
    identifier: metric.identifier,
    type: metric.dispositionMetricType,
    analysed: analysed.length,
    withValue,
    empty,
    lowConfidence,
    detail: details[metric.dispositionMetricType](),
  };
}

/** Aggregates the logs read for one agent into its insights. */
export function aggregateCalls(logs: readonly CallLog[], options: AggregateOptions): AgentInsights {
  const { selected, excluded } = selectWindow(logs, options);
  const analysed: CallLog[] = [];
  let dropped = 0;
  let noConversation = 0;
  let pending = 0;
  for (const { log } of selected) {
    if (!log.hadConversation) noConversation++;
    else if (log.analytics !== null && log.analytics.length > 0) analysed.push(log);
    else if (options.now - timeOf(log.updatedAt ?? log.createdAt) < PENDING_MS) pending++;
    else if (log.status === 'completed') dropped++;
    else noConversation++;
  }
  const oldest = selected.at(-1);
  return {
    agentId: options.agentId,
    versionId: options.liveVersionId,
    window: { ...options.window },
    calls: selected.length,
    from: oldest?.log.createdAt ?? null,
    to: selected[0]?.log.createdAt ?? null,
    days: oldest ? Math.max(1, Math.ceil((options.now - oldest.at) / DAY_MS)) : 0,
    analysed: analysed.length,
    dropped,
    noConversation,
    pending,
    excluded,
    metrics: options.metrics.map((metric) => aggregateMetric(metric, analysed)),
  };
}

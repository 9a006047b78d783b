/** What recent calls say about each live metric: plain data, aggregates only (never a transcript or a long free-text value). */
import type { MetricType } from '../config/types.js';

/** How far back to look: the last `maxCalls` calls or `days` days, whichever is smaller. */
export interface InsightsWindow {
  maxCalls: number;
  days: number;
}

export const DEFAULT_WINDOW: InsightsWindow = { maxCalls: 500, days: 14 };

/** A short value and how many calls gave it. */
export interface ValueCount {
  value: string;
  count: number;
}

export type MetricDetail =
  | { type: 'ENUM'; choices: ValueCount[]; outside: number; outsideTop: ValueCount[] }
  | { type: 'BOOLEAN'; true: number; false: number; offType: number }
  | { type: 'INTEGER'; min: number | null; median: number | null; max: number | null; offType: number }
  | { type: 'DATETIME'; parsed: number; unparsed: number }
  | { type: 'STRING'; distinct: number; top: ValueCount[] };

export interface MetricInsight {
  identifier: string;
  type: MetricType;
  /** Calls with post-call analytics in the window: every rate below is a share of these. */
  analysed: number;
  /** Calls whose value was neither null nor empty. */
  withValue: number;
  /** null, empty or blank. */
  empty: number;
  /** A value given with confidence below 0.5. */
  lowConfidence: number;
  detail: MetricDetail;
}

export interface AgentInsights {
  agentId: string;
  /** The live version (v1) or the live branch's head revision (v2): only its calls count. */
  versionId: string;
  window: InsightsWindow;
  /** Non-test calls on the live version inside the window. */
  calls: number;
  /** Oldest and newest call counted (ISO), and the days between the oldest and now, rounded up. */
  from: string | null;
  to: string | null;
  days: number;
  /** Calls with a conversation and post-call analytics. */
  analysed: number;
  /** Completed calls with a conversation but no post-call analytics: the platform dropped the whole result. */
  dropped: number;
  /** Calls nobody spoke on (no answer, failed): their values are null by design and are left out of the rates. */
  noConversation: number;
  /** Calls so recent their analytics may still be on the way (they appear 10–30 s after the call). */
  pending: number;
  /** Calls read but left out. */
  excluded: { test: number; otherVersion: number; outsideWindow: number };
  metrics: MetricInsight[];
}

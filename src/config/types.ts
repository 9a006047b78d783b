/** Shapes shared by every stage: a parsed metrics file, its diagnostics, and the API body it mirrors. */

export const METRIC_TYPES = ['STRING', 'BOOLEAN', 'INTEGER', 'ENUM', 'DATETIME'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

/** One disposition metric, in the API's flat form (fact sheet §7). */
export interface DispositionMetric {
  identifier: string;
  dispositionMetricPrompt: string;
  dispositionMetricType: MetricType;
  /** Present only for ENUM. */
  choices?: string[];
}

/** The API's `postCallAnalyticsConfig`, normalised: defaults applied, legacy nested type flattened. */
export interface PostCallAnalyticsConfig {
  dispositionMetrics: DispositionMetric[];
  useInternalAnalyticsModel: boolean;
  useReasoningModel: boolean;
  /** Deprecated by the platform; kept only when the file sets it, so a round trip is exact. */
  summaryPrompt?: string;
  /** Deprecated by the platform; kept only when the file sets it. */
  successMetrics?: unknown[];
}

export type Severity = 'error' | 'warning';

/** A problem pinned to a place in a file. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  message: string;
  /** Stable rule id, e.g. `json-syntax`, `duplicate-identifier`, `enum-prompt-options`. */
  rule: string;
}

/** A metrics file that passed validation (it may still carry warnings). */
export interface MetricsFile {
  /** Path as given by the caller (workspace-relative in the action). */
  path: string;
  /** Every agent this file targets: `agentId`, or each of `agentIds`. */
  agentIds: string[];
  /** Where each of `agentIds` is written, in the same order (for errors that concern a whole fleet). */
  agentIdPositions: { line: number; column: number }[];
  /** Normalised desired config, exactly what apply sends. */
  config: PostCallAnalyticsConfig;
}

/** Outcome of validating one file: data, never an exception. */
export interface FileResult {
  path: string;
  diagnostics: Diagnostic[];
  /** Present when there are no errors. */
  file?: MetricsFile;
}

export interface ValidateOptions {
  /** Lint rule ids switched off for this run (in addition to a file's own `lint.disable`). */
  disabledRules?: readonly string[];
}

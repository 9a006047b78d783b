/** The result of comparing desired metrics with live ones: plain data rendered by the markdown/terminal renderers. */
import type { Diagnostic, DispositionMetric, MetricType } from '../config/types.js';
import type { AgentInsights } from '../insights/types.js';

/** A word-level diff of a prompt: runs of equal, removed and added text (joined they give before/after). */
export interface TextDiffPart {
  op: 'equal' | 'removed' | 'added';
  text: string;
}

export type MetricFieldChange =
  | { field: 'type'; before: MetricType; after: MetricType }
  | { field: 'prompt'; before: string; after: string; parts: TextDiffPart[] }
  | { field: 'choices'; added: string[]; removed: string[]; reordered: boolean; before: string[]; after: string[] };

export interface MetricChange {
  kind: 'added' | 'removed' | 'changed' | 'renamed';
  /** Identifier in the desired config (for `removed`: the live identifier). */
  identifier: string;
  /** For `renamed`: the live identifier it replaces. */
  previousIdentifier?: string;
  before?: DispositionMetric;
  after?: DispositionMetric;
  fields: MetricFieldChange[];
  /** One line per reason this change breaks consumers keyed on identifier/type; empty when safe. */
  breaking: string[];
}

export interface FlagChange {
  flag: 'useInternalAnalyticsModel' | 'useReasoningModel' | 'summaryPrompt' | 'successMetrics';
  before: unknown;
  after: unknown;
}

/** Pure diff of two normalised configs. */
export interface ConfigDiff {
  metrics: MetricChange[];
  flags: FlagChange[];
  /** Identifiers present and identical on both sides. */
  unchanged: string[];
  /** Metrics kept on both sides appear in another order (the API keeps order; not breaking). */
  orderChanged: boolean;
  hasChanges: boolean;
  breaking: boolean;
}

export type AgentPlanStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

/** The plan for one (file, agent) target. */
export interface AgentPlan {
  agentId: string;
  file: string;
  status: AgentPlanStatus;
  /** Active version the diff was made against; null when not read (skipped/error) or never activated. */
  liveVersionId: string | null;
  /** v2 only: the live branch and head revision number, e.g. "v2 revision 4 of branch Main". */
  liveLabel?: string;
  /** The agent's versioning model, once read. */
  model?: 'v1' | 'v2';
  /** sha256 (hex) of the canonical desired config; apply compares it with the reviewed plan. */
  desiredHash: string;
  diff: ConfigDiff | null;
  /** Why the live diff was skipped, or what failed. Safe to show: never contains a secret. */
  message?: string;
  /** The breaking changes were allowed (input `allow-breaking` or the PR label). */
  breakingAllowed?: boolean;
  /** The live metrics the diff was made against (what recent calls are read for). */
  liveMetrics?: DispositionMetric[];
  /** What the live metrics produced on recent calls (input `insights`). */
  insights?: AgentInsights;
  /** Why recent calls could not be read: a warning, never a failed plan. */
  insightsWarning?: string;
}

export interface Plan {
  agents: AgentPlan[];
  /** Errors and warnings from validation, across all files. */
  diagnostics: Diagnostic[];
  /** Files that were validated (workspace-relative). */
  files: string[];
  /** Set when the live diff was skipped for every agent (fork PR, no api-key): shown once, plainly. */
  liveSkippedReason?: string;
}

/** JSON header hidden in the sticky comment's marker; the apply step reads it back. */
export interface PlanMarkerHeader {
  v: 1;
  actionVersion: string;
  agents: { agentId: string; liveVersionId: string | null; desiredHash: string }[];
}

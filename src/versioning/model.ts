/** One seam over the platform's two versioning models: v1 (drafts → versions → activate) and v2 (branches → revisions). */
import type { ApplyDeps, ApplyResult, ApplyTarget } from './apply-types.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';
import type { SectionChange } from '../rollback/section-changes.js';

export type VersioningKind = 'v1' | 'v2';
export type VersioningChoice = 'auto' | VersioningKind;
export const VERSIONING_CHOICES: readonly VersioningChoice[] = ['auto', 'v1', 'v2'];

/** What is live for one agent, in either model. */
export interface LiveState {
  model: VersioningKind;
  agentId: string;
  config: PostCallAnalyticsConfig;
  /** v1: the active version's id; v2: the live branch's head revision id. The plan header records it. */
  liveId: string | null;
  /** The agent's name, when the read brought it (v1's `GET /agent`); v2 reads no agent record. */
  name?: string;
  /** How messages name it, with the model's kind of number: "v1 version 3", "v2 revision 4 of branch Main". */
  label: string;
}

/** One entry of an agent's history, newest first. */
export interface HistoryEntry {
  id: string;
  number: number | null;
  label: string | null;
  by: string | null;
  at: string | null;
  /** Security-check status, lower case; null where the platform ran none. */
  scan: string | null;
  scanReason: string | null;
  live: boolean;
  restoredFrom: string | null;
}

export interface AgentHistory {
  model: VersioningKind;
  agentId: string;
  /** v2: the live branch's name. */
  branch?: string;
  entries: HistoryEntry[];
}

/** `metrics` (the default): publish the target's analytics over live, every other section as live has it. `whole`: restore (v2) or re-activate (v1) the whole target. */
export type RollbackScope = 'metrics' | 'whole';
export const ROLLBACK_SCOPES: readonly RollbackScope[] = ['metrics', 'whole'];

export interface RollbackRequest {
  agentId: string;
  /** The version (v1) or revision (v2) number to go back to; default the one before live. */
  to?: number;
  /** false: only say what would change. */
  execute: boolean;
  scope: RollbackScope;
  /** Make the target live even when its metrics fail today's validation (reported loudly). */
  allowInvalid: boolean;
  /** Let a rollback that breaks consumers of the metrics (a removed metric, …) through. */
  allowBreaking: boolean;
  /** How the caller spells the two overrides, for messages: `--allow-invalid` / `input allow-invalid: true`. */
  overrideNames: { allowInvalid: string; allowBreaking: string };
}

export interface RollbackSide {
  id: string;
  number: number | null;
  config: PostCallAnalyticsConfig;
  /** "v2 revision 2 (…) of branch Main". */
  name: string;
}

export interface RollbackResult {
  agentId: string;
  model: VersioningKind;
  scope: RollbackScope;
  /** `unchanged`: a metrics-only rollback found live already holding the target's metrics. `refused`: a check said no. */
  status: 'planned' | 'rolled-back' | 'unchanged' | 'refused' | 'failed';
  from?: RollbackSide;
  to?: RollbackSide;
  /** Sections other than the metrics that differ between live and the target; a whole-revision rollback reverts them. */
  otherSections?: SectionChange[];
  /** Why the other sections could not be compared, when they could not. */
  otherSectionsUnknown?: string;
  /** The target's metrics' validation errors under today's rules. */
  invalid?: string[];
  /** What the rollback breaks for consumers of the metrics. */
  breaking?: string[];
  /** Overrides used and other things the reader must not miss. */
  warnings?: string[];
  /** Set on a preview whose execution the checks would refuse. */
  refusal?: string;
  /** The new live id after a rollback (a v2 restore or a metrics-only publish makes a new one). */
  liveId?: string;
  liveNumber?: number | null;
  message?: string;
  steps: string[];
}

export interface VersioningModel {
  readonly kind: VersioningKind;
  readLive(agentId: string): Promise<LiveState>;
  /** Publishes a change and waits until it is live; exactly once across re-runs. */
  apply(target: ApplyTarget, deps: ApplyDeps): Promise<ApplyResult>;
  history(agentId: string, limit: number): Promise<AgentHistory>;
  rollback(request: RollbackRequest, deps: ApplyDeps): Promise<RollbackResult>;
}

/** "v1 version 3" / "v2 revision 4 of branch Main": every message that names a version says which model's number it is. */
export function nameVersion(model: VersioningKind, number: number | null, id: string | null, branch?: string): string {
  const noun = model === 'v1' ? 'version' : 'revision';
  const where = model === 'v2' && branch ? ` of branch ${branch}` : '';
  const which = number === null ? (id ?? '?') : `${number}${id ? ` (${id})` : ''}`;
  return `${model} ${noun} ${which}${where}`;
}

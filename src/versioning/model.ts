/** One seam over the platform's two versioning models: v1 (drafts → versions → activate) and v2 (branches → revisions). */
import type { ApplyDeps, ApplyResult, ApplyTarget } from './apply-types.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';

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

export interface RollbackRequest {
  agentId: string;
  /** The version (v1) or revision (v2) number to make live; default the one before live. */
  to?: number;
  /** false: only say what would change. */
  execute: boolean;
}

export interface RollbackResult {
  agentId: string;
  model: VersioningKind;
  status: 'planned' | 'rolled-back' | 'failed';
  from?: { id: string; number: number | null; config: PostCallAnalyticsConfig };
  to?: { id: string; number: number | null; config: PostCallAnalyticsConfig };
  /** The new live id after a rollback (v2 restore makes a new revision). */
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

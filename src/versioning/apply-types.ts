/** Inputs and outcomes of applying one agent's metrics. */
import type { AtomsApi } from '../atoms/types.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';

export interface ApplyTarget {
  agentId: string;
  file: string;
  desired: PostCallAnalyticsConfig;
  commitSha: string;
  /** Publish label (≤ 200 characters; truncated safely). */
  label: string;
  /** Publish description (≤ 2000); the change marker is appended. */
  description: string;
  /** What the merged pull request's plan was made against, when known. */
  reviewed?: { liveVersionId: string | null };
  /**
   * Earlier runs' reports for this change (the merged pull request's comment), when known. On v2 a failed scan leaves
   * nothing on the platform once our draft is discarded, so this is how a re-run knows the same content failed before.
   */
  earlierReport?: string;
  /**
   * The metrics earlier versions of the file held (from git), read only when an open draft has to be judged: a draft
   * holding exactly one of them, and nothing else, is a leftover of an earlier run of ours, replaced rather than refused.
   */
  earlierContents?: () => Promise<PostCallAnalyticsConfig[]>;
}

export interface ApplyDeps {
  api: AtomsApi;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  /** Progress lines for the log. */
  log: (line: string) => void;
  securityCheckTimeoutMs: number;
  onLiveChanged: 'fail' | 'apply';
  /**
   * Refuse a change that breaks consumers (a removed or renamed metric, a changed type, a lost ENUM choice).
   * The action's gate is the reviewed pull request, so it leaves this off; the CLI has no review and turns it on.
   */
  refuseBreaking?: boolean;
  /** First security-check poll after this long, then growing slowly to `pollCapMs`. */
  pollStartMs?: number;
  pollCapMs?: number;
  /** Runs a wait without holding a concurrency slot (applyAll sets it); absent: the wait just runs. */
  idle?: <T>(wait: () => Promise<T>) => Promise<T>;
  /** Aborted when the run is cancelled: no new step starts, the step in flight is finished or undone. */
  signal?: AbortSignal;
  /** Publish again a change whose security scan failed in an earlier run (the action's `force`). */
  republishFailed?: boolean;
  /** How long a write may keep retrying through a platform config freeze (423); default 90 s. */
  freezeWaitMs?: number;
}

export type ApplyStatus = 'unchanged' | 'applied' | 'resumed' | 'failed';

export interface ApplyResult {
  agentId: string;
  file: string;
  status: ApplyStatus;
  /** Which versioning model the agent is on: v1 numbers are versions, v2 numbers are revisions. */
  model?: 'v1' | 'v2';
  versionId?: string;
  versionNumber?: number | null;
  previousVersionId?: string | null;
  activatedAt?: string | null;
  /** Safe to show: never contains a secret. */
  error?: string;
  /** What happened, in order, for the summary. */
  steps: string[];
}

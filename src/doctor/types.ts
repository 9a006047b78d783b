/** What `atoms-metrics doctor` finds out about one agent, and the raw answers it found it from. */
import type { ProbeAnswer } from './probe-client.js';

/** One open unknown, answered: `answer` is `unknown` when it could not be told, and `evidence` then says why. */
export interface Finding {
  id: string;
  answer: string;
  evidence: string;
}

export type Model = 'v1' | 'v2';

/** Where the metrics sit in a revision's `resolvedConfig` (the names the issue uses; the emulator calls top-level `postCallAnalyticsConfig`). */
export type MetricsLocation = 'analytics.postCallAnalyticsConfig' | 'analytics' | 'top-level';

/** The live branch as read from `GET /branches`. */
export interface LiveBranch {
  id: string;
  name: string;
  isDefault: boolean;
  headRevisionId: string;
}

/** Every read the doctor made, as answered (v2-only reads are absent on v1 or when an earlier read failed). */
export interface ReadFacts {
  agentId: string;
  branches: ProbeAnswer;
  /** `GET /versions?limit=1`: the v1 list, a 409 under the branch model. */
  versionsList: ProbeAnswer;
  agent: ProbeAnswer;
  conversations: ProbeAnswer;
  headRevision?: ProbeAnswer;
  revisions?: ProbeAnswer;
  /** A kept v1 by-id read (`GET /versions/{head revision id}`). */
  keptV1Read?: ProbeAnswer;
}

/** How the scratch-branch experiment ended when it did not run to its end. */
export interface WriteStop {
  step: string;
  reason: string;
  kind: 'failed' | 'freeze' | 'interrupted';
}

/** The waiting after a 202 publish. */
export interface ScanWait {
  outcome: 'committed' | 'failed' | 'timeout' | 'interrupted';
  waitedMs: number;
  polls: number;
  /** The scan status seen last (failed, errored, queued, …). */
  status: string | null;
}

/** Every write (and the reads between them) of the scratch-branch experiment, as answered. */
export interface WriteFacts {
  label: string;
  putFull?: ProbeAnswer;
  putPartial?: ProbeAnswer;
  publish?: ProbeAnswer;
  scan?: ScanWait;
  /** The revision read of the head the publish made. */
  newHead?: ProbeAnswer;
  putEqual?: ProbeAnswer;
  draftAfterEqual?: ProbeAnswer;
  stop?: WriteStop;
}

export interface ScratchBranch {
  name: string;
  /** null when its creation failed. */
  id: string | null;
  archived: boolean;
  /** Why it could not be archived, when it could not. */
  problem?: string;
}

export interface DoctorReport {
  agentId: string;
  model: Model;
  findings: Finding[];
  emulatorArgs: string[];
  write:
    | { requested: false }
    | { requested: true; skipped: string }
    | { requested: true; scratch: ScratchBranch; stop?: WriteStop };
  requests: { reads: number; writes: number };
}

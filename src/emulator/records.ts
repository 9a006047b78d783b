/**
 * The emulator's records, one home below the modules that keep and change them (state.ts, state-v2.ts, calls.ts):
 * they import these types, and none of them imports another for its types.
 */

/** An agent config, keyed by the API's top-level field names. */
export type Config = Record<string, unknown>;

export interface VersionRecord {
  _id: string;
  versionNumber: number;
  label: string | null;
  description: string | null;
  isPinned: boolean;
  publishedBy: string;
  publishedAt: number;
  activatedBy: string | null;
  activatedAt: number | null;
  draftId: string | null;
  draftName: string | null;
  draftRevision: number | null;
  sourceVersionId: string | null;
  blocks: Record<string, string>;
  /** Final outcome of the security check; null for workflow_graph agents (no check). Pending until `publishedAt + checkMs`. */
  securityOutcome: { status: 'passed' | 'failed' | 'errored'; reason: string | null } | null;
  /** Overrides the emulator-wide check duration for this version (seeded versions are already checked). */
  checkMs?: number;
  config: Config;
  createdAt: number;
  updatedAt: number;
}

export interface EditHistoryEntry {
  revision: number;
  changedSections: string[];
  editorName: string | null;
  editorId: string | null;
  timestamp: number;
}

export interface DraftRecord {
  _id: string;
  draftId: string;
  draftName: string;
  draftRevision: number;
  sourceVersionId: string | null;
  createdBy: string;
  blocks: Record<string, string>;
  config: Config;
  editHistory: EditHistoryEntry[];
  discarded: boolean;
  published: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface AgentRecord {
  _id: string;
  name: string;
  workflowType: 'single_prompt' | 'workflow_graph';
  activeVersionId: string | null;
  archived: boolean;
  createdAt: number;
  versions: VersionRecord[];
  drafts: DraftRecord[];
  versioning: 'v1' | 'v2';
  /** v2 only (empty on v1). */
  branches: BranchRecord[];
  liveBranchId: string | null;
  /** v2: what `GET /agent/{id}` serves when it does not follow the live branch (switch `agentReadFollowsLive`). */
  migratedConfig: Config | null;
  migratedRevisionId: string | null;
}

export type ScanFailure = { reason: string | null; status: 'failed' | 'errored' };

export type ScanStatus = 'queued' | 'passed' | 'failed' | 'errored';

export interface SecurityCheck {
  status: ScanStatus;
  reason: string | null;
  triggeredAt: string | null;
  completedAt: string | null;
}

export interface RevisionEdit {
  revision: number;
  changedSections: string[];
  /** Top-level config fields the edit changed (what `expectedRevision` checks against). */
  fields: string[];
  editorName: string | null;
  editorId: string | null;
  timestamp: number;
}

export interface RevisionRecord {
  _id: string;
  branchId: string;
  revisionNumber: number;
  /** Legacy v1 number of a migrated revision; null for branch revisions. */
  versionNumber: number | null;
  label: string | null;
  publishedBy: string;
  publishedAt: number;
  restoredFromRevisionId: string | null;
  restoredFromLabel: string | null;
  draftId: string | null;
  draftName: string | null;
  draftRevision: number | null;
  sourceVersionId: string | null;
  blocks: Record<string, string>;
  securityCheck: SecurityCheck | null;
  /** The draft's edit trail at publish (for `…/history`). */
  trail: RevisionEdit[];
  config: Config;
  createdAt: number;
}

export interface ScanRecord {
  status: 'queued' | 'failed' | 'errored';
  reason: string | null;
  triggeredAt: number;
  completesAt: number;
  completedAt: number | null;
  /** How the scan ends. */
  outcome: { status: 'passed' | 'failed' | 'errored'; reason: string | null };
  startedBy: string;
  label: string | null;
}

/** A restore whose scan was forced (the `scanOutcome` switch, `failNextSecurityCheck`): the head moves only if it passes. */
export interface RestoreScan extends ScanRecord {
  sourceRevisionId: string;
}

export interface BranchDraft {
  /** Row id; it becomes the committed revision's `_id` (so polling the scanning row finds the revision). */
  _id: string;
  draftId: string;
  draftName: string;
  draftRevision: number;
  baseRevisionId: string | null;
  createdBy: string;
  blocks: Record<string, string>;
  config: Config;
  editHistory: RevisionEdit[];
  scan: ScanRecord | null;
  pendingPublish: { state: 'active' | 'cancelled'; startedBy: string; startedAt: number } | null;
  createdAt: number;
  updatedAt: number;
}

export interface BranchRecord {
  _id: string;
  name: string;
  isDefault: boolean;
  status: 'active' | 'archived';
  sourceBranchId: string | null;
  sourceRevisionId: string | null;
  headRevisionId: string | null;
  /** Committed revisions, oldest first. */
  revisions: RevisionRecord[];
  draft: BranchDraft | null;
  /** The last forced restore scan: queued, or how it ended (until the next restore). */
  restoreScan: RestoreScan | null;
  createdBy: string;
  updatedBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface CallMetricValue {
  identifier: string;
  value: string | null;
  confidence: number;
}

/** One call as the emulator stores it; rendered into the API's log shape by routes-conversations.ts. */
export interface CallRecord {
  _id: string;
  callId: string;
  agentId: string;
  status: 'completed' | 'no_answer' | 'failed';
  type: 'telephony_inbound' | 'telephony_outbound' | 'webcall';
  /** Seconds. */
  duration: number;
  createdAt: number;
  updatedAt: number;
  disconnectionReason: string;
  callCost: number;
  versionId: string | null;
  versionNumber: number | null;
  isTest: boolean;
  /** Synthetic, but shaped like the real thing: a reader must never show them. */
  fromNumber: string;
  toNumber: string;
  transcript: { role: 'agent' | 'user'; content: string; timestamp: string }[];
  agentDispositionConfig: { identifier: string; type: string }[];
  /** null: the platform dropped the call's analytics (or none ran). */
  postCallAnalytics: { summary: string; dispositionMetrics: CallMetricValue[] } | null;
}

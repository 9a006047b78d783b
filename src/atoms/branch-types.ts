/** What the Atoms v2 branch-model API returns, reduced to what the product relies on (v2 fact sheet §1). */
import type { PostCallAnalyticsConfig } from '../config/types.js';
import type { SecurityCheck } from './security-check.js';

/** A `BranchSummary`: the wrapper's `isLive` and the inner branch's fields, flattened. */
export interface BranchSummary {
  branchId: string;
  name: string;
  isDefault: boolean;
  /** Exactly one branch per agent is live: publishing on it is going live. */
  isLive: boolean;
  hasOpenDraft: boolean;
  openDraftId: string | null;
  headRevisionId: string | null;
  headRevisionNumber: number | null;
  revisionsCount: number | null;
  updatedByName: string | null;
}

export interface PendingPublish {
  state: string;
  startedBy: string | null;
  startedAt: string | null;
}

/** A `Revision` row: a committed revision, or the draft row of a branch. */
export interface Revision {
  _id: string;
  status: string;
  branch: string | null;
  /** Per-branch number; null on drafts and on migrated rows that only carry `versionNumber`. */
  revisionNumber: number | null;
  versionNumber: number | null;
  label: string | null;
  draftId: string | null;
  draftRevision: number | null;
  securityCheck: SecurityCheck | null;
  pendingPublish: PendingPublish | null;
  publishedAt: string | null;
  publishedBy: string | null;
  publishedByName: string | null;
  restoredFromRevisionId: string | null;
  /** On a draft row: the revision it was opened from (`parentVersion`, or `sourceVersionId`). */
  baseRevisionId: string | null;
  createdAt: string | null;
}

export interface DraftEdit {
  changedSections: string[];
  editorName: string | null;
  /** The edit's draft revision number (v2 sends a Revision object, v1 an int). */
  draftRevision: number | null;
  at: string | null;
}

export interface DraftDetail {
  latest: Revision;
  editCount: number;
  editHistory: DraftEdit[];
}

/** Publish and restore answer either at once (200 committed, with the revision) or later (202 scanning, no id). */
export type PublishOutcome = { state: 'committed'; revision: Revision | null } | { state: 'scanning' };

export interface RevisionDetail {
  revision: Revision;
  resolvedConfig: unknown;
}

export interface RevisionList {
  revisions: Revision[];
  total: number;
}

/** `GET /agent/{id}/diff?a=&b=` (fact sheet v2 §1.5): `a` the base, `b` the target; paths are leaf dot-paths. */
export interface DiffResult {
  unchangedSections: string[];
  diffs: { section: string; changes: { path: string; oldValue: unknown; newValue: unknown }[] }[];
}

/** Body of the draft PUT as this product sends it: the whole analytics object, never a partial. */
export interface BranchDraftPut {
  postCallAnalyticsConfig: PostCallAnalyticsConfig;
}

/** The v2 surface the versioning model depends on. */
export interface BranchApi {
  listBranches(agentId: string): Promise<BranchSummary[]>;
  getBranch(agentId: string, branchId: string): Promise<BranchSummary>;
  getRevision(agentId: string, branchId: string, revisionId: string): Promise<RevisionDetail>;
  listRevisions(agentId: string, branchId: string, options?: { limit?: number; skip?: number }): Promise<RevisionList>;
  /** null when no draft is open (the API answers 404). */
  getDraft(agentId: string, branchId: string): Promise<DraftDetail | null>;
  putDraft(agentId: string, branchId: string, body: BranchDraftPut): Promise<Revision>;
  /** false when there was no open draft to discard. */
  discardDraft(agentId: string, branchId: string): Promise<boolean>;
  publishDraft(agentId: string, branchId: string, body: { label?: string }): Promise<PublishOutcome>;
  cancelPublish(agentId: string, branchId: string): Promise<void>;
  restoreRevision(agentId: string, branchId: string, revisionId: string): Promise<PublishOutcome>;
  /** Each ref a revision id or `<branchId>:draft`: the only way to read a draft's values (its row holds block refs only). */
  diff(agentId: string, a: string, b: string): Promise<DiffResult>;
}

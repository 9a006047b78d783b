/** What the Atoms v1 API returns, reduced to the fields the product relies on (fact sheet §3–§6). */
import type { PostCallAnalyticsConfig } from '../config/types.js';
import type { BranchApi } from './branch-types.js';
import type { ConversationApi } from './conversation-types.js';
import type { SecurityCheck } from './security-check.js';

export type { SecurityCheck, SecurityCheckStatus } from './security-check.js';

/** An `AgentVersion` record: a published version or a draft revision. Unknown fields are kept in `raw`. */
export interface AgentVersion {
  _id: string;
  agent: string;
  status: 'published' | 'draft' | 'archived' | string;
  versionNumber: number | null;
  label: string | null;
  description: string | null;
  isActive: boolean;
  draftId: string | null;
  draftName: string | null;
  draftRevision: number | null;
  sourceVersionId: string | null;
  parentVersion?: string | null;
  /** `null` for workflow_graph agents and pre-feature versions: activation needs no wait. */
  securityCheck: SecurityCheck | null;
  publishedAt?: string | null;
  activatedAt?: string | null;
  /** Who published it (user id or name), when the API says. */
  publishedBy?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

/** The parts of `GET /agent/{id}` the product needs. */
export interface AgentView {
  agentId: string;
  name: string;
  workflowType: string | null;
  /** `data.activeVersionId` (falls back to its alias `data.versionId`); null when never activated. */
  activeVersionId: string | null;
  /** `_resolvedConfig` as sent: the metrics are found in it positively (versioning/live-config.ts). */
  resolvedConfig: unknown;
  /** `_configSource` when `draftId`/`versionId` was asked for. */
  configSource: string | null;
}

export interface VersionDetail {
  version: AgentVersion;
  resolvedConfig: unknown;
}

export interface VersionList {
  versions: AgentVersion[];
  total: number;
}

/** Body of the draft-config PATCH as this product sends it. */
export interface DraftConfigPatch {
  postCallAnalyticsConfig: PostCallAnalyticsConfig;
}

export interface PublishRequest {
  label?: string;
  description?: string;
}

/** The client surface the plan and apply services depend on (so tests may pass a recording wrapper). */
export interface AtomsApi {
  /** The v2 branch-model endpoints. */
  readonly branches: BranchApi;
  /** Call logs with their post-call analytics results. */
  readonly conversations: ConversationApi;
  getAgent(agentId: string, options?: { draftId?: string; versionId?: string }): Promise<AgentView>;
  createDraft(agentId: string, body: { sourceVersionId: string; draftName?: string }): Promise<AgentVersion>;
  patchDraftConfig(agentId: string, draftId: string, body: DraftConfigPatch): Promise<AgentVersion>;
  publishDraft(agentId: string, draftId: string, body: PublishRequest): Promise<AgentVersion>;
  getVersion(agentId: string, versionId: string): Promise<VersionDetail>;
  listVersions(agentId: string, options?: { limit?: number; skip?: number }): Promise<VersionList>;
  activateVersion(agentId: string, versionId: string): Promise<AgentVersion>;
  listDrafts(agentId: string): Promise<AgentVersion[]>;
  deleteDraft(agentId: string, draftId: string): Promise<void>;
}

/** Shared request pacing (fleet scale): every request waits for a slot; 429s slow it down. */
export interface RequestLimiter {
  acquire(): Promise<void>;
  /** Called when the server answered 429, with its requested wait if any. */
  onRateLimited(retryAfterMs: number | undefined): void;
}

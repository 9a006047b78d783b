/** Renders state records the way the API returns them (AgentVersion, AgentDTO). */
import type { AgentRecord, DraftRecord, EmulatorState, VersionRecord } from './state.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function renderVersion(
  state: EmulatorState,
  agent: AgentRecord,
  version: VersionRecord,
): Record<string, unknown> {
  return {
    _id: version._id,
    agent: agent._id,
    status: 'published',
    versionNumber: version.versionNumber,
    label: version.label,
    description: version.description,
    isPinned: version.isPinned,
    publishedBy: version.publishedBy,
    publishedAt: iso(version.publishedAt),
    activatedBy: version.activatedBy,
    activatedAt: iso(version.activatedAt),
    draftId: version.draftId,
    draftName: version.draftName,
    draftRevision: version.draftRevision,
    sourceVersionId: version.sourceVersionId,
    blocks: version.blocks,
    workflowType: agent.workflowType,
    parentVersion: version.sourceVersionId,
    isActive: agent.activeVersionId === version._id,
    securityCheck: state.securityCheckOf(version),
    promptScore: null,
    createdBy: version.publishedBy,
    createdAt: iso(version.createdAt),
    updatedAt: iso(version.updatedAt),
    __v: 0,
  };
}

export function renderDraft(agent: AgentRecord, draft: DraftRecord): Record<string, unknown> {
  return {
    _id: draft._id,
    agent: agent._id,
    status: 'draft',
    versionNumber: null,
    label: null,
    description: null,
    isPinned: false,
    publishedBy: null,
    publishedAt: null,
    activatedBy: null,
    activatedAt: null,
    draftId: draft.draftId,
    draftName: draft.draftName,
    draftRevision: draft.draftRevision,
    sourceVersionId: draft.sourceVersionId,
    blocks: draft.blocks,
    workflowType: agent.workflowType,
    parentVersion: draft.sourceVersionId,
    isActive: false,
    createdBy: draft.createdBy,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(draft.updatedAt),
    __v: 0,
  };
}

/** `resolvedConfig` of the version-detail endpoint, keyed by config section. */
export function renderSections(config: Record<string, unknown>): Record<string, unknown> {
  return {
    workflow: { prompt: config.prompt ?? null, tools: config.tools ?? [] },
    analytics: {
      postCallAnalyticsConfig: config.postCallAnalyticsConfig ?? null,
      callDispositionConfig: config.callDispositionConfig ?? '',
    },
    call_handling: { firstMessage: config.firstMessage ?? null },
  };
}

export function renderAgent(
  agent: AgentRecord,
  config: Record<string, unknown> | null,
  source: string | null,
): Record<string, unknown> {
  const resolved: Record<string, unknown> | undefined =
    config === null ? undefined : { ...structuredClone(config), workflowGraph: null };
  return {
    _id: agent._id,
    name: agent.name,
    workflowType: agent.workflowType,
    archived: agent.archived,
    activeVersionId: agent.activeVersionId,
    versionId: agent.activeVersionId,
    createdAt: iso(agent.createdAt),
    // The top-level copy is a legacy agent-document field (fact sheet §3: whether it mirrors the active version is unknown).
    postCallAnalyticsConfig: resolved?.postCallAnalyticsConfig ?? null,
    ...(resolved
      ? {
          _resolvedConfig: resolved,
          _versionedWorkflow: { prompt: resolved.prompt ?? null, tools: resolved.tools ?? [], workflowGraph: null },
        }
      : {}),
    ...(source ? { _configSource: source } : {}),
  };
}

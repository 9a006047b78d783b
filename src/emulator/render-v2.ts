/** Renders v2 state the way the branch-model API returns it (fact sheet v2 §1.2–§1.9). */
import { isRecord } from './reply.js';
import { BLOCK_SECTIONS, type AgentRecord, type Config, type EmulatorState } from './state.js';
import {
  headOf,
  iso,
  liveBranchOf,
  type BranchDraft,
  type BranchRecord,
  type RevisionEdit,
  type RevisionRecord,
} from './state-v2.js';
import type { MetricsLocation } from './types-v2.js';

const SECTION_OF: Record<string, string> = {
  prompt: 'workflow_prompt',
  globalPrompt: 'workflow_prompt',
  singlePromptConfig: 'workflow_prompt',
  tools: 'workflow_tools',
  workflowGraph: 'workflow_graph',
  slmModel: 'llm',
  customLLMWebSocketUrl: 'llm',
  synthesizer: 'voice',
  pronunciationDicts: 'voice',
  speechFormatting: 'voice',
  language: 'language',
  timezone: 'language',
  transcriberType: 'language',
  postCallAnalyticsConfig: 'analytics',
  callDispositionConfig: 'analytics',
  smartTurnConfig: 'detection',
  voiceDetectionConfig: 'detection',
  voiceMailDetectionConfig: 'detection',
  llmIdleTimeoutConfig: 'timeouts',
  sessionTimeoutConfig: 'timeouts',
  backgroundSound: 'audio',
  denoisingConfig: 'audio',
  redactionConfig: 'privacy',
  widgetConfig: 'widget',
};

/** The internal section a top-level config field is routed to on PUT draft. */
export function sectionOfField(field: string): string {
  return SECTION_OF[field] ?? 'call_handling';
}

/** `resolvedConfig`: the config keyed by section, the metrics placed per the `metricsLocation` switch. */
export function resolveSections(config: Config, location: MetricsLocation): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = Object.fromEntries(
    [...BLOCK_SECTIONS, 'playbooks'].map((s) => [s, {}]),
  );
  const top: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config)) {
    if (field === 'postCallAnalyticsConfig') {
      const flat = isRecord(value) ? structuredClone(value) : {};
      if (location === 'analytics') Object.assign(out.analytics ?? {}, flat);
      else if (location === 'analytics.postCallAnalyticsConfig') (out.analytics ?? {}).postCallAnalyticsConfig = flat;
      else top.postCallAnalyticsConfig = flat;
    } else {
      const section = out[sectionOfField(field)];
      if (section) section[field] = structuredClone(value);
    }
  }
  return { ...out, ...top };
}

function leafChanges(
  a: unknown,
  b: unknown,
  path: string,
  out: { path: string; oldValue: unknown; newValue: unknown }[],
  indexed: boolean,
): void {
  if (isRecord(a) && isRecord(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      leafChanges(a[key], b[key], path ? `${path}.${key}` : key, out, indexed);
  } else if (indexed && Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) leafChanges(a[i], b[i], `${path}.${i}`, out, indexed);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, oldValue: a ?? null, newValue: b ?? null });
}

/** DiffResult between two configs: `a` the base, `b` the target (fact sheet v2 §1.5). */
export function diffConfigs(
  a: Config,
  b: Config,
  location: MetricsLocation,
  paths: 'leaf' | 'indexed' = 'leaf',
): {
  unchangedSections: string[];
  diffs: { section: string; changes: { path: string; oldValue: unknown; newValue: unknown }[] }[];
} {
  // The analytics section always holds the metrics here (nested when the location puts them top-level), so a change is under it.
  const nested: MetricsLocation =
    location === 'postCallAnalyticsConfig' ? 'analytics.postCallAnalyticsConfig' : location;
  const sa = resolveSections(a, nested);
  const sb = resolveSections(b, nested);
  const unchangedSections: string[] = [];
  const diffs: { section: string; changes: { path: string; oldValue: unknown; newValue: unknown }[] }[] = [];
  for (const section of Object.keys(sa)) {
    const changes: { path: string; oldValue: unknown; newValue: unknown }[] = [];
    leafChanges(sa[section], sb[section], '', changes, paths === 'indexed');
    if (changes.length === 0) unchangedSections.push(section);
    else diffs.push({ section, changes });
  }
  return { unchangedSections, diffs };
}

/** The sections that differ between two configs. */
export function changedSections(a: Config, b: Config): string[] {
  return diffConfigs(a, b, 'analytics').diffs.map((d) => d.section);
}

export function renderBranch(agent: AgentRecord, branch: BranchRecord): Record<string, unknown> {
  return {
    _id: branch._id,
    agent: agent._id,
    name: branch.name,
    isDefault: branch.isDefault,
    sourceBranchId: branch.sourceBranchId,
    sourceRevisionId: branch.sourceRevisionId,
    headRevisionId: branch.headRevisionId,
    openDraftId: branch.draft?.draftId ?? null,
    status: branch.status,
    createdBy: branch.createdBy,
    updatedBy: branch.updatedBy,
    createdAt: iso(branch.createdAt),
    updatedAt: iso(branch.updatedAt),
    __v: 0,
  };
}

export function renderBranchSummary(
  state: EmulatorState,
  agent: AgentRecord,
  branch: BranchRecord,
): Record<string, unknown> {
  return {
    branch: renderBranch(agent, branch),
    isLive: agent.liveBranchId === branch._id,
    hasOpenDraft: branch.draft !== null,
    revisionsCount: branch.revisions.length,
    headRevisionNumber: headOf(branch)?.revisionNumber ?? null,
    createdByName: state.nameOf(branch.createdBy),
    updatedByName: state.nameOf(branch.updatedBy),
  };
}

export function renderRevision(
  state: EmulatorState,
  agent: AgentRecord,
  branch: BranchRecord,
  revision: RevisionRecord,
): Record<string, unknown> {
  const live = liveBranchOf(agent);
  return {
    _id: revision._id,
    agent: agent._id,
    status: 'published',
    branch: branch._id,
    revisionNumber: revision.revisionNumber,
    versionNumber: revision.versionNumber,
    label: revision.label,
    description: null,
    isPinned: false,
    publishedBy: revision.publishedBy,
    publishedAt: iso(revision.publishedAt),
    publishedByName: state.nameOf(revision.publishedBy),
    restoredFromLabel: revision.restoredFromLabel,
    restoredFromRevisionId: revision.restoredFromRevisionId,
    draftId: revision.draftId,
    draftName: revision.draftName,
    draftRevision: revision.draftRevision,
    sourceVersionId: revision.sourceVersionId,
    sourceDraftId: revision.draftId,
    blocks: revision.blocks,
    workflowType: agent.workflowType,
    parentVersion: revision.sourceVersionId,
    isActive: live !== undefined && live.headRevisionId === revision._id,
    activatedBy: null,
    activatedAt: null,
    securityCheck: revision.securityCheck,
    pendingPublish: null,
    promptScore: null,
    promptScoreStale: false,
    createdBy: revision.publishedBy,
    createdAt: iso(revision.createdAt),
    updatedAt: iso(revision.publishedAt),
    __v: 0,
  };
}

/** The draft row (a Revision with `status: "draft"`): block refs only, never config values. */
export function renderDraftRow(
  agent: AgentRecord,
  branch: BranchRecord,
  draft: BranchDraft,
  at?: RevisionEdit,
): Record<string, unknown> {
  const scan = at ? null : draft.scan;
  return {
    _id: draft._id,
    agent: agent._id,
    status: 'draft',
    branch: branch._id,
    revisionNumber: null,
    versionNumber: null,
    label: scan?.label ?? null,
    description: null,
    isPinned: false,
    publishedBy: null,
    publishedAt: null,
    publishedByName: null,
    restoredFromLabel: null,
    restoredFromRevisionId: null,
    draftId: draft.draftId,
    draftName: draft.draftName,
    draftRevision: at ? at.revision : draft.draftRevision,
    sourceVersionId: draft.baseRevisionId,
    sourceDraftId: null,
    blocks: draft.blocks,
    workflowType: agent.workflowType,
    parentVersion: draft.baseRevisionId,
    isActive: false,
    activatedBy: null,
    activatedAt: null,
    securityCheck: scan
      ? {
          status: scan.status,
          reason: scan.reason,
          triggeredAt: iso(scan.triggeredAt),
          completedAt: iso(scan.completedAt),
        }
      : null,
    pendingPublish:
      at || !draft.pendingPublish
        ? null
        : {
            state: draft.pendingPublish.state,
            startedBy: draft.pendingPublish.startedBy,
            startedAt: iso(draft.pendingPublish.startedAt),
          },
    promptScore: null,
    promptScoreStale: false,
    createdBy: draft.createdBy,
    createdAt: iso(draft.createdAt),
    updatedAt: iso(at ? at.timestamp : draft.updatedAt),
    __v: 0,
  };
}

export function renderEdit(
  agent: AgentRecord,
  branch: BranchRecord,
  draft: BranchDraft,
  edit: RevisionEdit,
): Record<string, unknown> {
  return {
    revision: renderDraftRow(agent, branch, draft, edit),
    changedSections: edit.changedSections,
    editorName: edit.editorName,
    timestamp: iso(edit.timestamp),
  };
}

export function renderDraftDetail(
  agent: AgentRecord,
  branch: BranchRecord,
  draft: BranchDraft,
): Record<string, unknown> {
  return {
    latest: renderDraftRow(agent, branch, draft),
    editCount: draft.editHistory.length,
    editHistory: draft.editHistory.map((e) => renderEdit(agent, branch, draft, e)),
  };
}

/** Seeds a v2 agent: branch Main with the seed's versions as revisions, an optional open draft, and extra branches. */
import { isRecord } from './reply.js';
import { DEFAULT_ANALYTICS, defaultConfig, newObjectId, type AgentRecord, type EmulatorState } from './state.js';
import {
  commitRevision,
  headOf,
  liveBranchOf,
  newBranch,
  openDraft,
  type BranchDraft,
  type BranchRecord,
  type ScanStatus,
  type SecurityCheck,
} from './state-v2.js';
import type { SeedAgent, SeedMetricsConfig, SeedVersion } from './types.js';

const SCAN_STATUSES: readonly ScanStatus[] = ['queued', 'passed', 'failed', 'errored'];
const isScanStatus = (value: unknown): value is ScanStatus => SCAN_STATUSES.some((status) => status === value);

function seededCheck(state: EmulatorState, agent: AgentRecord, entry: SeedVersion): SecurityCheck | null {
  const at = new Date(state.now()).toISOString();
  if (entry.securityCheck === null || (entry.securityCheck === undefined && agent.workflowType === 'workflow_graph'))
    return null;
  const status = entry.securityCheck?.status;
  const known: ScanStatus = isScanStatus(status) ? status : 'passed';
  return { status: known, reason: entry.securityCheck?.reason ?? null, triggeredAt: at, completedAt: at };
}

/** Commits the entries (oldest first) on the branch; the head is the `isActive` one, else the last. */
function addRevisions(
  state: EmulatorState,
  agent: AgentRecord,
  branch: BranchRecord,
  entries: SeedVersion[],
  legacyNumbers: boolean,
): string[] {
  const ids = entries.map((entry, index) => {
    const config = {
      ...defaultConfig(),
      postCallAnalyticsConfig: { ...structuredClone(DEFAULT_ANALYTICS), ...(entry.postCallAnalyticsConfig ?? {}) },
    };
    const revision = commitRevision(state, branch, config, {
      ...(entry._id ? { _id: entry._id } : {}),
      publishedBy: 'user_seed',
      label: entry.label ?? null,
      versionNumber: legacyNumbers ? index + 1 : null,
      draftId: entry.draftId ?? null,
      securityCheck: seededCheck(state, agent, entry),
    });
    return revision._id;
  });
  const active = entries.findIndex((entry) => entry.isActive);
  branch.headRevisionId = ids[active >= 0 ? active : ids.length - 1] ?? null;
  return ids;
}

/** A field of each section a foreign edit changes (PUT routes these fields to these sections, see render-v2.ts). */
const FIELD_OF_SECTION: Record<string, string> = {
  workflow_prompt: 'prompt',
  workflow_tools: 'tools',
  llm: 'slmModel',
  voice: 'speechFormatting',
  language: 'timezone',
  detection: 'smartTurnConfig',
  timeouts: 'llmIdleTimeoutConfig',
  audio: 'backgroundSound',
  privacy: 'redactionConfig',
  widget: 'widgetConfig',
  call_handling: 'firstMessage',
};

/** Another editor's edit lands in the branch's draft (opened from the head if none is open). */
export function addForeignEdit(
  state: EmulatorState,
  agent: AgentRecord,
  branch: BranchRecord,
  edit: {
    editorName: string;
    editorId?: string;
    changedSections: string[];
    config?: SeedMetricsConfig;
    draftId?: string;
    draftName?: string;
  },
): BranchDraft {
  const fresh = branch.draft === null;
  const draft = openDraft(state, agent, branch, edit.editorId ?? 'user_foreign');
  if (fresh && edit.draftId) draft.draftId = edit.draftId;
  if (fresh && edit.draftName) draft.draftName = edit.draftName;
  const fields: string[] = [];
  if (edit.config) {
    draft.config.postCallAnalyticsConfig = { ...structuredClone(DEFAULT_ANALYTICS), ...structuredClone(edit.config) };
    fields.push('postCallAnalyticsConfig');
  }
  // Every section the edit names really changes, so a diff shows it (an edit record alone ships nothing).
  for (const section of edit.changedSections) {
    if (section === 'analytics' && edit.config) continue;
    if (section === 'analytics') {
      const current = draft.config.postCallAnalyticsConfig;
      const metrics = isRecord(current) ? current : structuredClone(DEFAULT_ANALYTICS);
      draft.config.postCallAnalyticsConfig = { ...metrics, useReasoningModel: metrics.useReasoningModel !== true };
      fields.push('postCallAnalyticsConfig');
      continue;
    }
    const field = FIELD_OF_SECTION[section] ?? 'firstMessage';
    draft.config[field] =
      field === 'prompt'
        ? `${String(draft.config.prompt ?? '')} (edited by ${edit.editorName})`
        : `edited by ${edit.editorName}`;
    fields.push(field);
  }
  draft.draftRevision += 1;
  draft.updatedAt = state.now();
  draft.scan = null;
  draft.pendingPublish = null;
  for (const section of edit.changedSections) draft.blocks[section] = newObjectId();
  draft.editHistory.push({
    revision: draft.draftRevision,
    changedSections: [...edit.changedSections],
    fields,
    editorName: edit.editorName,
    editorId: edit.editorId ?? null,
    timestamp: state.now(),
  });
  return draft;
}

/** Fills a fresh v2 agent record from its seed; returns Main's revision ids, draft ids and branch ids (Main first). */
export function seedV2Agent(
  state: EmulatorState,
  agent: AgentRecord,
  seed: SeedAgent,
): { versionIds: string[]; draftIds: string[]; branchIds: string[] } {
  const main = newBranch(state, { name: 'Main', isDefault: true });
  agent.branches.push(main);
  agent.liveBranchId = main._id;
  const versionIds = addRevisions(
    state,
    agent,
    main,
    seed.versions && seed.versions.length > 0 ? seed.versions : [{ isActive: true }],
    true,
  );
  const seedDraft = (branch: BranchRecord, entry: NonNullable<SeedAgent['drafts']>[number] | undefined) => {
    if (!entry) return;
    const editorId = entry.createdBy ?? 'user_seed';
    const sections = entry.changedSections ?? (entry.postCallAnalyticsConfig ? ['analytics'] : []);
    addForeignEdit(state, agent, branch, {
      editorName: entry.editorName ?? state.nameOf(editorId),
      editorId,
      changedSections: sections,
      config: entry.postCallAnalyticsConfig,
      draftId: entry.draftId,
      draftName: entry.draftName,
    });
  };
  seedDraft(main, seed.drafts?.[0]);
  for (const extra of seed.branches ?? []) {
    const mainHead = headOf(main);
    const branch = newBranch(state, {
      name: extra.name,
      isDefault: false,
      sourceBranchId: main._id,
      sourceRevisionId: mainHead?._id ?? null,
    });
    agent.branches.push(branch);
    // `versions: []` seeds a branch before its first commit (head null); left out, the branch starts with a copy of Main's head.
    if (extra.versions && extra.versions.length > 0) addRevisions(state, agent, branch, extra.versions, false);
    else if (mainHead && extra.versions === undefined)
      commitRevision(state, branch, mainHead.config, {
        publishedBy: 'user_seed',
        securityCheck: structuredClone(mainHead.securityCheck),
      });
    if (extra.isLive) agent.liveBranchId = branch._id;
    seedDraft(branch, extra.drafts?.[0]);
  }
  const liveHead = headOf(liveBranchOf(agent) ?? main);
  agent.migratedConfig = liveHead ? structuredClone(liveHead.config) : null;
  agent.migratedRevisionId = liveHead?._id ?? null;
  return {
    versionIds,
    draftIds: agent.branches.flatMap((b) => (b.draft ? [b.draft.draftId] : [])),
    branchIds: agent.branches.map((b) => b._id),
  };
}

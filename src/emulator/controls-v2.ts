/** Test controls over v2 agents: state snapshots, a human publish, another editor's draft (see RunningEmulator). */
import { addForeignEdit } from './seed-v2.js';
import { defaultConfig, type AgentRecord, type EmulatorState } from './state.js';
import { commitRevision, headOf, liveBranchOf, settleAgent } from './state-v2.js';
import type { BranchSnapshot, ForeignDraftSpec, SeedMetricsConfig } from './types.js';

/** The branches of a v2 agent, metrics always in the API's flat `postCallAnalyticsConfig` shape. */
export function snapshotBranches(state: EmulatorState, agent: AgentRecord): BranchSnapshot[] {
  settleAgent(state, agent);
  return agent.branches.map((branch) => ({
    branchId: branch._id,
    name: branch.name,
    isLive: agent.liveBranchId === branch._id,
    isDefault: branch.isDefault,
    headRevisionId: branch.headRevisionId,
    revisions: branch.revisions.map((r) => ({
      _id: r._id,
      revisionNumber: r.revisionNumber,
      label: r.label,
      status: 'published',
      securityCheck: structuredClone(r.securityCheck),
      restoredFromRevisionId: r.restoredFromRevisionId,
      postCallAnalyticsConfig: structuredClone(r.config.postCallAnalyticsConfig),
    })),
    draft: branch.draft
      ? {
          draftId: branch.draft.draftId,
          draftRevision: branch.draft.draftRevision,
          postCallAnalyticsConfig: structuredClone(branch.draft.config.postCallAnalyticsConfig),
          editHistory: branch.draft.editHistory.map((e) => ({
            editorName: e.editorName,
            changedSections: [...e.changedSections],
          })),
        }
      : null,
  }));
}

/** A person publishes `config` in the dashboard: a new committed head on the live branch (the draft slot is left alone). */
export function publishFromDashboard(state: EmulatorState, agent: AgentRecord, config: SeedMetricsConfig): string {
  settleAgent(state, agent);
  const live = liveBranchOf(agent);
  if (!live) throw new Error(`emulator: agent ${agent._id} has no live branch`);
  const base = headOf(live)?.config ?? defaultConfig();
  state.userNames.set('user_dashboard', state.userNames.get('user_dashboard') ?? 'Dashboard User');
  return commitRevision(
    state,
    live,
    { ...structuredClone(base), postCallAnalyticsConfig: structuredClone(config) },
    { publishedBy: 'user_dashboard', label: 'Dashboard edit' },
  )._id;
}

/** Another editor's edit in the (live, or given) branch's draft; returns its draftId. */
export function openForeignDraft(state: EmulatorState, agent: AgentRecord, spec: ForeignDraftSpec): string {
  settleAgent(state, agent);
  const branch = spec.branchId ? agent.branches.find((b) => b._id === spec.branchId) : liveBranchOf(agent);
  if (!branch) throw new Error(`emulator: agent ${agent._id} has no branch ${spec.branchId ?? '(live)'}`);
  return addForeignEdit(state, agent, branch, {
    editorName: spec.editorName,
    editorId: 'user_foreign',
    changedSections: spec.changedSections,
    config: spec.config,
  }).draftId;
}

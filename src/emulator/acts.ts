/**
 * People and other runs acting between a client's calls: `atoms-metrics emulator --act '<METHOD> <path> <action>'`.
 * Right after a matching request took effect (before its answer leaves), a person does something on the agent's
 * live branch — the moments a busy organisation fills on a normal day, rehearsed on purpose.
 */
import type { AgentRecord, EmulatorState } from './state.js';
import { addForeignEdit } from './seed-v2.js';
import {
  commitDraft,
  liveBranchOf,
  newBranch,
  headOf,
  commitRevision,
  settleAgent,
  type BranchRecord,
} from './state-v2.js';
import type { ActSpec } from './act-spec.js';

export interface ActiveAct extends ActSpec {
  seen: number;
  done: number;
}

/** Whether the act fires for this request (and counts it). */
export function actFires(act: ActiveAct, method: string, path: string): boolean {
  if (act.done >= (act.times ?? 1)) return false;
  if (act.method && act.method !== method) return false;
  if (act.path !== undefined && (typeof act.path === 'string' ? act.path !== path : !act.path.test(path))) return false;
  act.seen += 1;
  if (act.seen <= (act.skip ?? 0)) return false;
  act.done += 1;
  return true;
}

/** The agent a request's path names, if any. */
export function agentOfPath(state: EmulatorState, path: string): AgentRecord | undefined {
  const id = /^\/agent\/([a-f\d]{24})/.exec(path)?.[1];
  return id ? state.agents.get(id) : undefined;
}

/** Carries out an act on the agent's live branch; returns a line for the emulator's log. */
export function performAct(state: EmulatorState, agent: AgentRecord, act: ActSpec): string {
  settleAgent(state, agent);
  const branch = liveBranchOf(agent);
  if (!branch) return `act ${act.action}: agent ${agent._id} has no live branch; nothing done`;
  const by = act.by ?? 'Dana Person';
  const userId = `user_${by.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
  state.userNames.set(userId, by);
  const section = act.arg ?? 'workflow_prompt';
  switch (act.action) {
    case 'edit-draft':
      addForeignEdit(state, agent, branch, { editorName: by, editorId: userId, changedSections: [section] });
      return `act: ${by} edited ${section} in the draft of branch ${branch.name}`;
    case 'discard-draft':
      if (!branch.draft) return `act: ${by} found no draft to discard on branch ${branch.name}`;
      branch.draft = null;
      return `act: ${by} discarded the draft of branch ${branch.name}`;
    case 'publish-draft':
      return publishAsIs(state, branch, by, userId);
    case 'publish-edit':
      addForeignEdit(state, agent, branch, { editorName: by, editorId: userId, changedSections: [section] });
      return publishAsIs(state, branch, by, userId);
    case 'make-live':
      return makeLive(state, agent, branch, act.arg ?? 'hotfix', userId, by);
  }
}

function publishAsIs(state: EmulatorState, branch: BranchRecord, by: string, userId: string): string {
  const draft = branch.draft;
  if (!draft) return `act: ${by} found no draft to publish on branch ${branch.name}`;
  const now = new Date(state.now()).toISOString();
  const revision = commitDraft(state, branch, draft, {
    publishedBy: userId,
    label: `Published by ${by}`,
    securityCheck: { status: 'passed', reason: null, triggeredAt: now, completedAt: now },
  });
  return `act: ${by} published the draft of branch ${branch.name} as revision ${revision.revisionNumber}`;
}

function makeLive(
  state: EmulatorState,
  agent: AgentRecord,
  live: BranchRecord,
  name: string,
  userId: string,
  by: string,
): string {
  let branch = agent.branches.find((b) => b.name === name && b.status === 'active');
  if (!branch) {
    const head = headOf(live);
    branch = newBranch(state, {
      name,
      isDefault: false,
      sourceBranchId: live._id,
      sourceRevisionId: head?._id ?? null,
      createdBy: userId,
      updatedBy: userId,
    });
    agent.branches.push(branch);
    if (head)
      commitRevision(state, branch, head.config, {
        publishedBy: userId,
        securityCheck: structuredClone(head.securityCheck),
        label: `Branched by ${by}`,
      });
  }
  agent.liveBranchId = branch._id;
  return `act: ${by} made branch ${name} live`;
}

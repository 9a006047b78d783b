/** v2 branch-model state: branches with revision chains and at most one open draft each (fact sheet v2 §1, §7). */
import { newBlocks, newObjectId, type EmulatorState } from './state.js';
import type {
  AgentRecord,
  BranchDraft,
  BranchRecord,
  Config,
  RestoreScan,
  RevisionRecord,
  SecurityCheck,
} from './records.js';

export type {
  BranchDraft,
  BranchRecord,
  RestoreScan,
  RevisionEdit,
  RevisionRecord,
  ScanRecord,
  ScanStatus,
  SecurityCheck,
} from './records.js';

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function headOf(branch: BranchRecord): RevisionRecord | undefined {
  return branch.revisions.find((r) => r._id === branch.headRevisionId);
}

export function liveBranchOf(agent: AgentRecord): BranchRecord | undefined {
  return agent.branches.find((b) => b._id === agent.liveBranchId);
}

export function findRevision(
  agent: AgentRecord,
  revisionId: string,
): { branch: BranchRecord; revision: RevisionRecord } | undefined {
  for (const branch of agent.branches) {
    const revision = branch.revisions.find((r) => r._id === revisionId);
    if (revision) return { branch, revision };
  }
  return undefined;
}

export function newBranch(
  state: EmulatorState,
  fields: Pick<BranchRecord, 'name' | 'isDefault'> & Partial<BranchRecord>,
): BranchRecord {
  const now = state.now();
  return {
    _id: newObjectId(),
    status: 'active',
    sourceBranchId: null,
    sourceRevisionId: null,
    headRevisionId: null,
    revisions: [],
    draft: null,
    restoreScan: null,
    createdBy: 'user_seed',
    updatedBy: 'user_seed',
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** Appends a committed revision and makes it the branch head. */
export function commitRevision(
  state: EmulatorState,
  branch: BranchRecord,
  config: Config,
  fields: Partial<RevisionRecord> & { publishedBy: string },
): RevisionRecord {
  const now = state.now();
  const revision: RevisionRecord = {
    _id: newObjectId(),
    branchId: branch._id,
    revisionNumber: Math.max(0, ...branch.revisions.map((r) => r.revisionNumber)) + 1,
    versionNumber: null,
    label: null,
    publishedAt: now,
    restoredFromRevisionId: null,
    restoredFromLabel: null,
    draftId: null,
    draftName: null,
    draftRevision: null,
    sourceVersionId: branch.headRevisionId,
    blocks: newBlocks(),
    securityCheck: { status: 'passed', reason: null, triggeredAt: iso(now), completedAt: iso(now) },
    trail: [],
    config: structuredClone(config),
    createdAt: now,
    ...fields,
  };
  branch.revisions.push(revision);
  branch.headRevisionId = revision._id;
  branch.updatedBy = fields.publishedBy;
  branch.updatedAt = now;
  return revision;
}

/** What the branch's next draft starts from: its head, or (a new branch before its first commit) the revision it was created from. */
export function baseOf(agent: AgentRecord, branch: BranchRecord): RevisionRecord | undefined {
  return (
    headOf(branch) ?? (branch.sourceRevisionId ? findRevision(agent, branch.sourceRevisionId)?.revision : undefined)
  );
}

/** Opens the branch's draft from its base (see baseOf) when none is open. */
export function openDraft(state: EmulatorState, agent: AgentRecord, branch: BranchRecord, userId: string): BranchDraft {
  if (branch.draft) return branch.draft;
  const now = state.now();
  const head = baseOf(agent, branch);
  branch.draft = {
    _id: newObjectId(),
    draftId: newObjectId(),
    draftName: `${branch.name} draft`,
    draftRevision: 0,
    baseRevisionId: head?._id ?? null,
    createdBy: userId,
    blocks: { ...(head?.blocks ?? newBlocks()) },
    config: structuredClone(head?.config ?? {}),
    editHistory: [],
    scan: null,
    pendingPublish: null,
    createdAt: now,
    updatedAt: now,
  };
  return branch.draft;
}

/** Commits the branch's draft as its new head and closes the draft. */
export function commitDraft(
  state: EmulatorState,
  branch: BranchRecord,
  draft: BranchDraft,
  fields: { publishedBy: string; label: string | null; securityCheck: SecurityCheck | null },
): RevisionRecord {
  const revision = commitRevision(state, branch, draft.config, {
    ...fields,
    _id: draft._id,
    draftId: draft.draftId,
    draftName: draft.draftName,
    draftRevision: draft.draftRevision,
    sourceVersionId: draft.baseRevisionId,
    blocks: { ...draft.blocks },
    trail: structuredClone(draft.editHistory),
  });
  branch.draft = null;
  return revision;
}

/** A publish or a restore is being scanned on this branch (one at a time: 409 publish_in_progress). */
export function scanInFlight(branch: BranchRecord): boolean {
  return branch.draft?.scan?.status === 'queued' || branch.restoreScan?.status === 'queued';
}

function settleRestore(state: EmulatorState, branch: BranchRecord, scan: RestoreScan): void {
  const check: SecurityCheck = {
    status: scan.outcome.status,
    reason: scan.outcome.reason,
    triggeredAt: iso(scan.triggeredAt),
    completedAt: iso(scan.completesAt),
  };
  const source = branch.revisions.find((r) => r._id === scan.sourceRevisionId);
  if (scan.outcome.status !== 'passed') {
    branch.restoreScan = {
      ...scan,
      status: scan.outcome.status,
      reason: scan.outcome.reason,
      completedAt: scan.completesAt,
    };
    return;
  }
  if (source)
    commitRevision(state, branch, source.config, {
      publishedBy: scan.startedBy,
      restoredFromRevisionId: source._id,
      restoredFromLabel: source.label,
      securityCheck: check,
    });
  branch.restoreScan = null;
}

/** Ends scans whose time has come (the injectable clock drives them; no timers). */
export function settleAgent(state: EmulatorState, agent: AgentRecord): void {
  for (const branch of agent.branches) {
    if (branch.restoreScan?.status === 'queued' && state.now() >= branch.restoreScan.completesAt)
      settleRestore(state, branch, branch.restoreScan);
    const draft = branch.draft;
    const scan = draft?.scan;
    if (!draft || !scan || scan.status !== 'queued' || state.now() < scan.completesAt) continue;
    const check: SecurityCheck = {
      status: scan.outcome.status,
      reason: scan.outcome.reason,
      triggeredAt: iso(scan.triggeredAt),
      completedAt: iso(scan.completesAt),
    };
    if (scan.outcome.status === 'passed') {
      commitDraft(state, branch, draft, { publishedBy: scan.startedBy, label: scan.label, securityCheck: check });
    } else {
      scan.status = scan.outcome.status;
      scan.reason = scan.outcome.reason;
      scan.completedAt = scan.completesAt;
      draft.pendingPublish = null;
    }
  }
}

/** The config `GET /agent/{id}` serves for a v2 agent, and the revision id it names. */
export function servedConfig(agent: AgentRecord, followLive: boolean): { id: string | null; config: Config | null } {
  if (!followLive && agent.migratedConfig) return { id: agent.migratedRevisionId, config: agent.migratedConfig };
  const live = liveBranchOf(agent);
  const head = live ? headOf(live) : undefined;
  return { id: head?._id ?? null, config: head?.config ?? null };
}

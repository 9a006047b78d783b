/** The typed Atoms v2 (branch model) client: branches, the branch's single draft, revisions (v2 fact sheet §1). */
import { AtomsApiError } from './errors.js';
import type { CallOptions, Failure } from './http.js';
import type {
  BranchApi,
  BranchDraftPut,
  DiffResult,
  BranchSummary,
  DraftDetail,
  DraftEdit,
  PendingPublish,
  PublishOutcome,
  Revision,
  RevisionDetail,
  RevisionList,
} from './branch-types.js';
import { isRecord, num, pathId, str, toSecurityCheck } from './wire.js';

type Call = (options: CallOptions) => Promise<unknown>;

/** Reads a BranchSummary; `isDefault` and `_id` sit on the inner `branch` (an early doc put them on the wrapper: accepted too). */
export function toBranchSummary(value: unknown): BranchSummary {
  const wrapper = isRecord(value) ? value : {};
  const branch = isRecord(wrapper.branch) ? wrapper.branch : wrapper;
  return {
    branchId: str(branch._id) ?? str(wrapper._id) ?? '',
    name: str(branch.name) ?? '',
    isDefault: branch.isDefault === true || wrapper.isDefault === true,
    isLive: wrapper.isLive === true,
    hasOpenDraft: wrapper.hasOpenDraft === true || str(branch.openDraftId) !== null,
    openDraftId: str(branch.openDraftId),
    headRevisionId: str(branch.headRevisionId),
    headRevisionNumber: num(wrapper.headRevisionNumber),
    revisionsCount: num(wrapper.revisionsCount),
    updatedByName: str(wrapper.updatedByName),
  };
}

function toPendingPublish(value: unknown): PendingPublish | null {
  if (!isRecord(value) || typeof value.state !== 'string') return null;
  return { state: value.state, startedBy: str(value.startedBy), startedAt: str(value.startedAt) };
}

export function toRevision(value: unknown): Revision {
  const v = isRecord(value) ? value : {};
  return {
    _id: str(v._id) ?? '',
    status: (str(v.status) ?? 'unknown').toLowerCase(),
    branch: str(v.branch),
    revisionNumber: num(v.revisionNumber),
    versionNumber: num(v.versionNumber),
    label: str(v.label),
    draftId: str(v.draftId),
    draftRevision: num(v.draftRevision),
    securityCheck: toSecurityCheck(v.securityCheck),
    pendingPublish: toPendingPublish(v.pendingPublish),
    publishedAt: str(v.publishedAt),
    publishedBy: str(v.publishedBy),
    publishedByName: str(v.publishedByName),
    restoredFromRevisionId: str(v.restoredFromRevisionId),
    baseRevisionId: str(v.parentVersion) ?? str(v.sourceVersionId),
    createdAt: str(v.createdAt),
  };
}

function toDraftEdit(value: unknown): DraftEdit {
  const e = isRecord(value) ? value : {};
  const revision = e.revision;
  return {
    changedSections: Array.isArray(e.changedSections)
      ? e.changedSections.filter((s): s is string => typeof s === 'string')
      : [],
    editorName: str(e.editorName),
    draftRevision: isRecord(revision) ? num(revision.draftRevision) : num(revision),
    at: str(e.timestamp) ?? (isRecord(revision) ? (str(revision.updatedAt) ?? str(revision.createdAt)) : null),
  };
}

function toPublishOutcome(data: unknown): PublishOutcome {
  const d = isRecord(data) ? data : {};
  const state = (str(d.state) ?? '').toLowerCase();
  if (state === 'scanning') return { state: 'scanning' };
  // The committed answer is documented with the revision; some answers were seen without it: the caller then reads.
  const revision = isRecord(d.revision) ? toRevision(d.revision) : null;
  if (state === 'committed' || revision !== null)
    return { state: 'committed', revision: revision && revision._id !== '' ? revision : null };
  throw new AtomsApiError(
    `The Atoms API answered a publish with state "${str(d.state) ?? '(none)'}", which this version does not know.`,
    { kind: 'invalid-response', method: 'POST', path: '-' },
  );
}

export class BranchClient implements BranchApi {
  constructor(private readonly call: Call) {}

  private base(agentId: string, branchId?: string): string {
    return `/agent/${pathId('agent id', agentId)}/branches${branchId === undefined ? '' : `/${pathId('branch id', branchId)}`}`;
  }

  async listBranches(agentId: string): Promise<BranchSummary[]> {
    const data = await this.call({
      method: 'GET',
      path: this.base(agentId),
      idempotent: true,
      describe: agentNotFound(agentId),
    });
    const list = isRecord(data) ? data.branches : data;
    return Array.isArray(list) ? list.map(toBranchSummary) : [];
  }

  async getBranch(agentId: string, branchId: string): Promise<BranchSummary> {
    return toBranchSummary(await this.call({ method: 'GET', path: this.base(agentId, branchId), idempotent: true }));
  }

  async getRevision(agentId: string, branchId: string, revisionId: string): Promise<RevisionDetail> {
    const data = await this.call({
      method: 'GET',
      path: `${this.base(agentId, branchId)}/revisions/${pathId('revision id', revisionId)}`,
      idempotent: true,
    });
    const record = isRecord(data) ? data : {};
    return {
      revision: toRevision(isRecord(record.revision) ? record.revision : record),
      resolvedConfig: record.resolvedConfig,
    };
  }

  async listRevisions(
    agentId: string,
    branchId: string,
    options: { limit?: number; skip?: number } = {},
  ): Promise<RevisionList> {
    const data = await this.call({
      method: 'GET',
      path: `${this.base(agentId, branchId)}/revisions`,
      query: { limit: String(options.limit ?? 20), skip: String(options.skip ?? 0) },
      idempotent: true,
    });
    const record = isRecord(data) ? data : {};
    const revisions = Array.isArray(record.revisions) ? record.revisions.map(toRevision) : [];
    return { revisions, total: num(record.total) ?? revisions.length };
  }

  async getDraft(agentId: string, branchId: string): Promise<DraftDetail | null> {
    try {
      const data = await this.call({ method: 'GET', path: `${this.base(agentId, branchId)}/draft`, idempotent: true });
      const record = isRecord(data) ? data : {};
      const history = Array.isArray(record.editHistory) ? record.editHistory.map(toDraftEdit) : [];
      return {
        latest: toRevision(record.latest),
        editCount: num(record.editCount) ?? history.length,
        editHistory: history,
      };
    } catch (error) {
      // 404 is the API's "no draft is open" (fact sheet §1.4); an HTML 404 is a missing route and stays an error.
      if (error instanceof AtomsApiError && error.kind === 'not-found') return null;
      throw error;
    }
  }

  async putDraft(agentId: string, branchId: string, body: BranchDraftPut): Promise<Revision> {
    // PUT merges the same body into the same draft: repeating it after an ambiguous failure changes nothing.
    return toRevision(
      await this.call({ method: 'PUT', path: `${this.base(agentId, branchId)}/draft`, body, idempotent: true }),
    );
  }

  async discardDraft(agentId: string, branchId: string): Promise<boolean> {
    try {
      await this.call({ method: 'DELETE', path: `${this.base(agentId, branchId)}/draft`, idempotent: true });
      return true;
    } catch (error) {
      if (error instanceof AtomsApiError && error.kind === 'not-found') return false;
      throw error;
    }
  }

  async publishDraft(agentId: string, branchId: string, body: { label?: string }): Promise<PublishOutcome> {
    const payload = body.label === undefined ? {} : { label: body.label };
    return toPublishOutcome(
      await this.call({
        method: 'POST',
        path: `${this.base(agentId, branchId)}/draft/publish`,
        body: payload,
        idempotent: false,
      }),
    );
  }

  async cancelPublish(agentId: string, branchId: string): Promise<void> {
    // Documented as idempotent (200 even with no scan running), so a retry is safe despite the POST.
    await this.call({
      method: 'POST',
      path: `${this.base(agentId, branchId)}/draft/publish/cancel`,
      body: {},
      idempotent: true,
    });
  }

  async diff(agentId: string, a: string, b: string): Promise<DiffResult> {
    if (a.length > 64 || b.length > 64)
      throw new AtomsApiError('A diff ref is longer than the 64 characters the API takes.', {
        kind: 'bad-request',
        method: 'GET',
        path: '-',
      });
    return toDiffResult(
      await this.call({
        method: 'GET',
        path: `/agent/${pathId('agent id', agentId)}/diff`,
        query: { a, b },
        idempotent: true,
      }),
    );
  }

  async restoreRevision(agentId: string, branchId: string, revisionId: string): Promise<PublishOutcome> {
    return toPublishOutcome(
      await this.call({
        method: 'POST',
        path: `${this.base(agentId, branchId)}/revisions/${pathId('revision id', revisionId)}/restore`,
        idempotent: false,
      }),
    );
  }
}

function toDiffResult(data: unknown): DiffResult {
  const d = isRecord(data) ? data : {};
  const sections = Array.isArray(d.unchangedSections)
    ? d.unchangedSections.filter((s): s is string => typeof s === 'string')
    : [];
  const diffs = (Array.isArray(d.diffs) ? d.diffs : []).filter(isRecord).map((entry) => ({
    section: str(entry.section) ?? '',
    changes: (Array.isArray(entry.changes) ? entry.changes : [])
      .filter(isRecord)
      .map((c) => ({ path: str(c.path) ?? '', oldValue: c.oldValue, newValue: c.newValue })),
  }));
  if (!Array.isArray(d.diffs))
    throw new AtomsApiError('The Atoms API answered a diff without a diffs list, which this version cannot read.', {
      kind: 'invalid-response',
      method: 'GET',
      path: '-',
    });
  return { unchangedSections: sections, diffs };
}

function agentNotFound(agentId: string) {
  return (failure: Failure) =>
    failure.status === 404 && !failure.html && failure.serverMessages.some((m) => /not found/i.test(m))
      ? {
          kind: 'agent-not-found' as const,
          message: `Agent ${agentId} was not found (GET branches answered 404). Is agentId right, and does the API key belong to the agent's organisation?`,
        }
      : undefined;
}

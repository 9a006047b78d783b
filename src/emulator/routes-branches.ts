/** The v2 branch routes: list, read, create, rename, archive, make live, test call, revisions, restore, diff (fact sheet v2 §1.2, §1.5, §1.8–§1.10). */
import {
  diffConfigs,
  renderBranch,
  renderBranchSummary,
  renderDraftRow,
  renderEdit,
  renderRevision,
  resolveSections,
} from './render-v2.js';
import { PUBLISH_IN_PROGRESS, conflict, frozen } from './guards-v2.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { routeBranchDraft } from './routes-branch-draft.js';
import { branchTestCall } from './routes-test-call.js';
import { OBJECT_ID, type AgentRecord, type Config } from './state.js';
import {
  commitRevision,
  findRevision,
  headOf,
  newBranch,
  scanInFlight as publishing,
  type BranchRecord,
} from './state-v2.js';

function listBranches(ctx: RouteContext, agent: AgentRecord): Reply {
  return ok({
    branches: agent.branches.filter((b) => b.status === 'active').map((b) => renderBranchSummary(ctx.state, agent, b)),
  });
}

function checkName(agent: AgentRecord, name: unknown, except?: BranchRecord): Reply | undefined {
  if (typeof name !== 'string' || name.trim().length < 1 || name.length > 100)
    return fail(400, 'name: String must contain between 1 and 100 character(s)');
  const taken =
    name.toLowerCase() === 'main' ||
    agent.branches.some((b) => b !== except && b.name.toLowerCase() === name.toLowerCase());
  return taken ? conflict('branch_name_exists', `A branch named "${name}" already exists`) : undefined;
}

function createBranch(ctx: RouteContext, agent: AgentRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (typeof body.sourceBranchId !== 'string' || !OBJECT_ID.test(body.sourceBranchId))
    return fail(400, 'sourceBranchId: Invalid ID');
  const badName = checkName(agent, body.name);
  if (badName?.status === 400) return badName;
  const source = agent.branches.find((b) => b._id === body.sourceBranchId && b.status === 'active');
  if (!source) return fail(404, 'Source branch not found');
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (badName) return badName;
  const head = headOf(source);
  if (!head) return conflict('source_has_no_commit', 'The source branch has no committed revision');
  if (publishing(source)) return conflict('source_scanning', 'The source branch has a publish in flight');
  // The new branch has no revision of its own: headRevisionId stays null until its first commit (fact sheet v2 §1.2).
  const branch = newBranch(ctx.state, {
    name: String(body.name),
    isDefault: false,
    sourceBranchId: source._id,
    sourceRevisionId: head._id,
    createdBy: ctx.user.userId,
    updatedBy: ctx.user.userId,
  });
  agent.branches.push(branch);
  return ok(renderBranch(agent, branch), 201);
}

function makeLive(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (branch.status === 'archived') return fail(403, 'Archived branches cannot be made live');
  const head = headOf(branch);
  if (!head) return conflict('no_committed_revision', 'The branch has no committed revision');
  if (head.securityCheck !== null && head.securityCheck.status !== 'passed')
    return fail(403, 'The branch head has not passed its security scan');
  agent.liveBranchId = branch._id;
  return ok(renderBranchSummary(ctx.state, agent, branch));
}

function archiveBranch(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (branch.isDefault || agent.liveBranchId === branch._id)
    return fail(403, 'The default branch and the live branch cannot be archived');
  branch.status = 'archived';
  return ok({ archived: true });
}

function renameBranch(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const name = isRecord(ctx.body) ? ctx.body.name : undefined;
  const bad = checkName(agent, name, branch);
  if (bad?.status === 400) return bad;
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (branch.isDefault) return fail(403, 'The default branch cannot be renamed');
  if (bad) return bad;
  branch.name = String(name);
  return ok(renderBranch(agent, branch));
}

function listRevisions(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const limit = Number(ctx.query.get('limit') ?? 20);
  const skip = Number(ctx.query.get('skip') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit: Number must be between 1 and 100');
  if (!Number.isInteger(skip) || skip < 0) return fail(400, 'skip: Number must be greater than or equal to 0');
  const committed = [...branch.revisions]
    .sort((a, b) => b.revisionNumber - a.revisionNumber)
    .map((r) => renderRevision(ctx.state, agent, branch, r));
  // A draft being scanned (or whose scan failed) is listed first, as its draft row (fact sheet v2 §1.7).
  const draft = branch.draft;
  const rows =
    draft?.scan && ctx.state.switches.scanningRowListed
      ? [renderDraftRow(agent, branch, draft), ...committed]
      : committed;
  return ok({ revisions: rows.slice(skip, skip + limit), total: rows.length });
}

/** The revision route's target: a committed revision of this branch, or its draft row. 400 when it belongs elsewhere. */
function revisionOf(
  ctx: RouteContext,
  agent: AgentRecord,
  branch: BranchRecord,
  revisionId: string,
): Reply | { config: Config; render: () => Record<string, unknown>; trail: () => unknown[] } {
  if (!OBJECT_ID.test(revisionId)) return fail(400, 'Invalid ID, or the revision does not belong to this branch');
  const draft = branch.draft;
  if (draft && draft._id === revisionId)
    return {
      config: draft.config,
      render: () => renderDraftRow(agent, branch, draft),
      trail: () => draft.editHistory.map((e) => renderEdit(agent, branch, draft, e)),
    };
  const found = findRevision(agent, revisionId);
  if (!found) return fail(404, 'Revision not found');
  if (found.branch !== branch) return fail(400, 'Invalid ID, or the revision does not belong to this branch');
  const { revision } = found;
  return {
    config: revision.config,
    render: () => renderRevision(ctx.state, agent, branch, revision),
    trail: () =>
      revision.trail.map((e) => ({
        revision: { ...renderRevision(ctx.state, agent, branch, revision), status: 'draft', draftRevision: e.revision },
        changedSections: e.changedSections,
        editorName: e.editorName,
      })),
  };
}

function restoreRevision(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord, revisionId: string): Reply {
  if (!OBJECT_ID.test(revisionId)) return fail(400, 'Invalid ID, or the revision does not belong to this branch');
  const source = branch.revisions.find((r) => r._id === revisionId);
  if (!source) return fail(404, 'Revision not found');
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (branch.status === 'archived') return fail(403, 'Archived branches cannot be changed');
  if (source.securityCheck && source.securityCheck.status !== 'passed')
    return fail(403, 'This revision has not passed its security scan');
  if (publishing(branch)) return PUBLISH_IN_PROGRESS();
  // "a 409 no-op" (fact sheet v2 §1.8); the spec's ConflictErrorResponse types name no other 409 for restore than publish_in_progress.
  if (branch.headRevisionId === source._id)
    return conflict(
      'publish_in_progress',
      'This revision is already the branch head; restoring it would change nothing',
    );
  // The platform answers 200 committed for an already-scanned source; a forced scan outcome makes the restore scan (202).
  const failure = source.securityCheck === null ? undefined : ctx.state.takeFailure(agent._id);
  const now = ctx.state.now();
  branch.restoreScan =
    failure === undefined
      ? null
      : {
          status: 'queued',
          reason: null,
          triggeredAt: now,
          completesAt: now + ctx.state.securityCheckMs,
          completedAt: null,
          outcome: failure,
          startedBy: ctx.user.userId,
          label: null,
          sourceRevisionId: source._id,
        };
  if (branch.restoreScan) return ok({ state: 'scanning' }, 202);
  const revision = commitRevision(ctx.state, branch, source.config, {
    publishedBy: ctx.user.userId,
    restoredFromRevisionId: source._id,
    restoredFromLabel: source.label,
    securityCheck: structuredClone(source.securityCheck),
  });
  return ok({ state: 'committed', revision: renderRevision(ctx.state, agent, branch, revision) });
}

/** `GET /agent/{id}/diff?a=&b=`: each ref a revision id or `<branchId>:draft`. */
export function diffRefs(ctx: RouteContext, agent: AgentRecord): Reply {
  const configOf = (ref: string | null): { config: Config } | { error: Reply } => {
    if (!ref) return { error: fail(400, 'a and b are required') };
    if (ref.length > 64) return { error: fail(400, 'Ref must be at most 64 characters') };
    const draftRef = /^([a-f\d]{24}):draft$/.exec(ref);
    if (draftRef) {
      const draft = agent.branches.find((b) => b._id === draftRef[1])?.draft;
      return draft ? { config: draft.config } : { error: fail(404, 'No open draft on this branch') };
    }
    if (!OBJECT_ID.test(ref)) return { error: fail(400, `Invalid ref: ${ref}`) };
    const config =
      findRevision(agent, ref)?.revision.config ?? agent.branches.find((b) => b.draft?._id === ref)?.draft?.config;
    return config ? { config } : { error: fail(404, 'Revision not found') };
  };
  const a = configOf(ctx.query.get('a'));
  if ('error' in a) return a.error;
  const b = configOf(ctx.query.get('b'));
  if ('error' in b) return b.error;
  return ok(diffConfigs(a.config, b.config, ctx.state.switches.metricsLocation, ctx.state.switches.diffPaths));
}

/** Routes `/agent/{id}/branches…`. Returns undefined for an unknown route (Express's HTML 404). */
export function routeBranches(ctx: RouteContext, agent: AgentRecord, rest: string[]): Reply | undefined {
  const { method } = ctx;
  if (rest.length === 1)
    return method === 'GET' ? listBranches(ctx, agent) : method === 'POST' ? createBranch(ctx, agent) : undefined;
  const [, branchId = '', sub, revisionId = '', action] = rest;
  const known =
    (rest.length === 2 && (method === 'GET' || method === 'PATCH')) ||
    (rest.length === 3 && method === 'POST' && (sub === 'live' || sub === 'archive' || sub === 'test-call')) ||
    (sub === 'draft' && rest.length <= 5) ||
    (sub === 'revisions' &&
      ((rest.length <= 4 && method === 'GET') ||
        (rest.length === 5 &&
          ((action === 'history' && method === 'GET') || (action === 'restore' && method === 'POST')))));
  if (!known) return undefined;
  if (!OBJECT_ID.test(branchId)) return fail(400, 'Invalid branchId format');
  const branch = agent.branches.find((b) => b._id === branchId);
  if (!branch) return fail(404, 'Resource not found');
  if (sub === 'draft') return routeBranchDraft(ctx, agent, branch, rest.slice(3));
  if (rest.length === 2)
    return method === 'GET' ? ok(renderBranchSummary(ctx.state, agent, branch)) : renameBranch(ctx, agent, branch);
  if (sub === 'live') return makeLive(ctx, agent, branch);
  if (sub === 'archive') return archiveBranch(ctx, agent, branch);
  if (sub === 'test-call') return branchTestCall(ctx, agent, branch);
  if (rest.length === 3) return listRevisions(ctx, agent, branch);
  if (action === 'restore') return restoreRevision(ctx, agent, branch, revisionId);
  const target = revisionOf(ctx, agent, branch, revisionId);
  if ('status' in target) return target;
  if (action === 'history')
    return ok({ revision: target.render(), publishedBy: target.render().publishedBy, trail: target.trail() });
  return ok({
    revision: target.render(),
    resolvedConfig: resolveSections(target.config, ctx.state.switches.metricsLocation),
  });
}

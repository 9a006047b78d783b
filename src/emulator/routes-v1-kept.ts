/** The v1 reads a v2 agent keeps during the coexistence window (fact sheet v2 §2): by-id version and draft reads and their diffs. */
import { renderSections } from './render.js';
import { diffConfigs, renderDraftRow, renderEdit, renderRevision } from './render-v2.js';
import { fail, ok, type Reply, type RouteContext } from './reply.js';
import { OBJECT_ID, type AgentRecord } from './state.js';
import { findRevision } from './state-v2.js';

function analyticsDiff(ctx: RouteContext, a: Record<string, unknown>, b: Record<string, unknown>) {
  return diffConfigs(a, b, ctx.state.switches.metricsLocation);
}

/** Routes the kept `GET /versions/{id}`, `/versions/diff`, `GET /drafts/{draftId}`, `/drafts/{draftId}/diff`; undefined when gone. */
export function routeKeptV1Reads(ctx: RouteContext, agent: AgentRecord, rest: string[]): Reply | undefined {
  const reply = keptV1Read(ctx, agent, rest);
  // Whether the kept reads send `Deprecation: true` is unknown (fact sheet v2 §6.12): a switch.
  return reply && ctx.state.switches.keptV1Deprecation
    ? { ...reply, headers: { ...reply.headers, deprecation: 'true' } }
    : reply;
}

function keptV1Read(ctx: RouteContext, agent: AgentRecord, rest: string[]): Reply | undefined {
  if (!ctx.state.switches.keptV1Reads || ctx.method !== 'GET') return undefined;
  const [kind, id = '', sub] = rest;
  if (kind === 'versions' && id === 'diff' && rest.length === 2) {
    const a = findRevision(agent, ctx.query.get('versionA') ?? '');
    const b = findRevision(agent, ctx.query.get('versionB') ?? '');
    return a && b ? ok(analyticsDiff(ctx, a.revision.config, b.revision.config)) : fail(404, 'Version not found');
  }
  if (kind === 'versions' && rest.length === 2) {
    if (!OBJECT_ID.test(id)) return fail(400, 'Invalid versionId format');
    const found = findRevision(agent, id);
    if (!found) return fail(404, 'Version not found');
    return ok({
      version: renderRevision(ctx.state, agent, found.branch, found.revision),
      resolvedConfig: renderSections(found.revision.config),
    });
  }
  if (kind !== 'drafts' || rest.length < 2 || rest.length > 3 || (sub !== undefined && sub !== 'diff'))
    return undefined;
  const branch = agent.branches.find((b) => b.draft?.draftId === id);
  const draft = branch?.draft;
  if (!branch || !draft) return fail(404, 'Agent or draft not found');
  if (sub === 'diff') {
    const base = findRevision(agent, ctx.query.get('compareTo') ?? draft.baseRevisionId ?? '');
    return ok(analyticsDiff(ctx, base?.revision.config ?? {}, draft.config));
  }
  return ok({
    latest: renderDraftRow(agent, branch, draft),
    editHistory: draft.editHistory.map((e) => renderEdit(agent, branch, draft, e)),
    editCount: draft.editHistory.length,
  });
}

/** The agent routes and the dispatcher below `/agent` (fact sheet §3, §12; v2 §1). Handlers return a reply; the server writes it. */
import { renderAgent } from './render.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { diffRefs, routeBranches } from './routes-branches.js';
import { routeConversations } from './routes-conversations.js';
import { routeDrafts } from './routes-drafts.js';
import { routeKeptV1Reads } from './routes-v1-kept.js';
import { v1TestCall } from './routes-test-call.js';
import { routeVersions } from './routes-versions.js';
import { addSeedAgent } from './seed.js';
import { OBJECT_ID, type AgentRecord, type EmulatorState } from './state.js';
import { findRevision, servedConfig, settleAgent } from './state-v2.js';

function createAgent(ctx: RouteContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (typeof body.name !== 'string' || body.name.trim() === '') return fail(400, 'name: Required');
  if (isRecord(body.language) && !isRecord(body.language.switching)) return fail(400, 'Invalid Input: Required');
  const { agentId, versionIds } = addSeedAgent(ctx.state, {
    name: body.name,
    workflowType: body.workflowType === 'workflow_graph' ? 'workflow_graph' : 'single_prompt',
    versions: [{ isActive: true, label: 'V1' }],
  });
  const agent = ctx.state.agents.get(agentId);
  const v1 = agent?.versions.find((v) => v._id === versionIds[0]);
  if (agent && v1) {
    v1.publishedBy = ctx.user.userId;
    v1.activatedBy = ctx.user.userId;
  }
  return ok(agentId, 201);
}

function getAgent(ctx: RouteContext, agent: AgentRecord): Reply {
  const draftId = ctx.query.get('draftId');
  const versionId = ctx.query.get('versionId');
  if (agent.versioning === 'v2') {
    if (draftId) {
      const draft = agent.branches.find((b) => b.draft?.draftId === draftId)?.draft;
      return draft ? ok(renderAgent(agent, draft.config, 'draft')) : fail(404, 'Draft not found');
    }
    if (versionId) {
      const found = findRevision(agent, versionId);
      return found ? ok(renderAgent(agent, found.revision.config, 'version')) : fail(404, 'Version not found');
    }
    const served = servedConfig(agent, ctx.state.switches.agentReadFollowsLive);
    return ok({ ...renderAgent(agent, served.config, null), activeVersionId: served.id, versionId: served.id });
  }
  if (draftId) {
    const draft = agent.drafts.find((d) => d.draftId === draftId && !d.discarded && !d.published);
    return draft ? ok(renderAgent(agent, draft.config, 'draft')) : fail(404, 'Draft not found');
  }
  if (versionId) {
    const version = agent.versions.find((v) => v._id === versionId);
    return version ? ok(renderAgent(agent, version.config, 'version')) : fail(404, 'Version not found');
  }
  const active = ctx.state.activeVersion(agent);
  return ok(renderAgent(agent, active ? active.config : null, null));
}

/** v2 routes (`/branches…`, `/diff`) on a v1 agent: a server without them, or (switch `v1Branches: 'empty'`) an unmigrated agent. */
function v2RouteOnV1Agent(ctx: RouteContext, rest: string[]): Reply | undefined {
  if (ctx.state.switches.v1Branches !== 'empty') return undefined;
  if (rest.length === 1 && rest[0] === 'branches' && ctx.method === 'GET') return ok({ branches: [] });
  return fail(404, 'Resource not found');
}

/** Routes one request under `/agent` (and hands `/conversation` on). Returns undefined for an unknown route (the server answers Express's HTML 404). */
export function routeAgentRequest(ctx: RouteContext): Reply | undefined {
  const { method, segments, state } = ctx;
  if (segments[0] === 'conversation') return routeConversations(ctx);
  if (segments[0] !== 'agent') return undefined;
  if (segments.length === 1) return method === 'POST' ? createAgent(ctx) : undefined;
  const agentId = segments[1] ?? '';
  const rest = segments.slice(2);
  const v2Route = rest[0] === 'branches' || (rest[0] === 'diff' && rest.length === 1 && method === 'GET');
  const known =
    (rest.length === 0 && method === 'GET') ||
    (rest[0] === 'archive' && method === 'DELETE') ||
    rest[0] === 'drafts' ||
    rest[0] === 'versions' ||
    v2Route;
  if (!known) return undefined;
  if (!OBJECT_ID.test(agentId)) return fail(400, 'Invalid agentId format');
  const agent = state.agents.get(agentId);
  if (!agent || agent.archived) {
    if (v2Route && state.switches.versioning === 'v1') return undefined;
    return rest.length === 0
      ? fail(400, 'No agent found')
      : v2Route
        ? fail(404, 'Resource not found')
        : fail(404, 'Agent not found');
  }
  settleAgent(state, agent);
  if (rest.length === 0) return getAgent(ctx, agent);
  if (rest[0] === 'archive') {
    agent.archived = true;
    return ok(agent._id);
  }
  if (v2Route) {
    if (agent.versioning === 'v1') return v2RouteOnV1Agent(ctx, rest);
    return rest[0] === 'diff' ? diffRefs(ctx, agent) : routeBranches(ctx, agent, rest);
  }
  const v1Kind = rest[0] === 'versions' || rest[0] === 'drafts' ? rest[0] : undefined;
  if (v1Kind && rest.length === 3 && rest[2] === 'test-call') {
    const gone = agent.versioning === 'v2' && !state.switches.keptV1Reads;
    return method === 'POST' && !gone ? v1TestCall(ctx, agent, v1Kind, rest[1] ?? '') : undefined;
  }
  if (agent.versioning === 'v2') return routeKeptV1Reads(ctx, agent, rest);
  return rest[0] === 'drafts' ? routeDrafts(ctx, agent, rest) : routeVersions(ctx, agent, rest);
}

/** v1 write and list endpoints that answer 409 under the branch model (fact sheet v2 §2). */
export function isBranchModelBlocked(method: string, segments: string[]): boolean {
  if (segments[0] !== 'agent' || segments.length < 3) return false;
  const [, , kind, id, action] = segments;
  // The draft test-call is kept under the branch model, like the by-id reads (fact sheet v2 §2).
  if (kind === 'drafts' && action === 'test-call' && method === 'POST' && segments.length === 5) return false;
  if (kind === 'drafts') return id === undefined || method !== 'GET' || (action !== undefined && action !== 'diff');
  if (kind === 'versions') return id === undefined ? method === 'GET' : method === 'PATCH';
  return false;
}

/** Whether this request gets the migration 409: a v1 write or list on a v2 agent (an unknown agent: the emulator's default model). */
export function answersMigrationRequired(state: EmulatorState, method: string, segments: string[]): boolean {
  if (!isBranchModelBlocked(method, segments)) return false;
  if (state.blockV1Everywhere) return true;
  const agent = state.agents.get(segments[1] ?? '');
  return (agent?.versioning ?? state.switches.versioning) === 'v2';
}

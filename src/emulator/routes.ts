/** The v1 agent routes and the dispatcher below `/agent` (fact sheet §3, §12). Handlers return a reply; the server writes it. */
import { renderAgent } from './render.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { routeDrafts } from './routes-drafts.js';
import { routeVersions } from './routes-versions.js';
import { OBJECT_ID, defaultConfig, newObjectId, type AgentRecord } from './state.js';

function createAgent(ctx: RouteContext): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (typeof body.name !== 'string' || body.name.trim() === '') return fail(400, 'name: Required');
  if (isRecord(body.language) && !isRecord(body.language.switching)) return fail(400, 'Invalid Input: Required');
  const now = ctx.state.now();
  const agent: AgentRecord = { _id: newObjectId(), name: body.name, workflowType: body.workflowType === 'workflow_graph' ? 'workflow_graph' : 'single_prompt', activeVersionId: null, archived: false, createdAt: now, versions: [], drafts: [] };
  ctx.state.agents.set(agent._id, agent);
  const v1 = ctx.state.publish(agent, defaultConfig(), { publishedBy: ctx.user.userId, label: 'V1', checkMs: 0 });
  v1.securityOutcome = agent.workflowType === 'workflow_graph' ? null : { status: 'passed', reason: null };
  ctx.state.activate(agent, v1, ctx.user.userId);
  return ok(agent._id, 201);
}

function getAgent(ctx: RouteContext, agent: AgentRecord): Reply {
  const draftId = ctx.query.get('draftId');
  const versionId = ctx.query.get('versionId');
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

/** Routes one request under `/agent`. Returns undefined for an unknown route (the server answers Express's HTML 404). */
export function routeAgentRequest(ctx: RouteContext): Reply | undefined {
  const { method, segments, state } = ctx;
  if (segments[0] !== 'agent') return undefined;
  if (segments.length === 1) return method === 'POST' ? createAgent(ctx) : undefined;
  const agentId = segments[1] ?? '';
  const rest = segments.slice(2);
  const known = (rest.length === 0 && method === 'GET') || (rest[0] === 'archive' && method === 'DELETE') || rest[0] === 'drafts' || rest[0] === 'versions';
  if (!known) return undefined;
  if (!OBJECT_ID.test(agentId)) return fail(400, 'Invalid agentId format');
  const agent = state.agents.get(agentId);
  if (!agent || agent.archived) return rest.length === 0 ? fail(400, 'No agent found') : fail(404, 'Agent not found');
  if (rest.length === 0) return getAgent(ctx, agent);
  if (rest[0] === 'archive') {
    agent.archived = true;
    return ok(agent._id);
  }
  return rest[0] === 'drafts' ? routeDrafts(ctx, agent, rest) : routeVersions(ctx, agent, rest);
}

/** v1 write and list endpoints that answer 409 under the branch model (fact sheet §1). */
export function isBranchModelBlocked(method: string, segments: string[]): boolean {
  if (segments[0] !== 'agent' || segments.length < 3) return false;
  const [, , kind, id, action] = segments;
  if (kind === 'drafts') return id === undefined || method !== 'GET' || (action !== undefined && action !== 'diff');
  if (kind === 'versions') return id === undefined ? method === 'GET' : method === 'PATCH';
  return false;
}

/** The v1 versions routes: list, read, edit metadata, diff, activate (fact sheet §5). */
import { renderSections, renderVersion } from './render.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { OBJECT_ID, type AgentRecord, type VersionRecord } from './state.js';

function listVersions(ctx: RouteContext, agent: AgentRecord): Reply {
  const limit = Number(ctx.query.get('limit') ?? 20);
  const skip = Number(ctx.query.get('skip') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit: Number must be between 1 and 100');
  if (!Number.isInteger(skip) || skip < 0) return fail(400, 'skip: Number must be greater than or equal to 0');
  const pinned = ctx.query.get('isPinned');
  const sorted = [...agent.versions].sort((a, b) => b.versionNumber - a.versionNumber);
  const filtered = pinned === null ? sorted : sorted.filter((v) => v.isPinned === (pinned === 'true'));
  const versions = filtered.slice(skip, skip + limit).map((v) => ({
    ...renderVersion(ctx.state, agent, v),
    publishedByName: v.publishedBy,
    activatedByName: v.activatedBy,
  }));
  // `total` counts every published version, ignoring the isPinned filter (fact sheet §5.1).
  return ok({ versions, total: agent.versions.length });
}

function activateVersion(ctx: RouteContext, agent: AgentRecord, versionId: string): Reply {
  const version = agent.versions.find((v) => v._id === versionId);
  if (!version) return fail(404, 'Version not found');
  if (agent.activeVersionId === version._id) return ok(renderVersion(ctx.state, agent, version));
  const check = ctx.state.securityCheckOf(version);
  if (check?.status === 'pending')
    return fail(ctx.options.activationPendingError.status, ctx.options.activationPendingError.message);
  if (check?.status === 'failed' || check?.status === 'errored')
    return fail(400, `Security check failed: ${check.reason ?? 'no reason given'}`);
  ctx.state.activate(agent, version, ctx.user.userId);
  return ok(renderVersion(ctx.state, agent, version));
}

function diffVersions(ctx: RouteContext, agent: AgentRecord): Reply {
  const a = agent.versions.find((v) => v._id === ctx.query.get('versionA'));
  const b = agent.versions.find((v) => v._id === ctx.query.get('versionB'));
  if (!a || !b) return fail(404, 'Version not found');
  const same = JSON.stringify(a.config.postCallAnalyticsConfig) === JSON.stringify(b.config.postCallAnalyticsConfig);
  return ok({
    unchangedSections: same ? ['analytics'] : [],
    diffs: same
      ? []
      : [
          {
            section: 'analytics',
            changes: [
              {
                path: 'postCallAnalyticsConfig',
                oldValue: a.config.postCallAnalyticsConfig,
                newValue: b.config.postCallAnalyticsConfig,
              },
            ],
          },
        ],
  });
}

/** Only metadata can change on a published version; its config is immutable (fact sheet §5.3). */
function patchVersion(ctx: RouteContext, agent: AgentRecord, version: VersionRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const allowed = ['label', 'description', 'isPinned'];
  if (Object.keys(body).some((key) => !allowed.includes(key)))
    return fail(400, 'Only label, description and isPinned can be changed on a published version');
  if (!Object.keys(body).some((key) => allowed.includes(key)))
    return fail(400, 'At least one of label, description, or isPinned is required');
  if (typeof body.label === 'string' && body.label.length > 200)
    return fail(400, 'label: String must contain at most 200 character(s)');
  if (typeof body.description === 'string' && body.description.length > 2000)
    return fail(400, 'description: String must contain at most 2000 character(s)');
  if ('label' in body) version.label = typeof body.label === 'string' ? body.label : null;
  if ('description' in body) version.description = typeof body.description === 'string' ? body.description : null;
  if (typeof body.isPinned === 'boolean') version.isPinned = body.isPinned;
  version.updatedAt = ctx.state.now();
  return ok(renderVersion(ctx.state, agent, version));
}

/** Routes `/agent/{id}/versions…`. Returns undefined for an unknown route. */
export function routeVersions(ctx: RouteContext, agent: AgentRecord, rest: string[]): Reply | undefined {
  const { method, state } = ctx;
  if (rest.length === 1) return method === 'GET' ? listVersions(ctx, agent) : undefined;
  const versionId = rest[1] ?? '';
  if (versionId === 'diff' && rest.length === 2 && method === 'GET') return diffVersions(ctx, agent);
  const versionRoute =
    (rest.length === 2 && ['GET', 'PATCH'].includes(method)) ||
    (rest.length === 3 && rest[2] === 'activate' && method === 'PATCH');
  if (!versionRoute) return undefined;
  if (!OBJECT_ID.test(versionId)) return fail(400, 'Invalid versionId format');
  if (rest.length === 3) return activateVersion(ctx, agent, versionId);
  const version = agent.versions.find((v) => v._id === versionId);
  if (!version) return fail(404, 'Version not found');
  if (method === 'GET')
    return ok({ version: renderVersion(state, agent, version), resolvedConfig: renderSections(version.config) });
  return patchVersion(ctx, agent, version);
}

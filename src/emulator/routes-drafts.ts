/** The v1 drafts routes: create, read, rename, discard, patch config, publish, diff (fact sheet §4). */
import { renderDraft, renderVersion } from './render.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { CONFIG_FIELDS, deepMerge, sectionOf } from './config-fields.js';
import { OBJECT_ID, newBlocks, newObjectId, type AgentRecord, type Config, type DraftRecord } from './state.js';
import { checkAnalyticsConfig } from './validate-metrics.js';

function findDraft(agent: AgentRecord, draftId: string): DraftRecord | undefined {
  return agent.drafts.find((d) => d.draftId === draftId && !d.discarded && !d.published);
}

function createDraft(ctx: RouteContext, agent: AgentRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const { sourceVersionId, sourceDraftId, draftName } = body;
  if (sourceVersionId === undefined && sourceDraftId === undefined)
    return fail(400, 'Either sourceVersionId or sourceDraftId is required');
  if (sourceVersionId !== undefined && (typeof sourceVersionId !== 'string' || !OBJECT_ID.test(sourceVersionId)))
    return fail(400, 'Invalid sourceVersionId format');
  if (draftName !== undefined && (typeof draftName !== 'string' || draftName.length < 1 || draftName.length > 100))
    return fail(400, 'draftName: String must contain between 1 and 100 character(s)');
  let config: Config;
  let source: string | null = null;
  if (typeof sourceDraftId === 'string') {
    const from = findDraft(agent, sourceDraftId);
    if (!from) return fail(404, 'Source draft not found');
    config = from.config;
    source = from.sourceVersionId;
  } else {
    const from = agent.versions.find((v) => v._id === sourceVersionId);
    if (!from) return fail(404, 'Source version not found');
    config = from.config;
    source = from._id;
  }
  const now = ctx.state.now();
  const draft: DraftRecord = {
    _id: newObjectId(),
    draftId: newObjectId(),
    draftName: typeof draftName === 'string' ? draftName : `Draft #${agent.drafts.length + 1}`,
    draftRevision: 0,
    sourceVersionId: source,
    createdBy: ctx.user.userId,
    blocks: newBlocks(),
    config: structuredClone(config),
    editHistory: [],
    discarded: false,
    published: false,
    createdAt: now,
    updatedAt: now,
  };
  agent.drafts.push(draft);
  return ok(renderDraft(agent, draft), 201);
}

function patchDraftConfig(ctx: RouteContext, draft: DraftRecord): Reply {
  const body = isRecord(ctx.body) ? structuredClone(ctx.body) : {};
  const fields = Object.keys(body).filter((key) => CONFIG_FIELDS.has(key));
  if (fields.length === 0) return fail(400, 'No recognized config fields');
  if ('postCallAnalyticsConfig' in body && ctx.options.validateMetrics) {
    const errors = checkAnalyticsConfig(body.postCallAnalyticsConfig, ctx.options.normaliseLegacyType);
    if (errors.length > 0) return fail(400, ...errors);
  }
  const patch = Object.fromEntries(fields.map((key) => [key, body[key]]));
  draft.config = deepMerge(draft.config, patch);
  draft.draftRevision += 1;
  draft.updatedAt = ctx.state.now();
  const sections = [...new Set(fields.map(sectionOf))];
  for (const section of sections) draft.blocks[section] = newObjectId();
  draft.editHistory.push({
    revision: draft.draftRevision,
    changedSections: sections,
    editorName: ctx.user.userId,
    editorId: ctx.user.userId,
    timestamp: draft.updatedAt,
  });
  // The real API answers with the revision and rotated block ids only, never the config it stored (fact sheet §9 pitfall 4).
  return ok({ draftId: draft.draftId, draftRevision: draft.draftRevision, blocks: draft.blocks });
}

function publishDraft(ctx: RouteContext, agent: AgentRecord, draft: DraftRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (body.label !== undefined && body.label !== null && (typeof body.label !== 'string' || body.label.length > 200))
    return fail(400, 'label: String must contain at most 200 character(s)');
  if (
    body.description !== undefined &&
    body.description !== null &&
    (typeof body.description !== 'string' || body.description.length > 2000)
  )
    return fail(400, 'description: String must contain at most 2000 character(s)');
  // `activate` is accepted and ignored: publish never activates (fact sheet §4.8).
  const version = ctx.state.publish(agent, draft.config, {
    publishedBy: ctx.user.userId,
    label: typeof body.label === 'string' ? body.label : null,
    description: typeof body.description === 'string' ? body.description : null,
    draftId: draft.draftId,
    draftName: draft.draftName,
    draftRevision: draft.draftRevision,
    sourceVersionId: draft.sourceVersionId,
  });
  draft.published = true;
  return ok(renderVersion(ctx.state, agent, version), 201);
}

function listDrafts(agent: AgentRecord): Reply {
  return ok(
    agent.drafts
      .filter((d) => !d.discarded && !d.published)
      .map((d) => ({ ...renderDraft(agent, d), lastEditorName: d.editHistory.at(-1)?.editorName ?? null })),
  );
}

function getDraft(ctx: RouteContext, agent: AgentRecord, draft: DraftRecord): Reply {
  const limit = Math.min(100, Math.max(1, Number(ctx.query.get('limit') ?? 50) || 50));
  return ok({
    latest: renderDraft(agent, draft),
    editHistory: draft.editHistory.slice(-limit).map((e) => ({ ...e, timestamp: new Date(e.timestamp).toISOString() })),
    editCount: draft.editHistory.length,
  });
}

function renameDraft(ctx: RouteContext, draft: DraftRecord): Reply {
  const name = isRecord(ctx.body) ? ctx.body.draftName : undefined;
  if (typeof name !== 'string' || name.length < 1 || name.length > 100)
    return fail(400, 'draftName: String must contain between 1 and 100 character(s)');
  draft.draftName = name;
  return ok({ draftName: name });
}

function discardDraft(ctx: RouteContext, draft: DraftRecord): Reply {
  if (draft.createdBy !== ctx.user.userId && !ctx.user.admin)
    return fail(403, 'Only the draft creator or an admin can discard this draft');
  draft.discarded = true;
  return ok(null);
}

function diffDraft(ctx: RouteContext, agent: AgentRecord, draft: DraftRecord): Reply {
  const base = agent.versions.find((v) => v._id === (ctx.query.get('compareTo') ?? draft.sourceVersionId));
  const changed =
    JSON.stringify(base?.config.postCallAnalyticsConfig) !== JSON.stringify(draft.config.postCallAnalyticsConfig);
  return ok({
    sections: {
      analytics: {
        before: base?.config.postCallAnalyticsConfig ?? null,
        after: draft.config.postCallAnalyticsConfig ?? null,
        changed,
      },
    },
    hasChanges: changed,
  });
}

/** Routes `/agent/{id}/drafts…`. Returns undefined for an unknown route. */
export function routeDrafts(ctx: RouteContext, agent: AgentRecord, rest: string[]): Reply | undefined {
  const { method } = ctx;
  if (rest.length === 1)
    return method === 'POST' ? createDraft(ctx, agent) : method === 'GET' ? listDrafts(agent) : undefined;
  const draft = findDraft(agent, rest[1] ?? '');
  const sub = rest[2];
  const draftRoute =
    (rest.length === 2 && ['GET', 'PATCH', 'DELETE'].includes(method)) ||
    (rest.length === 3 &&
      ((sub === 'config' && method === 'PATCH') ||
        (sub === 'publish' && method === 'POST') ||
        (sub === 'diff' && method === 'GET')));
  if (!draftRoute) return undefined;
  if (!draft) return fail(404, 'Agent or draft not found');
  if (rest.length === 2 && method === 'GET') return getDraft(ctx, agent, draft);
  if (rest.length === 2 && method === 'PATCH') return renameDraft(ctx, draft);
  if (rest.length === 2 && method === 'DELETE') return discardDraft(ctx, draft);
  if (sub === 'config') return patchDraftConfig(ctx, draft);
  if (sub === 'publish') return publishDraft(ctx, agent, draft);
  return diffDraft(ctx, agent, draft);
}

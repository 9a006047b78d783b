/** The v1 routes: agents, drafts, versions (fact sheet §3–§5, §12). Handlers return a reply; the server writes it. */
import { renderAgent, renderDraft, renderSections, renderVersion } from './render.js';
import { checkAnalyticsConfig } from './validate-metrics.js';
import { OBJECT_ID, defaultConfig, newBlocks, newObjectId, type AgentRecord, type Config, type DraftRecord, type EmulatorState } from './state.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  state: EmulatorState;
  method: string;
  /** Path segments below the base path, e.g. ['agent', '<id>', 'drafts']. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  user: { userId: string; admin: boolean };
  options: { normaliseLegacyType: boolean; validateMetrics: boolean; activationPendingError: { status: number; message: string } };
}

const ok = (data: unknown, status = 200): Reply => ({ status, body: { status: true, data } });
const fail = (status: number, ...errors: string[]): Reply => ({ status, body: { status: false, errors } });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; arrays and scalars replace (fact sheet §4.6). */
export function deepMerge(target: Config, patch: Config): Config {
  const out: Config = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isRecord(value) && isRecord(current) ? deepMerge(current, value) : structuredClone(value);
  }
  return out;
}

/** DraftConfigRequest fields (fact sheet §4.6); anything else in a config PATCH is not a config field. */
const CONFIG_FIELDS = new Set([
  'singlePromptConfig', 'postCallAnalyticsConfig', 'language', 'synthesizer', 'slmModel', 'transcriberType', 'customLLMWebSocketUrl', 'widgetConfig',
  'defaultVariables', 'preCallAPI', 'globalPrompt', 'globalKnowledgeBaseId', 'firstMessage', 'allowInterruptions', 'waitForUserToSpeakFirst',
  'muteUserUntilFirstBotResponse', 'interruptionBackoffTimer', 'backgroundSound', 'smartTurnConfig', 'voiceDetectionConfig', 'voiceMailDetectionConfig',
  'denoisingConfig', 'redactionConfig', 'pronunciationDicts', 'llmIdleTimeoutConfig', 'sessionTimeoutConfig', 'workflowType', 'timezone',
  'callDispositionConfig', 'enableStyleGuide', 'speechFormatting',
]);

function sectionOf(field: string): string {
  if (field === 'postCallAnalyticsConfig' || field === 'callDispositionConfig') return 'analytics';
  if (field === 'singlePromptConfig') return 'workflow_prompt';
  if (['language', 'timezone'].includes(field)) return 'language';
  if (['synthesizer', 'pronunciationDicts', 'speechFormatting'].includes(field)) return 'voice';
  return 'call_handling';
}

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

function findDraft(agent: AgentRecord, draftId: string): DraftRecord | undefined {
  return agent.drafts.find((d) => d.draftId === draftId && !d.discarded && !d.published);
}

function createDraft(ctx: RouteContext, agent: AgentRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  const { sourceVersionId, sourceDraftId, draftName } = body;
  if (sourceVersionId === undefined && sourceDraftId === undefined) return fail(400, 'Either sourceVersionId or sourceDraftId is required');
  if (sourceVersionId !== undefined && (typeof sourceVersionId !== 'string' || !OBJECT_ID.test(sourceVersionId))) return fail(400, 'Invalid sourceVersionId format');
  if (draftName !== undefined && (typeof draftName !== 'string' || draftName.length < 1 || draftName.length > 100)) return fail(400, 'draftName: String must contain between 1 and 100 character(s)');
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
  draft.editHistory.push({ revision: draft.draftRevision, changedSections: sections, editorName: ctx.user.userId, editorId: ctx.user.userId, timestamp: draft.updatedAt });
  // The real API answers with the revision and rotated block ids only, never the config it stored (fact sheet §9 pitfall 4).
  return ok({ draftId: draft.draftId, draftRevision: draft.draftRevision, blocks: draft.blocks });
}

function publishDraft(ctx: RouteContext, agent: AgentRecord, draft: DraftRecord): Reply {
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (body.label !== undefined && body.label !== null && (typeof body.label !== 'string' || body.label.length > 200)) return fail(400, 'label: String must contain at most 200 character(s)');
  if (body.description !== undefined && body.description !== null && (typeof body.description !== 'string' || body.description.length > 2000)) return fail(400, 'description: String must contain at most 2000 character(s)');
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

function listVersions(ctx: RouteContext, agent: AgentRecord): Reply {
  const limit = Number(ctx.query.get('limit') ?? 20);
  const skip = Number(ctx.query.get('skip') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit: Number must be between 1 and 100');
  if (!Number.isInteger(skip) || skip < 0) return fail(400, 'skip: Number must be greater than or equal to 0');
  const pinned = ctx.query.get('isPinned');
  const sorted = [...agent.versions].sort((a, b) => b.versionNumber - a.versionNumber);
  const filtered = pinned === null ? sorted : sorted.filter((v) => v.isPinned === (pinned === 'true'));
  const versions = filtered.slice(skip, skip + limit).map((v) => ({ ...renderVersion(ctx.state, agent, v), publishedByName: v.publishedBy, activatedByName: v.activatedBy }));
  // `total` counts every published version, ignoring the isPinned filter (fact sheet §5.1).
  return ok({ versions, total: agent.versions.length });
}

function activateVersion(ctx: RouteContext, agent: AgentRecord, versionId: string): Reply {
  const version = agent.versions.find((v) => v._id === versionId);
  if (!version) return fail(404, 'Version not found');
  if (agent.activeVersionId === version._id) return ok(renderVersion(ctx.state, agent, version));
  const check = ctx.state.securityCheckOf(version);
  if (check?.status === 'pending') return fail(ctx.options.activationPendingError.status, ctx.options.activationPendingError.message);
  if (check?.status === 'failed') return fail(400, `Security check failed: ${check.reason ?? 'no reason given'}`);
  ctx.state.activate(agent, version, ctx.user.userId);
  return ok(renderVersion(ctx.state, agent, version));
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
  if (rest[0] === 'drafts') {
    if (rest.length === 1) return method === 'POST' ? createDraft(ctx, agent) : method === 'GET' ? ok(agent.drafts.filter((d) => !d.discarded && !d.published).map((d) => ({ ...renderDraft(agent, d), lastEditorName: d.editHistory.at(-1)?.editorName ?? null }))) : undefined;
    const draft = findDraft(agent, rest[1] ?? '');
    const sub = rest[2];
    const draftRoute = (rest.length === 2 && ['GET', 'PATCH', 'DELETE'].includes(method)) || (rest.length === 3 && ((sub === 'config' && method === 'PATCH') || (sub === 'publish' && method === 'POST') || (sub === 'diff' && method === 'GET')));
    if (!draftRoute) return undefined;
    if (!draft) return fail(404, 'Agent or draft not found');
    if (rest.length === 2 && method === 'GET') {
      const limit = Math.min(100, Math.max(1, Number(ctx.query.get('limit') ?? 50) || 50));
      return ok({ latest: renderDraft(agent, draft), editHistory: draft.editHistory.slice(-limit).map((e) => ({ ...e, timestamp: new Date(e.timestamp).toISOString() })), editCount: draft.editHistory.length });
    }
    if (rest.length === 2 && method === 'PATCH') {
      const name = isRecord(ctx.body) ? ctx.body.draftName : undefined;
      if (typeof name !== 'string' || name.length < 1 || name.length > 100) return fail(400, 'draftName: String must contain between 1 and 100 character(s)');
      draft.draftName = name;
      return ok({ draftName: name });
    }
    if (rest.length === 2 && method === 'DELETE') {
      if (draft.createdBy !== ctx.user.userId && !ctx.user.admin) return fail(403, 'Only the draft creator or an admin can discard this draft');
      draft.discarded = true;
      return ok(null);
    }
    if (sub === 'config') return patchDraftConfig(ctx, draft);
    if (sub === 'publish') return publishDraft(ctx, agent, draft);
    const base = agent.versions.find((v) => v._id === (ctx.query.get('compareTo') ?? draft.sourceVersionId));
    const changed = JSON.stringify(base?.config.postCallAnalyticsConfig) !== JSON.stringify(draft.config.postCallAnalyticsConfig);
    return ok({ sections: { analytics: { before: base?.config.postCallAnalyticsConfig ?? null, after: draft.config.postCallAnalyticsConfig ?? null, changed } }, hasChanges: changed });
  }
  // versions
  if (rest.length === 1) return method === 'GET' ? listVersions(ctx, agent) : undefined;
  const versionId = rest[1] ?? '';
  if (versionId === 'diff' && rest.length === 2 && method === 'GET') {
    const a = agent.versions.find((v) => v._id === ctx.query.get('versionA'));
    const b = agent.versions.find((v) => v._id === ctx.query.get('versionB'));
    if (!a || !b) return fail(404, 'Version not found');
    const same = JSON.stringify(a.config.postCallAnalyticsConfig) === JSON.stringify(b.config.postCallAnalyticsConfig);
    return ok({ unchangedSections: same ? ['analytics'] : [], diffs: same ? [] : [{ section: 'analytics', changes: [{ path: 'postCallAnalyticsConfig', oldValue: a.config.postCallAnalyticsConfig, newValue: b.config.postCallAnalyticsConfig }] }] });
  }
  const versionRoute = (rest.length === 2 && ['GET', 'PATCH'].includes(method)) || (rest.length === 3 && rest[2] === 'activate' && method === 'PATCH');
  if (!versionRoute) return undefined;
  if (!OBJECT_ID.test(versionId)) return fail(400, 'Invalid versionId format');
  if (rest.length === 3) return activateVersion(ctx, agent, versionId);
  const version = agent.versions.find((v) => v._id === versionId);
  if (!version) return fail(404, 'Version not found');
  if (method === 'GET') return ok({ version: renderVersion(state, agent, version), resolvedConfig: renderSections(version.config) });
  const body = isRecord(ctx.body) ? ctx.body : {};
  const allowed = ['label', 'description', 'isPinned'];
  if (Object.keys(body).some((key) => !allowed.includes(key))) return fail(400, 'Only label, description and isPinned can be changed on a published version');
  if (!Object.keys(body).some((key) => allowed.includes(key))) return fail(400, 'At least one of label, description, or isPinned is required');
  if (typeof body.label === 'string' && body.label.length > 200) return fail(400, 'label: String must contain at most 200 character(s)');
  if (typeof body.description === 'string' && body.description.length > 2000) return fail(400, 'description: String must contain at most 2000 character(s)');
  if ('label' in body) version.label = typeof body.label === 'string' ? body.label : null;
  if ('description' in body) version.description = typeof body.description === 'string' ? body.description : null;
  if (typeof body.isPinned === 'boolean') version.isPinned = body.isPinned;
  version.updatedAt = state.now();
  return ok(renderVersion(state, agent, version));
}

/** v1 write and list endpoints that answer 409 under the branch model (fact sheet §1). */
export function isBranchModelBlocked(method: string, segments: string[]): boolean {
  if (segments[0] !== 'agent' || segments.length < 3) return false;
  const [, , kind, id, action] = segments;
  if (kind === 'drafts') return id === undefined || method !== 'GET' || (action !== undefined && action !== 'diff');
  if (kind === 'versions') return id === undefined ? method === 'GET' : method === 'PATCH';
  return false;
}

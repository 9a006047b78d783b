/** The v2 draft routes of one branch: read, upsert (PUT), discard, publish, cancel (fact sheet v2 §1.3, §1.4, §1.6, §3). */
import { CONFIG_FIELDS, deepMerge } from './config-fields.js';
import { changedSections, renderDraftDetail, renderDraftRow, renderRevision, sectionOfField } from './render-v2.js';
import { PUBLISH_IN_PROGRESS, conflict, frozen } from './guards-v2.js';
import { fail, isRecord, ok, type Reply, type RouteContext } from './reply.js';
import { newObjectId, type AgentRecord, type Config } from './state.js';
import {
  baseOf,
  commitDraft,
  headOf,
  iso,
  openDraft,
  scanInFlight,
  type BranchDraft,
  type BranchRecord,
} from './state-v2.js';
import { checkAnalyticsConfig } from './validate-metrics.js';
import { closeNoOpDraft } from './put-equal.js';

const NO_DRAFT = 'No open draft on this branch';

/** Applies one PUT body to the draft config; returns the top-level fields it touched. */
function mergeInto(config: Config, body: Config, fields: string[], putMerge: 'replace' | 'deep'): string[] {
  const touched: string[] = [];
  for (const field of fields) {
    const value = body[field];
    if (field === 'singlePromptConfig' && isRecord(value)) {
      // Only the leaves are kept: `singlePromptConfig: {tools}` lands at `workflow_tools.tools` (fact sheet v2 §1.9).
      for (const [key, leaf] of Object.entries(value)) {
        config[key] = structuredClone(leaf);
        touched.push(key);
      }
      continue;
    }
    const current = config[field];
    const replace = field === 'postCallAnalyticsConfig' && putMerge === 'replace';
    config[field] =
      !replace && isRecord(value) && isRecord(current) ? deepMerge(current, value) : structuredClone(value);
    touched.push(field);
  }
  return touched;
}

/** The fields a PUT touches, for the `expectedRevision` check (before anything is merged). */
function touchedFields(body: Config, fields: string[]): string[] {
  return fields.flatMap((field) =>
    field === 'singlePromptConfig' && isRecord(body[field]) ? Object.keys(body[field]) : [field],
  );
}

function draftConflict(ctx: RouteContext, draft: BranchDraft, expected: number, clashes: string[]): Reply {
  const paths = clashes.map((field) => `${sectionOfField(field)}.${field}`);
  if (ctx.state.switches.conflictBody === 'lean') return { status: 409, body: { status: false, errors: paths } };
  const diffs = clashes.map((field) => ({
    section: sectionOfField(field),
    path: field,
    latestValue: draft.config[field] ?? null,
    editorName: [...draft.editHistory].reverse().find((e) => e.fields.includes(field))?.editorName ?? null,
  }));
  return {
    status: 409,
    body: {
      status: false,
      errors: paths,
      data: { conflict: { expectedRevision: expected, latestRevision: draft.draftRevision, diffs } },
    },
  };
}

function putDraft(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const { state } = ctx;
  const body: Config = isRecord(ctx.body) ? structuredClone(ctx.body) : {};
  const fields = Object.keys(body).filter((key) => CONFIG_FIELDS.has(key));
  if (fields.length === 0) return fail(400, 'No recognized config fields in request body');
  const expected = body.expectedRevision;
  if (expected !== undefined && (typeof expected !== 'number' || !Number.isInteger(expected) || expected < 0))
    return fail(400, 'Invalid config: expectedRevision: Expected integer greater than or equal to 0');
  if ('postCallAnalyticsConfig' in body && ctx.options.validateMetrics) {
    const errors = checkAnalyticsConfig(body.postCallAnalyticsConfig, ctx.options.normaliseLegacyType);
    if (errors.length > 0) return fail(400, ...errors.map((error) => `Invalid config: ${error}`));
  }
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (branch.status === 'archived') return fail(403, 'Archived branches cannot be edited');
  if (scanInFlight(branch) && state.switches.putDuringScan === 'conflict') return PUBLISH_IN_PROGRESS();
  if (typeof expected === 'number') {
    const open = branch.draft;
    // With no draft open, 0 and the head's revision number both count as "the head" (fact sheet v2 §6.8).
    const known = open ? expected <= open.draftRevision : expected === 0 || expected === headOf(branch)?.revisionNumber;
    if (!known) return { status: 409, body: { status: false, errors: ['base_revision_unavailable'] } };
    const touched = touchedFields(body, fields);
    const clashes = [
      ...new Set((open?.editHistory ?? []).filter((e) => e.revision > expected).flatMap((e) => e.fields)),
    ].filter((f) => touched.includes(f));
    if (open && clashes.length > 0) return draftConflict(ctx, open, expected, clashes);
  }
  const openedByThisPut = branch.draft === null;
  const draft = openDraft(state, agent, branch, ctx.user.userId);
  const touched = mergeInto(draft.config, body, fields, state.switches.putMerge);
  const unchangedHead = closeNoOpDraft(branch, openedByThisPut, state.switches.putEqualOpensDraft);
  if (unchangedHead) return ok(renderRevision(state, agent, branch, unchangedHead));
  const sections = [...new Set(touched.map(sectionOfField))];
  draft.draftRevision += 1;
  draft.updatedAt = state.now();
  // An edit ends the draft's scan: a failed one is retried by the next publish; a running one (switch putDuringScan: accept) is cancelled.
  draft.scan = null;
  draft.pendingPublish =
    draft.pendingPublish?.state === 'active' ? { ...draft.pendingPublish, state: 'cancelled' } : null;
  for (const section of sections) draft.blocks[section] = newObjectId();
  draft.editHistory.push({
    revision: draft.draftRevision,
    changedSections: sections,
    fields: touched,
    editorName: state.nameOf(ctx.user.userId),
    editorId: ctx.user.userId,
    timestamp: draft.updatedAt,
  });
  branch.updatedBy = ctx.user.userId;
  return ok(renderDraftRow(agent, branch, draft));
}

function publishDraft(ctx: RouteContext, agent: AgentRecord, branch: BranchRecord): Reply {
  const { state } = ctx;
  const body = isRecord(ctx.body) ? ctx.body : {};
  if (body.label !== undefined && body.label !== null && (typeof body.label !== 'string' || body.label.length > 200))
    return fail(400, 'label: String must contain at most 200 character(s)');
  const draft = branch.draft;
  if (!draft) return fail(404, NO_DRAFT);
  const freeze = frozen(ctx);
  if (freeze) return freeze;
  if (branch.status === 'archived') return fail(403, 'Archived branches cannot be published');
  if (scanInFlight(branch)) return PUBLISH_IN_PROGRESS();
  if (draft.scan)
    return conflict(
      'draft_scan_failed',
      `The draft's security scan ${draft.scan.status}: ${draft.scan.reason ?? 'no reason given'}. Edit the draft and publish again.`,
    );
  const label = state.switches.labelPersisted && typeof body.label === 'string' ? body.label : null;
  const failure = state.takeFailure(agent._id);
  const base = baseOf(agent, branch);
  const analyticsOnly = changedSections(base?.config ?? {}, draft.config).every((section) => section === 'analytics');
  const scannable = agent.workflowType !== 'workflow_graph';
  const scan =
    scannable &&
    (failure !== undefined ||
      (state.switches.publishMode === 'async' && (state.switches.scanAnalyticsChanges || !analyticsOnly)));
  const now = state.now();
  if (!scan) {
    const securityCheck = scannable
      ? { status: 'passed' as const, reason: null, triggeredAt: iso(now), completedAt: iso(now) }
      : null;
    const revision = commitDraft(state, branch, draft, { publishedBy: ctx.user.userId, label, securityCheck });
    return ok({ state: 'committed', revision: renderRevision(state, agent, branch, revision) });
  }
  draft.scan = {
    status: 'queued',
    reason: null,
    triggeredAt: now,
    completesAt: now + state.securityCheckMs,
    completedAt: null,
    outcome: failure ?? { status: 'passed', reason: null },
    startedBy: ctx.user.userId,
    label,
  };
  draft.pendingPublish = { state: 'active', startedBy: ctx.user.userId, startedAt: now };
  return ok({ state: 'scanning' }, 202);
}

function cancelPublish(branch: BranchRecord): Reply {
  const draft = branch.draft;
  if (draft?.scan?.status === 'queued') {
    draft.scan = null;
    if (draft.pendingPublish) draft.pendingPublish.state = 'cancelled';
  }
  return ok({ cancelled: true });
}

/** Routes `/agent/{id}/branches/{branchId}/draft…` (`rest` below `draft`). Returns undefined for an unknown route. */
export function routeBranchDraft(
  ctx: RouteContext,
  agent: AgentRecord,
  branch: BranchRecord,
  rest: string[],
): Reply | undefined {
  const { method } = ctx;
  if (rest.length === 0) {
    if (method === 'PUT') return putDraft(ctx, agent, branch);
    if (method !== 'GET' && method !== 'DELETE') return undefined;
    const draft = branch.draft;
    if (!draft) return fail(404, NO_DRAFT);
    if (method === 'GET') return ok(renderDraftDetail(agent, branch, draft));
    branch.draft = null;
    return ok({ discarded: true });
  }
  if (rest[0] !== 'publish' || method !== 'POST') return undefined;
  if (rest.length === 1) return publishDraft(ctx, agent, branch);
  return rest.length === 2 && rest[1] === 'cancel' ? cancelPublish(branch) : undefined;
}

/** `GET /conversation` (paged call logs) and `GET /conversation/{id}` (fact sheet v2 §5; v1 §8). */
import type { CallRecord } from './calls.js';
import { fail, ok, type Reply, type RouteContext } from './reply.js';

/** The documented maximum page size; larger asks are clamped silently, as the platform does. */
export const MAX_CONVERSATION_LIMIT = 500;

const iso = (ms: number) => new Date(ms).toISOString();

/** A log as the list returns it: the documented fields, values as strings (fact sheet v2 §5). */
function renderLog(call: CallRecord): Record<string, unknown> {
  const analytics = call.postCallAnalytics;
  return {
    _id: call._id,
    callId: call.callId,
    status: call.status,
    duration: call.duration,
    type: call.type,
    agentId: call.agentId,
    createdAt: iso(call.createdAt),
    updatedAt: iso(call.updatedAt),
    disconnectionReason: call.disconnectionReason,
    callCost: call.callCost,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    dispositionMetrics: analytics
      ? Object.fromEntries(analytics.dispositionMetrics.map((m) => [m.identifier, m.value ?? '']))
      : {},
    agentDispositionConfig: call.agentDispositionConfig,
    postCallAnalytics: analytics,
    versionId: call.versionId,
    versionNumber: call.versionNumber,
    isTest: call.isTest,
    retryAttemptNumber: 0,
    retryCallId: null,
  };
}

const csv = (value: string | null) =>
  value === null || value === ''
    ? undefined
    : new Set(
        value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== ''),
      );

function listConversations(ctx: RouteContext): Reply {
  const { query } = ctx;
  const page = Number(query.get('page') ?? '1');
  const limit = Number(query.get('limit') ?? '5');
  if (!Number.isInteger(page) || page < 1) return fail(400, 'page: Number must be greater than or equal to 1');
  if (!Number.isInteger(limit) || limit < 1) return fail(400, 'limit: Number must be greater than or equal to 1');
  const size = Math.min(limit, MAX_CONVERSATION_LIMIT);
  const agents = csv(query.get('agentIds'));
  const versions = csv(query.get('versionFilter'));
  const statuses = csv(query.get('statusFilter'));
  const isTest = query.get('isTest');
  const candidates =
    agents === undefined ? ctx.state.calls : [...agents].flatMap((id) => ctx.state.callsByAgent.get(id) ?? []);
  const matching = candidates
    .filter((c) => versions === undefined || (c.versionId !== null && versions.has(c.versionId)))
    .filter(
      (c) => (statuses === undefined || statuses.has(c.status)) && (isTest === null || String(c.isTest) === isTest),
    )
    // The platform's default (and only fast) order: most recently updated first.
    .sort((a, b) => b.updatedAt - a.updatedAt);
  const logs = matching.slice((page - 1) * size, page * size).map(renderLog);
  const totalPages = Math.ceil(matching.length / size);
  const config = new Map(matching.flatMap((c) => c.agentDispositionConfig).map((m) => [m.identifier, m]));
  return ok({
    logs,
    pagination: { total: matching.length, page, limit: size, hasMore: page < totalPages, totalPages },
    dispositionMetricsConfig: [...config.values()],
  });
}

/** Routes `/conversation…`; undefined for anything else (the server answers Express's HTML 404). */
export function routeConversations(ctx: RouteContext): Reply | undefined {
  const { segments, method } = ctx;
  if (segments[0] !== 'conversation' || method !== 'GET' || segments.length > 2) return undefined;
  if (segments.length === 1) return listConversations(ctx);
  const id = segments[1] ?? '';
  const call = ctx.state.calls.find((c) => c.callId === id || c._id === id);
  // The single call carries the transcript; the list does not.
  return call ? ok({ ...renderLog(call), transcript: call.transcript }) : fail(404, 'Conversation not found');
}

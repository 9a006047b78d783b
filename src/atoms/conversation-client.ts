/** Reads call logs (`GET /conversation`, `GET /conversation/{id}`) on the client's transport: same limiter, retries, deadlines. */
import { AtomsApiError } from './errors.js';
import type { CallOptions } from './http.js';
import type {
  CallLog,
  CallMetricResult,
  ConversationApi,
  ConversationPage,
  ConversationQuery,
} from './conversation-types.js';
import { isRecord, num, str } from './wire.js';

type Call = (options: CallOptions) => Promise<unknown>;

export const MAX_PAGE_SIZE = 500;

const valueText = (value: unknown): string | null =>
  // Values are documented as strings; a number or boolean (as the webhook types them) is read as its text.
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;

// Plain loops below: a fleet's plan reads some 100,000 logs, and per-log closures and spreads showed in its profile.
function toMetricResults(log: Record<string, unknown>): CallMetricResult[] | null {
  const pca = log.postCallAnalytics;
  const out: CallMetricResult[] = [];
  if (isRecord(pca) && Array.isArray(pca.dispositionMetrics)) {
    for (const item of pca.dispositionMetrics) {
      if (isRecord(item) && typeof item.identifier === 'string')
        out.push({ identifier: item.identifier, value: valueText(item.value), confidence: num(item.confidence) });
    }
    return out;
  }
  // Without the analytics object the flat map is the only record of the values, without confidence.
  const flat = log.dispositionMetrics;
  if (!isRecord(flat)) return null;
  for (const identifier in flat) out.push({ identifier, value: valueText(flat[identifier]), confidence: null });
  return out.length > 0 ? out : null;
}

function toMetricTypes(config: unknown): CallLog['metricTypes'] {
  const out: CallLog['metricTypes'] = [];
  if (!Array.isArray(config)) return out;
  for (const m of config)
    if (isRecord(m) && typeof m.identifier === 'string')
      out.push({ identifier: m.identifier, type: str(m.type) ?? str(m.dispositionMetricType) ?? '' });
  return out;
}

/** Reads one log, keeping only the fields aggregates use: the transcript, numbers, summary and reasoning are left behind. */
export function toCallLog(value: unknown): CallLog {
  const log = isRecord(value) ? value : {};
  const status = (str(log.status) ?? str(log.callStatus) ?? 'unknown').toLowerCase();
  const duration = num(log.duration) ?? num(log.callDuration) ?? 0;
  const hadConversation = Array.isArray(log.transcript)
    ? log.transcript.length > 0
    : status === 'completed' && duration > 0;
  return {
    id: str(log._id) ?? str(log.callId) ?? '',
    agentId: str(log.agentId) ?? (isRecord(log.agent) ? str(log.agent._id) : null),
    status,
    createdAt: str(log.createdAt),
    updatedAt: str(log.updatedAt),
    versionId: str(log.versionId),
    isTest: log.isTest === true,
    hadConversation,
    analytics: toMetricResults(log),
    metricTypes: toMetricTypes(log.agentDispositionConfig),
  };
}

const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class ConversationClient implements ConversationApi {
  constructor(private readonly call: Call) {}

  async listConversations(query: ConversationQuery): Promise<ConversationPage> {
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const params: Record<string, string> = {
      page: String(page),
      limit: String(Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? 100)))),
    };
    // No sortBy, dateFrom or dateTo: those are not index-backed and can time out (504) on large accounts (fact sheet v2 §5).
    if (query.agentIds?.length) params.agentIds = query.agentIds.join(',');
    if (query.versionFilter?.length) params.versionFilter = query.versionFilter.join(',');
    if (query.statusFilter?.length) params.statusFilter = query.statusFilter.join(',');
    if (query.isTest !== undefined) params.isTest = String(query.isTest);
    const data = await this.call({ method: 'GET', path: '/conversation', query: params, idempotent: true });
    const record = isRecord(data) ? data : {};
    const logs = Array.isArray(record.logs) ? record.logs.map(toCallLog) : [];
    const pagination = isRecord(record.pagination) ? record.pagination : {};
    const totalPages = num(pagination.totalPages);
    const hasMore =
      typeof pagination.hasMore === 'boolean' ? pagination.hasMore : totalPages !== null && page < totalPages;
    return { logs, total: num(pagination.total), page, hasMore, totalPages };
  }

  async getConversation(callId: string): Promise<CallLog> {
    if (!CALL_ID.test(callId))
      throw new AtomsApiError(`'${callId}' is not a call id (CALL-… or a 24-hex id).`, {
        kind: 'bad-request',
        method: '-',
        path: '-',
      });
    return toCallLog(
      await this.call({ method: 'GET', path: `/conversation/${encodeURIComponent(callId)}`, idempotent: true }),
    );
  }
}

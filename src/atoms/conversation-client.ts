/** Reads call logs (`GET /conversation`, `GET /conversation/{id}`) on the client's transport: same limiter, retries, deadlines. */
import { AtomsApiError } from './errors.js';
import type { CallOptions } from './http.js';
import type { CallLog, CallMetricResult, ConversationApi, ConversationPage, ConversationQuery } from './conversation-types.js';
import { isRecord, num, str } from './wire.js';

type Call = (options: CallOptions) => Promise<unknown>;

export const MAX_PAGE_SIZE = 500;

function toMetricResults(log: Record<string, unknown>): CallMetricResult[] | null {
  const pca = log.postCallAnalytics;
  if (isRecord(pca) && Array.isArray(pca.dispositionMetrics)) {
    return pca.dispositionMetrics.flatMap((item: unknown) => {
      if (!isRecord(item) || typeof item.identifier !== 'string') return [];
      // Values are documented as strings; a number or boolean (as the webhook types them) is read as its text.
      const value = typeof item.value === 'string' ? item.value : typeof item.value === 'number' || typeof item.value === 'boolean' ? String(item.value) : null;
      return [{ identifier: item.identifier, value, confidence: num(item.confidence) }];
    });
  }
  // Without the analytics object the flat map is the only record of the values, without confidence.
  const flat = isRecord(log.dispositionMetrics) ? Object.entries(log.dispositionMetrics) : [];
  if (flat.length === 0) return null;
  return flat.map(([identifier, value]) => ({ identifier, value: typeof value === 'string' ? value : value === null || value === undefined ? null : String(value), confidence: null }));
}

/** Reads one log, keeping only the fields aggregates use: the transcript, numbers, summary and reasoning are left behind. */
export function toCallLog(value: unknown): CallLog {
  const log = isRecord(value) ? value : {};
  const status = (str(log.status) ?? str(log.callStatus) ?? 'unknown').toLowerCase();
  const duration = num(log.duration) ?? num(log.callDuration) ?? 0;
  const hadConversation = Array.isArray(log.transcript) ? log.transcript.length > 0 : status === 'completed' && duration > 0;
  const config = Array.isArray(log.agentDispositionConfig) ? log.agentDispositionConfig : [];
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
    metricTypes: config.flatMap((m: unknown) => (isRecord(m) && typeof m.identifier === 'string' ? [{ identifier: m.identifier, type: str(m.type) ?? str(m.dispositionMetricType) ?? '' }] : [])),
  };
}

const CALL_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class ConversationClient implements ConversationApi {
  constructor(private readonly call: Call) {}

  async listConversations(query: ConversationQuery): Promise<ConversationPage> {
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const params: Record<string, string> = { page: String(page), limit: String(Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.limit ?? 100)))) };
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
    const hasMore = typeof pagination.hasMore === 'boolean' ? pagination.hasMore : totalPages !== null && page < totalPages;
    return { logs, total: num(pagination.total), page, hasMore, totalPages };
  }

  async getConversation(callId: string): Promise<CallLog> {
    if (!CALL_ID.test(callId)) throw new AtomsApiError(`'${callId}' is not a call id (CALL-… or a 24-hex id).`, { kind: 'bad-request', method: '-', path: '-' });
    return toCallLog(await this.call({ method: 'GET', path: `/conversation/${encodeURIComponent(callId)}`, idempotent: true }));
  }
}

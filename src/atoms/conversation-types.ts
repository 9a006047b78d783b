/** Call logs as the product reads them (fact sheet v2 §5): only what aggregates need — never a transcript, a number or a summary. */

/** One metric's result on one call. Values are strings on the wire; `confidence` is 0–1 when sent. */
export interface CallMetricResult {
  identifier: string;
  value: string | null;
  confidence: number | null;
}

export interface CallLog {
  /** `_id` (or `callId` when `_id` is missing). */
  id: string;
  agentId: string | null;
  /** e.g. completed, no_answer, failed (lower case). */
  status: string;
  createdAt: string | null;
  /** The list's default order; null when absent. */
  updatedAt: string | null;
  /** The agent version (v1) or revision (v2) that handled the call. */
  versionId: string | null;
  isTest: boolean;
  /**
   * Whether anyone spoke: the transcript's length when the answer carries one (never its content), else a completed
   * call with a duration above zero.
   */
  hadConversation: boolean;
  /** null: the call has no post-call analytics (not yet, none ran, or the platform dropped them). */
  analytics: CallMetricResult[] | null;
  /** `agentDispositionConfig`: the metric set in force for that call. */
  metricTypes: { identifier: string; type: string }[];
}

export interface ConversationQuery {
  /** 1-based. */
  page?: number;
  /** The platform clamps at 500; so does the client. */
  limit?: number;
  agentIds?: readonly string[];
  /** Version ids (v1) or revision ids (v2). */
  versionFilter?: readonly string[];
  statusFilter?: readonly string[];
  isTest?: boolean;
}

export interface ConversationPage {
  logs: CallLog[];
  total: number | null;
  page: number;
  hasMore: boolean;
  totalPages: number | null;
}

/** `GET /conversation` and `GET /conversation/{id}`. */
export interface ConversationApi {
  listConversations(query: ConversationQuery): Promise<ConversationPage>;
  getConversation(callId: string): Promise<CallLog>;
}

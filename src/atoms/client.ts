/** The typed Atoms v1 client the plan and apply services use (fact sheet §3–§5). */
import type { Dispatcher } from 'undici';
import { createDispatcher } from '../net/dispatcher.js';
import { Transport, type CallOptions, type Failure } from './http.js';
import { BranchClient } from './branch-client.js';
import { ConversationClient } from './conversation-client.js';
import { isRecord, pathId, str, toSecurityCheck } from './wire.js';
import type {
  AgentVersion,
  AgentView,
  AtomsApi,
  DraftConfigPatch,
  PublishRequest,
  RequestLimiter,
  VersionDetail,
  VersionList,
} from './types.js';
import { DEFAULT_API_URL } from '../defaults.js';

export interface AtomsClientOptions {
  apiKey: string;
  baseUrl?: string;
  /** Per request (undici's default of 300 s is far too long for a CI step). */
  requestTimeoutMs?: number;
  /** Per logical call, retries included. */
  deadlineMs?: number;
  maxAttempts?: number;
  /** A Retry-After above this fails fast instead of waiting. */
  maxRetryAfterMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  limiter?: RequestLimiter;
  onRetry?: (info: { method: string; path: string; attempt: number; delayMs: number; reason: string }) => void;
  userAgent?: string;
  /** Connections; default: keep-alive pools per origin, through the proxy HTTPS_PROXY/HTTP_PROXY/NO_PROXY name. */
  dispatcher?: Dispatcher;
  /** The run's cancel: after it, no request starts and the one in flight is abandoned. */
  signal?: AbortSignal;
}

/** Reads an AgentVersion record, tolerating missing optional fields. */
export function toAgentVersion(value: unknown): AgentVersion {
  const v = isRecord(value) ? value : {};
  return {
    _id: str(v._id) ?? '',
    agent: str(v.agent) ?? '',
    status: str(v.status) ?? 'unknown',
    versionNumber: typeof v.versionNumber === 'number' ? v.versionNumber : null,
    label: str(v.label),
    description: str(v.description),
    isActive: v.isActive === true,
    draftId: str(v.draftId),
    draftName: str(v.draftName),
    draftRevision: typeof v.draftRevision === 'number' ? v.draftRevision : null,
    sourceVersionId: str(v.sourceVersionId),
    parentVersion: str(v.parentVersion),
    securityCheck: toSecurityCheck(v.securityCheck),
    publishedAt: str(v.publishedAt),
    activatedAt: str(v.activatedAt),
    publishedBy: str(v.publishedBy) ?? str(v.createdBy),
    createdAt: str(v.createdAt) ?? undefined,
    updatedAt: str(v.updatedAt) ?? undefined,
  };
}

export class AtomsClient implements AtomsApi {
  private readonly transport: Transport;
  /** The v2 branch-model endpoints, on the same transport (limiter, retries, deadlines). */
  readonly branches: BranchClient;
  /** Call logs (`GET /conversation`), on the same transport. */
  readonly conversations: ConversationClient;

  constructor(options: AtomsClientOptions) {
    this.transport = new Transport({
      baseUrl: (options.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
      apiKey: options.apiKey,
      requestTimeoutMs: options.requestTimeoutMs ?? 15_000,
      deadlineMs: options.deadlineMs ?? 60_000,
      maxAttempts: options.maxAttempts ?? 5,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffCapMs: options.backoffCapMs ?? 8_000,
      maxBodyBytes: 10 * 1024 * 1024,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      limiter: options.limiter,
      onRetry: options.onRetry,
      userAgent: options.userAgent ?? 'atoms-metrics',
      dispatcher: options.dispatcher ?? createDispatcher({ env: process.env }),
      signal: options.signal,
    });
    this.branches = new BranchClient((call) => this.transport.call(call));
    this.conversations = new ConversationClient((call) => this.transport.call(call));
  }

  private call(options: CallOptions): Promise<unknown> {
    return this.transport.call(options);
  }

  async getAgent(agentId: string, options: { draftId?: string; versionId?: string } = {}): Promise<AgentView> {
    const query: Record<string, string> = {};
    if (options.draftId) query.draftId = options.draftId;
    if (options.versionId) query.versionId = options.versionId;
    const data = await this.call({
      method: 'GET',
      path: `/agent/${pathId('agent id', agentId)}`,
      query,
      idempotent: true,
      describe: (failure: Failure) =>
        // The API answers an unknown agent with 400 "No agent found", not 404 (fact sheet §3).
        failure.status === 400 && failure.serverMessages.some((m) => /no agent found/i.test(m))
          ? {
              kind: 'agent-not-found',
              message: `Agent ${agentId} was not found (the API answered "No agent found"). Is agentId right, and does the API key belong to the agent's organisation?`,
            }
          : undefined,
    });
    const agent = isRecord(data) ? data : {};
    return {
      agentId: str(agent._id) ?? agentId,
      name: str(agent.name) ?? '',
      workflowType: str(agent.workflowType),
      activeVersionId: str(agent.activeVersionId) ?? str(agent.versionId),
      resolvedConfig: agent._resolvedConfig,
      configSource: str(agent._configSource),
    };
  }

  async createDraft(agentId: string, body: { sourceVersionId: string; draftName?: string }): Promise<AgentVersion> {
    const data = await this.call({
      method: 'POST',
      path: `/agent/${pathId('agent id', agentId)}/drafts`,
      body,
      idempotent: false,
      describe: agentNotFound(agentId),
    });
    const draft = toAgentVersion(data);
    // Later URLs take `draftId`; one example in the docs reads `_id` instead (fact sheet §4.1).
    return { ...draft, draftId: draft.draftId ?? (draft._id || null) };
  }

  async patchDraftConfig(agentId: string, draftId: string, body: DraftConfigPatch): Promise<AgentVersion> {
    // Repeating the same full PATCH leaves the same draft content: safe to retry.
    return toAgentVersion(
      await this.call({
        method: 'PATCH',
        path: `/agent/${pathId('agent id', agentId)}/drafts/${encodeURIComponent(draftId)}/config`,
        body,
        idempotent: true,
        describe: agentNotFound(agentId),
      }),
    );
  }

  async publishDraft(agentId: string, draftId: string, body: PublishRequest): Promise<AgentVersion> {
    const payload: PublishRequest = {};
    if (body.label !== undefined) payload.label = body.label;
    if (body.description !== undefined) payload.description = body.description;
    return toAgentVersion(
      await this.call({
        method: 'POST',
        path: `/agent/${pathId('agent id', agentId)}/drafts/${encodeURIComponent(draftId)}/publish`,
        body: payload,
        idempotent: false,
        describe: agentNotFound(agentId),
      }),
    );
  }

  async getVersion(agentId: string, versionId: string): Promise<VersionDetail> {
    const data = await this.call({
      method: 'GET',
      path: `/agent/${pathId('agent id', agentId)}/versions/${pathId('version id', versionId)}`,
      idempotent: true,
      describe: agentNotFound(agentId),
    });
    const record = isRecord(data) ? data : {};
    return {
      version: toAgentVersion(isRecord(record.version) ? record.version : record),
      resolvedConfig: record.resolvedConfig ?? null,
    };
  }

  async listVersions(agentId: string, options: { limit?: number; skip?: number } = {}): Promise<VersionList> {
    const data = await this.call({
      method: 'GET',
      path: `/agent/${pathId('agent id', agentId)}/versions`,
      query: { limit: String(options.limit ?? 20), skip: String(options.skip ?? 0) },
      idempotent: true,
      describe: agentNotFound(agentId),
    });
    const record = isRecord(data) ? data : {};
    const versions = Array.isArray(record.versions) ? record.versions.map(toAgentVersion) : [];
    return { versions, total: typeof record.total === 'number' ? record.total : versions.length };
  }

  async activateVersion(agentId: string, versionId: string): Promise<AgentVersion> {
    const data = await this.call({
      method: 'PATCH',
      path: `/agent/${pathId('agent id', agentId)}/versions/${pathId('version id', versionId)}/activate`,
      idempotent: true,
      // The API gives no code for these; its message is the only signal (fact sheet §5.4: text and status unknown).
      describe: (failure) => {
        const text = failure.serverMessages.join('; ');
        if (failure.status !== undefined && failure.status < 500 && /security check/i.test(text)) {
          return /fail/i.test(text)
            ? {
                kind: 'security-check-failed',
                message: `Version ${versionId} failed the platform's security check and cannot be activated: ${text}`,
              }
            : {
                kind: 'security-check-pending',
                message: `Version ${versionId} cannot be activated yet: its security check is still running (${text}).`,
              };
        }
        return agentNotFound(agentId)(failure);
      },
    });
    return toAgentVersion(data);
  }

  async listDrafts(agentId: string): Promise<AgentVersion[]> {
    const data = await this.call({
      method: 'GET',
      path: `/agent/${pathId('agent id', agentId)}/drafts`,
      idempotent: true,
      describe: agentNotFound(agentId),
    });
    return Array.isArray(data) ? data.map(toAgentVersion) : [];
  }

  async deleteDraft(agentId: string, draftId: string): Promise<void> {
    await this.call({
      method: 'DELETE',
      path: `/agent/${pathId('agent id', agentId)}/drafts/${encodeURIComponent(draftId)}`,
      idempotent: true,
      describe: agentNotFound(agentId),
    });
  }
}

function agentNotFound(agentId: string) {
  return (failure: Failure) =>
    failure.status === 404 && failure.serverMessages.some((m) => /^agent not found$/i.test(m))
      ? {
          kind: 'agent-not-found' as const,
          message: `Agent ${agentId} was not found. Is agentId right, and does the API key belong to the agent's organisation?`,
        }
      : undefined;
}

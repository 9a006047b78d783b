/**
 * The transport under the client: one request with timeouts, a size cap, envelope parsing, classification and retries.
 * It runs on the undici package (7, the same on Node 20 and 24) rather than Node's built-in fetch, for a keep-alive
 * pool per origin and the proxy the environment names (src/net/). undici is only in the chunks of the commands that
 * talk to the API, so validate never compiles it.
 */
import { fetch, type Dispatcher } from '../net/undici.js';
import { AtomsApiError, type AtomsErrorKind } from './errors.js';
import { decideRetry, parseRetryAfter } from './retry-policy.js';
import type { RequestLimiter } from './types.js';

export interface TransportOptions {
  baseUrl: string;
  apiKey: string;
  requestTimeoutMs: number;
  deadlineMs: number;
  maxAttempts: number;
  maxRetryAfterMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  maxBodyBytes: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  limiter?: RequestLimiter;
  onRetry?: (info: { method: string; path: string; attempt: number; delayMs: number; reason: string }) => void;
  userAgent: string;
  /** Connections (pools, proxy); one per client, so every request of a run reuses the same sockets. */
  dispatcher: Dispatcher;
  /**
   * The run's cancel: once aborted, no request starts (a write could land after the runner gave up on us), the one in
   * flight is abandoned and no retry waits. Whatever it left half-done, the next run recognises as its own.
   */
  signal?: AbortSignal;
}

export interface CallOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Safe to repeat after an ambiguous failure. Never true for POST. */
  idempotent: boolean;
  /** Lets the caller turn a failure into a more specific error (e.g. agent not found with its id). */
  describe?: (failure: Failure) => { kind: AtomsErrorKind; message: string } | undefined;
}

export interface Failure {
  status?: number;
  serverMessages: string[];
  errorType?: string;
  /** The error body's `data` (v2 conflict details), when it has one. */
  data?: unknown;
  html: boolean;
}

/** The one thing read from response headers; undici's Headers and a blank stand-in both have it. */
interface HeaderReader {
  get(name: string): string | null;
}

const NO_HEADERS: HeaderReader = { get: () => null };

interface Attempt {
  status?: number;
  headers: HeaderReader;
  json?: unknown;
  html: boolean;
  errorCode?: string;
  cause?: unknown;
  /** The request may have reached the server (it timed out or the connection broke after sending). */
  sent: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function header(headers: HeaderReader, name: string): string | undefined {
  return headers.get(name) ?? undefined;
}

/** The error code of a failed fetch: undici puts the socket's code on `cause`. */
function fetchErrorCode(error: unknown): string {
  const cause = isRecord(error) ? error.cause : undefined;
  if (isRecord(cause) && typeof cause.code === 'string') return cause.code;
  if (isRecord(error) && typeof error.code === 'string') return error.code;
  // fetch refuses some ports itself ("bad port") with no code; its message is the only reason there is.
  if (cause instanceof Error && cause.message !== '') return cause.message.slice(0, 100);
  return error instanceof Error ? error.name : 'UNKNOWN';
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: nothing is listening there',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved just now',
  ECONNRESET: 'the connection was reset',
  'bad port': 'fetch refuses to connect to that port',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
};

/** Server messages from any of the body shapes the API uses (envelope, rate-limit doc, prompt-scoring). */
export function serverMessagesOf(body: unknown): string[] {
  if (!isRecord(body)) return [];
  if (Array.isArray(body.errors)) return body.errors.map(String);
  return [body.error, body.message].filter((m): m is string => typeof m === 'string');
}

/** The server's requested wait from a 429 body, in ms (`retry_after` s, or `rateLimit.retryAfterSec`). */
function retryAfterFromBody(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.retry_after === 'number') return body.retry_after * 1000;
  if (isRecord(body.rateLimit) && typeof body.rateLimit.retryAfterSec === 'number')
    return body.rateLimit.retryAfterSec * 1000;
  return undefined;
}

function defaultKind(status: number | undefined, code: string | undefined, failure: Failure): AtomsErrorKind {
  if (status === undefined) return code === 'TIMEOUT' || code?.includes('TIMEOUT') ? 'timeout' : 'network';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return failure.html ? 'no-route' : 'not-found';
  if (status === 408) return 'timeout';
  if (status === 409 && failure.errorType === 'versioning_v2_migration_required') return 'branch-model';
  if (status === 409) return 'conflict';
  if (status === 423) return 'config-frozen';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'bad-request';
}

export class Transport {
  constructor(private readonly options: TransportOptions) {}

  private async attempt(call: CallOptions, url: string, remainingMs: number): Promise<Attempt> {
    const timeout = Math.max(1, Math.min(this.options.requestTimeoutMs, remainingMs));
    const timer = AbortSignal.timeout(timeout);
    const cancel = this.options.signal;
    const signal = cancel ? AbortSignal.any([timer, cancel]) : timer;
    try {
      const response = await fetch(url, {
        method: call.method,
        headers: {
          authorization: `Bearer ${this.options.apiKey}`,
          accept: 'application/json',
          'user-agent': this.options.userAgent,
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        redirect: 'manual',
        signal,
        dispatcher: this.options.dispatcher,
      });
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      for (;;) {
        const chunk = reader ? await reader.read() : { done: true, value: undefined };
        if (chunk.done) break;
        size += chunk.value.byteLength;
        if (size > this.options.maxBodyBytes) {
          await reader?.cancel();
          return {
            status: response.status,
            headers: response.headers,
            html: false,
            errorCode: 'BODY_TOO_LARGE',
            sent: true,
          };
        }
        chunks.push(chunk.value);
      }
      const text = Buffer.concat(chunks).toString('utf8');
      const type = response.headers.get('content-type') ?? '';
      let json: unknown;
      try {
        json = text === '' ? undefined : JSON.parse(text);
      } catch {
        json = undefined;
      }
      return {
        status: response.status,
        headers: response.headers,
        json,
        html: type.includes('text/html') || /^\s*</.test(text),
        sent: true,
      };
    } catch (error) {
      const code = cancel?.aborted ? 'CANCELLED' : timer.aborted ? 'TIMEOUT' : fetchErrorCode(error);
      // Connection refused or DNS failure: the request never left. Anything else may have reached the server.
      const sent = !['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'].includes(code);
      return { headers: NO_HEADERS, html: false, errorCode: code, cause: error, sent };
    }
  }

  /** Performs a call with retries; returns the envelope's `data` (or the raw body when it has no envelope). */
  async call(call: CallOptions): Promise<unknown> {
    const { options } = this;
    const query =
      call.query && Object.keys(call.query).length > 0 ? `?${new URLSearchParams(call.query).toString()}` : '';
    const url = `${options.baseUrl}${call.path}${query}`;
    const started = options.now();
    for (let attemptNumber = 1; ; attemptNumber++) {
      if (options.signal?.aborted) throw this.cancelled(call, attemptNumber > 1);
      await options.limiter?.acquire();
      if (options.signal?.aborted) throw this.cancelled(call, attemptNumber > 1);
      const result = await this.attempt(call, url, options.deadlineMs - (options.now() - started));
      const ok = result.status !== undefined && result.status >= 200 && result.status < 300;
      if (ok && result.errorCode === undefined) {
        if (result.json === undefined && call.method !== 'DELETE')
          throw this.error(call, result, attemptNumber, {
            kind: 'invalid-response',
            message: `The Atoms API answered ${call.method} ${call.path} with a body that is not JSON.`,
          });
        if (isRecord(result.json) && (result.json.status === false || result.json.success === false)) {
          throw this.error(call, result, attemptNumber, {
            kind: 'bad-request',
            message: `The Atoms API refused ${call.method} ${call.path}: ${serverMessagesOf(result.json).join('; ') || 'no reason given'}`,
          });
        }
        return isRecord(result.json) && 'data' in result.json ? result.json.data : result.json;
      }
      const retryAfterMs =
        result.status === 429
          ? (parseRetryAfter(header(result.headers, 'retry-after'), options.now()) ?? retryAfterFromBody(result.json))
          : undefined;
      // A server asking for an hour fails this request fast (decideRetry); it must not park every other request for that hour.
      if (result.status === 429)
        options.limiter?.onRateLimited(
          retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, options.maxRetryAfterMs),
        );
      const decision =
        result.errorCode === 'BODY_TOO_LARGE' ||
        (result.status !== undefined && result.status >= 300 && result.status < 400)
          ? ({ retry: false, reason: '' } as const)
          : decideRetry({
              attempt: attemptNumber,
              maxAttempts: options.maxAttempts,
              idempotent: call.idempotent,
              status: result.status,
              errorCode: result.errorCode,
              retryAfterMs,
              elapsedMs: options.now() - started,
              deadlineMs: options.deadlineMs,
              maxRetryAfterMs: options.maxRetryAfterMs,
              backoffBaseMs: options.backoffBaseMs,
              backoffCapMs: options.backoffCapMs,
              random: options.random(),
            });
      if (result.errorCode === 'CANCELLED') throw this.cancelled(call, true);
      if (decision.retry) {
        options.onRetry?.({
          method: call.method,
          path: call.path,
          attempt: attemptNumber,
          delayMs: decision.delayMs,
          reason: result.status !== undefined ? `HTTP ${result.status}` : (result.errorCode ?? 'error'),
        });
        await options.sleep(decision.delayMs);
        continue;
      }
      throw this.error(call, result, attemptNumber, undefined, decision.reason);
    }
  }

  /** `sent`: an earlier attempt, or the one just abandoned, may have reached the server. */
  private cancelled(call: CallOptions, sent: boolean): AtomsApiError {
    return new AtomsApiError(
      `${call.method} ${call.path} was ${sent ? 'abandoned' : 'not sent'}: the run was cancelled.`,
      {
        kind: 'cancelled',
        method: call.method,
        path: call.path,
        mayHaveTakenEffect: sent && call.method !== 'GET',
        secrets: [this.options.apiKey],
      },
    );
  }

  private error(
    call: CallOptions,
    result: Attempt,
    attempts: number,
    override?: { kind: AtomsErrorKind; message: string },
    stopReason?: string,
  ): AtomsApiError {
    const failure: Failure = {
      status: result.status,
      serverMessages: serverMessagesOf(result.json),
      errorType:
        isRecord(result.json) && typeof result.json.error_type === 'string' ? result.json.error_type : undefined,
      data: isRecord(result.json) ? result.json.data : undefined,
      html: result.html,
    };
    const described = override ?? call.describe?.(failure) ?? this.describe(call, result, failure, stopReason);
    const status = result.status;
    return new AtomsApiError(described.message, {
      kind: described.kind,
      method: call.method,
      path: call.path,
      status,
      requestId: header(result.headers, 'x-request-id'),
      retryable: status === 429 || (status !== undefined && status >= 500) || status === undefined,
      // A POST that broke after sending, or that the server failed on, may still have taken effect.
      mayHaveTakenEffect:
        call.method === 'POST' && result.sent && (status === undefined || status >= 500 || status === 408),
      serverMessages: failure.serverMessages,
      errorType: failure.errorType,
      data: failure.data,
      attempts,
      cause: result.cause,
      secrets: [this.options.apiKey],
    });
  }

  private describe(
    call: CallOptions,
    result: Attempt,
    failure: Failure,
    stopReason?: string,
  ): { kind: AtomsErrorKind; message: string } {
    const kind = defaultKind(result.status, result.errorCode, failure);
    const what = `${call.method} ${call.path}`;
    const said = failure.serverMessages.length > 0 ? `: ${failure.serverMessages.join('; ')}` : '';
    const tries = stopReason && stopReason.startsWith('gave up') ? ` (${stopReason})` : '';
    const origin = new URL(this.options.baseUrl).origin;
    if (result.errorCode === 'BODY_TOO_LARGE')
      return {
        kind: 'invalid-response',
        message: `The Atoms API answered ${what} with more than ${this.options.maxBodyBytes} bytes; refusing to read it.`,
      };
    if (result.status !== undefined && result.status >= 300 && result.status < 400) {
      return {
        kind: 'invalid-response',
        message: `The Atoms API answered ${what} with a redirect (${result.status}), which is not followed. Is api-url right (${this.options.baseUrl})?`,
      };
    }
    switch (kind) {
      case 'unauthorized':
        return {
          kind,
          message: `The Atoms API rejected the API key (401 on ${what}). Check the api-key input (or SMALLEST_API_KEY): is the key current and for this workspace?`,
        };
      case 'forbidden':
        return {
          kind,
          message: `The Atoms API refused ${what} (403)${said}. The key may belong to another workspace, or a usage limit was reached.`,
        };
      case 'branch-model':
        return {
          kind,
          message: `The agent is on Atoms' v2 branch model: the v1 drafts/versions API answered 409 (versioning_v2_migration_required) on ${what}. Use versioning: auto (the default) or v2.`,
        };
      case 'conflict':
        return {
          kind,
          message: `The Atoms API answered ${what} with a conflict (409${failure.errorType ? ` ${failure.errorType}` : ''})${said}.`,
        };
      case 'config-frozen':
        return {
          kind,
          message: `The Atoms platform has frozen agent configuration for a maintenance window (423 on ${what})${said}. Try again shortly.`,
        };
      case 'rate-limited':
        return {
          kind,
          message: `The Atoms API kept rate-limiting ${what} (429)${stopReason ? `; ${stopReason}` : ''}. Lower max-requests-per-second or try again later.`,
        };
      case 'no-route':
        return {
          kind,
          message: `The Atoms API has no route ${what} (an HTML 404 page). Is api-url right (${this.options.baseUrl})?`,
        };
      case 'not-found':
        return { kind, message: `Not found: ${what}${said}.` };
      case 'timeout':
        return {
          kind,
          message: `The Atoms API did not answer ${what} in time (${Math.round(this.options.requestTimeoutMs / 1000)} s per request, ${Math.round(this.options.deadlineMs / 1000)} s overall)${tries}.`,
        };
      case 'network':
        return {
          kind,
          message: `Could not reach the Atoms API at ${origin} for ${what}: ${NETWORK_REASONS[result.errorCode ?? ''] ?? 'network error'} (${result.errorCode ?? 'no code'})${tries}.`,
        };
      case 'server':
        return { kind, message: `The Atoms API failed ${what} with ${result.status}${said}${tries}.` };
      default:
        if (result.json === undefined && result.status !== undefined)
          return {
            kind: 'invalid-response',
            message: `The Atoms API answered ${what} with ${result.status} and a body that is not JSON.`,
          };
        return { kind, message: `The Atoms API refused ${what} (${result.status})${said}.` };
    }
  }
}

/** The retry decision, as one pure function: what failed, how often, how long we have → wait how long, or stop. */

/** Statuses worth another try: the server was busy or broken, not the request. */
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
/** Network failures worth another try; anything else (a bug, a TLS problem) is not retried. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'TIMEOUT',
]);

export interface RetryInput {
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** True for reads and for writes safe to repeat (config PATCH, activate, DELETE draft). POST is never. */
  idempotent: boolean;
  status?: number;
  /** Network error code when there was no response. */
  errorCode?: string;
  /** Server-requested wait, already parsed to ms. */
  retryAfterMs?: number;
  elapsedMs: number;
  deadlineMs: number;
  maxRetryAfterMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** 0 ≤ random < 1, for full jitter. */
  random: number;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/** Decides whether to retry. 429 is retried for any method: the request was not processed. */
export function decideRetry(input: RetryInput): RetryDecision {
  const isRateLimit = input.status === 429;
  if (input.status !== undefined && !RETRYABLE_STATUSES.has(input.status))
    return { retry: false, reason: `status ${input.status} is not retried` };
  if (input.status === undefined && (input.errorCode === undefined || !RETRYABLE_NETWORK_CODES.has(input.errorCode)))
    return { retry: false, reason: 'not a retryable failure' };
  if (!isRateLimit && !input.idempotent)
    return { retry: false, reason: 'a POST is not repeated blindly: it may have taken effect' };
  if (input.attempt >= input.maxAttempts) return { retry: false, reason: `gave up after ${input.attempt} attempts` };
  if (input.retryAfterMs !== undefined && input.retryAfterMs > input.maxRetryAfterMs) {
    return {
      retry: false,
      reason: `the server asked to wait ${Math.ceil(input.retryAfterMs / 1000)} s, more than the ${Math.round(input.maxRetryAfterMs / 1000)} s this step waits`,
    };
  }
  const exponential = Math.min(input.backoffCapMs, input.backoffBaseMs * 2 ** (input.attempt - 1));
  const jittered = Math.round(exponential * input.random);
  const delayMs = input.retryAfterMs !== undefined ? Math.max(input.retryAfterMs, jittered) : jittered;
  if (input.elapsedMs + delayMs >= input.deadlineMs)
    return { retry: false, reason: 'the overall deadline would pass while waiting' };
  return { retry: true, delayMs };
}

/** Parses `Retry-After` (seconds or HTTP-date) to ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

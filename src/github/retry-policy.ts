/** Whether a failed GitHub call is tried again, and after how long. Pure. */

/** GitHub's own failures: the request was fine, the server was not. */
const SERVER_STATUSES = new Set([500, 502, 503, 504]);

export interface GitHubFailure {
  method: string;
  /** Undefined for a network failure (no answer at all). */
  status?: number;
  /** A 429, or a 403 that GitHub marks as a primary or secondary rate limit. */
  rateLimited: boolean;
  /** `Retry-After`, or the time until `x-ratelimit-reset` for a spent primary limit, in ms. */
  waitMs?: number;
}

export interface GitHubRetryOptions {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
  /** A wait GitHub asks for beyond this fails fast: a CI step should not sleep for an hour. */
  maxWaitMs: number;
  /** 0 ≤ random < 1. */
  random: number;
}

/** GitHub's advice for a secondary rate limit that names no wait: at least a minute. */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;

/**
 * The delay before the next attempt, or undefined to stop. A rate-limited request was refused, so any method is
 * repeated; a 5xx or a broken connection may have taken effect, so only reads and PATCHes (which set, not add)
 * are — a repeated POST could leave a second comment.
 */
export function decideGitHubRetry(attempt: number, failure: GitHubFailure, options: GitHubRetryOptions): number | undefined {
  if (attempt >= options.maxAttempts) return undefined;
  const backoff = Math.round(Math.min(options.capMs, options.baseMs * 2 ** (attempt - 1)) * (0.5 + options.random / 2));
  if (failure.rateLimited) {
    const wait = failure.waitMs ?? (failure.status === 403 ? SECONDARY_LIMIT_WAIT_MS : backoff);
    return wait > options.maxWaitMs ? undefined : Math.max(wait, backoff);
  }
  const repeatable = failure.method === 'GET' || failure.method === 'PATCH';
  if (!repeatable) return undefined;
  if (failure.status === undefined || SERVER_STATUSES.has(failure.status)) return backoff;
  return undefined;
}

/** GitHub failures as one typed error: status, GitHub's own reason, whether a rate limit refused it. The message never holds the token. */
import { redactSecrets } from '../report/secrets.js';
import { isRecord } from './wire.js';

/** A GitHub API failure with its status and GitHub's own reason; the message never holds the token. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly rateLimited = false,
    /** GitHub's `message` ("Resource not accessible by integration", "Unable to create comment because issue is locked."). */
    readonly reason = '',
  ) {
    super(message);
  }

  /**
   * A locked conversation refuses comments with a 403 like a missing permission does; GitHub gives no code for it,
   * only its message, so that is what tells them apart.
   */
  get locked(): boolean {
    return this.status === 403 && /\bis locked\b/i.test(this.reason);
  }
}

/** What Octokit's RequestError carries, read structurally (a network failure has no response). */
function failureOf(
  error: unknown,
): { status: number | undefined; headers: Record<string, unknown>; data: unknown; cause: unknown } | undefined {
  if (!isRecord(error) || typeof error.status !== 'number') return undefined;
  const response = isRecord(error.response) ? error.response : undefined;
  return {
    status: response ? error.status : undefined,
    headers: response && isRecord(response.headers) ? response.headers : {},
    data: response?.data,
    cause: error.cause,
  };
}

export function headerOf(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** GitHub's `message` from an error body, shortened and without secrets: it is shown in warnings. */
function reasonOf(data: unknown): string {
  let body = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      return '';
    }
  }
  const message = isRecord(body) ? body.message : undefined;
  return typeof message === 'string' ? redactSecrets(message).slice(0, 300) : '';
}

/** Our error for a failed Octokit call: status, GitHub's reason, and whether a rate limit refused it. */
export function toGitHubError(error: unknown, what: string): unknown {
  if (error instanceof GitHubApiError) return error;
  const failure = failureOf(error);
  if (failure === undefined) return error;
  const { status, headers } = failure;
  if (status === undefined) {
    const cause =
      isRecord(failure.cause) && typeof failure.cause.name === 'string' ? failure.cause.name : 'network error';
    return new GitHubApiError(`GitHub API: ${what} failed (${cause}).`, undefined);
  }
  const reason = reasonOf(failure.data);
  // A 403 is either "this token may not" or a rate limit; only the latter was worth waiting for, so say which.
  const limited =
    status === 429 ||
    (status === 403 &&
      (headerOf(headers, 'x-ratelimit-remaining') === '0' ||
        headerOf(headers, 'retry-after') !== undefined ||
        /rate limit/i.test(reason)));
  return new GitHubApiError(
    `GitHub API: ${what} failed (${status}${limited ? ', rate limited' : ''}${reason ? `: ${reason}` : ''}).`,
    status,
    limited,
    reason,
  );
}

/**
 * The few GitHub REST calls the action makes, on Node's built-in fetch. Octokit (via @actions/github)
 * brought its own undici and ~1 MB into the single-file bundle, which every run, even a plain validate,
 * would pay for in start-up time.
 */
import { redactSecrets } from '../report/secrets.js';
import { decideGitHubRetry } from './retry-policy.js';

export interface GitHubComment {
  id: number;
  body: string;
  htmlUrl: string;
  authorLogin: string;
  /** `Bot` for apps and the Actions token, `User` for people. */
  authorType: string;
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toComment(value: unknown): GitHubComment {
  const c = isRecord(value) ? value : {};
  const user = isRecord(c.user) ? c.user : {};
  // A comment edited in GitHub's web editor comes back with CRLF line ends; every reader of a body expects LF.
  return { id: typeof c.id === 'number' ? c.id : 0, body: typeof c.body === 'string' ? c.body.replace(/\r\n/g, '\n') : '', htmlUrl: typeof c.html_url === 'string' ? c.html_url : '', authorLogin: typeof user.login === 'string' ? user.login : '', authorType: typeof user.type === 'string' ? user.type : '' };
}

/** GitHub's `message` from an error body, shortened and without secrets: it is shown in warnings. */
function reasonOf(text: string): string {
  let message: unknown;
  try {
    const parsed: unknown = JSON.parse(text);
    message = isRecord(parsed) ? parsed.message : undefined;
  } catch {
    return '';
  }
  return typeof message === 'string' ? redactSecrets(message).slice(0, 300) : '';
}

/** Pages are capped so a pathological thread cannot keep the step busy (100 × 100 = 10,000 comments). */
const MAX_PAGES = 100;
/** GitHub redirects a renamed repository's API calls (301/307); a chain longer than this is not followed. */
const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The identity of the default Actions token: its comments are written by this bot. */
export const ACTIONS_TOKEN_LOGIN = 'github-actions[bot]';

/** Waits between retries; a seam for tests, which must not wait for real. */
export const gitHubTiming = {
  sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: Date.now,
};

const RETRY = { maxAttempts: 4, baseMs: 1000, capMs: 8000, maxWaitMs: 60_000 };

type Answer = { status: number; headers: Headers; text: string } | { networkError: string };

/** How long GitHub asks us to wait: `Retry-After`, or until the reset of a spent primary limit. */
function waitOf(headers: Headers): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
  const reset = headers.get('x-ratelimit-reset');
  if (headers.get('x-ratelimit-remaining') === '0' && reset !== null && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - gitHubTiming.now());
  return undefined;
}

export class GitHubClient {
  private readonly origin: string;

  constructor(
    private readonly token: string,
    readonly owner: string,
    readonly repo: string,
    private readonly baseUrl = 'https://api.github.com',
    /** `GITHUB_GRAPHQL_URL`; derived from the REST URL when absent (GitHub Enterprise Server: `/api/v3` → `/api/graphql`). */
    private readonly graphqlUrl = baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/, '/api') + '/graphql',
  ) {
    this.origin = new URL(baseUrl).origin;
  }

  /**
   * One request; the token goes only to the API's own origin. Fetch would follow a redirect by itself, and a
   * `Link` header names whatever URL the answer says: both are checked here, never trusted.
   */
  private async send(method: string, url: string, what: string, body?: unknown): Promise<Answer> {
    let target = url;
    let verb = method;
    for (let hop = 0; ; hop++) {
      const origin = new URL(target).origin;
      if (origin !== this.origin) {
        throw new GitHubApiError(`GitHub API: ${what} was sent to ${origin}, which is not the API's origin (${this.origin}); not followed, so the token stays with GitHub.`, undefined);
      }
      let response: Response;
      let text: string;
      try {
        response = await fetch(target, {
          method: verb,
          headers: { authorization: `Bearer ${this.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'atoms-metrics', ...(body !== undefined && verb !== 'GET' ? { 'content-type': 'application/json' } : {}) },
          body: body === undefined || verb === 'GET' ? undefined : JSON.stringify(body),
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        });
        text = await response.text();
      } catch (error) {
        return { networkError: error instanceof Error ? error.name : 'network error' };
      }
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return { status: response.status, headers: response.headers, text };
      if (hop >= MAX_REDIRECTS) throw new GitHubApiError(`GitHub API: ${what} was redirected more than ${MAX_REDIRECTS} times.`, response.status);
      target = new URL(location, target).toString();
      if (response.status === 303) verb = 'GET';
    }
  }

  /** One call with retries (GitHub 5xx, network failures, rate limits — see decideGitHubRetry). */
  private async call(method: string, path: string, what: string, body?: unknown): Promise<{ data: unknown; link: string }> {
    const url = /^https?:\/\//i.test(path) ? path : `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    for (let attempt = 1; ; attempt++) {
      const answer = await this.send(method, url, what, body);
      if ('networkError' in answer) {
        const delay = decideGitHubRetry(attempt, { method, rateLimited: false }, { ...RETRY, random: gitHubTiming.random() });
        if (delay === undefined) throw new GitHubApiError(`GitHub API: ${what} failed (${answer.networkError}).`, undefined);
        await gitHubTiming.sleep(delay);
        continue;
      }
      const { status, headers, text } = answer;
      if (status < 300) {
        try {
          return { data: text === '' ? null : JSON.parse(text), link: headers.get('link') ?? '' };
        } catch {
          throw new GitHubApiError(`GitHub API: ${what} answered with a body that is not JSON.`, status);
        }
      }
      const reason = reasonOf(text);
      // A 403 is either "this token may not" or a rate limit; only the latter is worth waiting for, so say which.
      const limited = status === 429 || (status === 403 && (headers.get('x-ratelimit-remaining') === '0' || headers.get('retry-after') !== null || /rate limit/i.test(reason)));
      const delay = decideGitHubRetry(attempt, { method, status, rateLimited: limited, waitMs: waitOf(headers) }, { ...RETRY, random: gitHubTiming.random() });
      if (delay === undefined) {
        throw new GitHubApiError(`GitHub API: ${what} failed (${status}${limited ? ', rate limited' : ''}${reason ? `: ${reason}` : ''}).`, status, limited, reason);
      }
      await gitHubTiming.sleep(delay);
    }
  }

  private get repoPath(): string {
    return `/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}`;
  }

  /**
   * The token's own login, to recognise our comments: only those count as ours (a plan comment another bot wrote
   * with our marker is not the reviewed plan). Integration tokens (the Actions token, a GitHub App's installation
   * token) cannot read /user (403) but can ask GraphQL for the `viewer`; if that fails too, the token is taken to
   * be the default Actions token, whose comments are written by github-actions[bot].
   */
  async ownLogin(): Promise<string> {
    try {
      const { data } = await this.call('GET', '/user', 'reading the token identity');
      if (isRecord(data) && typeof data.login === 'string') return data.login;
      throw new GitHubApiError('GitHub API: reading the token identity answered without a login.', 200);
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status === 403 && !error.rateLimited)) throw error;
    }
    try {
      const { data } = await this.call('POST', this.graphqlUrl, 'asking GraphQL for the token identity', { query: 'query { viewer { login } }' });
      const login = isRecord(data) && isRecord(data.data) && isRecord(data.data.viewer) ? data.data.viewer.login : undefined;
      if (typeof login === 'string' && login !== '') return login;
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status !== undefined && error.status < 500 && !error.rateLimited)) throw error;
    }
    return ACTIONS_TOKEN_LOGIN;
  }

  /** Every comment of an issue or pull request, following `Link: rel="next"` through all pages. */
  async listComments(issueNumber: number): Promise<GitHubComment[]> {
    const out: GitHubComment[] = [];
    let next: string | undefined = `${this.repoPath}/issues/${issueNumber}/comments?per_page=100`;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const { data, link }: { data: unknown; link: string } = await this.call('GET', next, `listing comments of #${issueNumber}`);
      if (Array.isArray(data)) out.push(...data.map(toComment));
      next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
    }
    return out;
  }

  async createComment(issueNumber: number, body: string): Promise<GitHubComment> {
    // The last line of defence: a PR comment is never masked by the runner.
    return toComment((await this.call('POST', `${this.repoPath}/issues/${issueNumber}/comments`, `creating a comment on #${issueNumber}`, { body: redactSecrets(body) })).data);
  }

  /** One comment as it is now (an apply slice re-reads before writing, so other slices' outcomes survive). */
  async getComment(commentId: number): Promise<GitHubComment> {
    return toComment((await this.call('GET', `${this.repoPath}/issues/comments/${commentId}`, `reading comment ${commentId}`)).data);
  }

  async updateComment(commentId: number, body: string): Promise<GitHubComment> {
    return toComment((await this.call('PATCH', `${this.repoPath}/issues/comments/${commentId}`, `updating comment ${commentId}`, { body: redactSecrets(body) })).data);
  }

  /** Pull requests that contain a commit (for a push: the merged PR). */
  async pullRequestsOfCommit(sha: string): Promise<{ number: number; title: string; merged: boolean; labels: string[] }[]> {
    const { data } = await this.call('GET', `${this.repoPath}/commits/${encodeURIComponent(sha)}/pulls`, `finding the pull request of ${sha.slice(0, 7)}`);
    if (!Array.isArray(data)) return [];
    return data.filter(isRecord).map((pr) => ({
      number: typeof pr.number === 'number' ? pr.number : 0,
      title: typeof pr.title === 'string' ? pr.title : '',
      merged: typeof pr.merged_at === 'string',
      labels: Array.isArray(pr.labels) ? pr.labels.map((l) => (isRecord(l) && typeof l.name === 'string' ? l.name : '')).filter(Boolean) : [],
    }));
  }

  /** The commit at the head of a branch. */
  async branchHead(branch: string): Promise<string> {
    const { data } = await this.call('GET', `${this.repoPath}/branches/${encodeURIComponent(branch)}`, `reading branch ${branch}`);
    const commit = isRecord(data) && isRecord(data.commit) ? data.commit.sha : undefined;
    if (typeof commit !== 'string') throw new GitHubApiError(`GitHub API: branch ${branch} has no head commit.`, undefined);
    return commit;
  }
}

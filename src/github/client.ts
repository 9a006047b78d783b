/**
 * The GitHub REST calls the action makes, behind our own small interface: Octokit (@actions/github with the retry
 * and throttling plugins, see octokit.ts) does the HTTP, retries and rate limits; this class keeps the token with
 * the API's origin, says what failed in GitHub's own words, and gives back plain data.
 */
import type { Dispatcher } from 'undici';
import { createDispatcher } from '../net/dispatcher.js';
import { redactSecrets } from '../report/secrets.js';
import type { GitHubOctokit } from './octokit.js';
import { isRedirect, MAX_REDIRECTS } from './timing.js';
import { GitHubApiError, headerOf, toGitHubError } from './errors.js';
import { isRecord, labelsOf, toComment, toIssue, type GitHubComment, type GitHubIssue } from './wire.js';

export { GitHubApiError };

export { gitHubTiming } from './timing.js';
export type { GitHubComment, GitHubIssue } from './wire.js';

/** Pages are capped so a pathological thread cannot keep the step busy (100 × 100 = 10,000 comments). */
const MAX_PAGES = 100;

/** The identity of the default Actions token: its comments are written by this bot. */
export const ACTIONS_TOKEN_LOGIN = 'github-actions[bot]';

/** Thrown by the origin guard; call() turns it into a GitHubApiError that names the call. */
class OffOriginError extends Error {
  constructor(
    readonly elsewhere: string | undefined,
    readonly status: number | undefined,
  ) {
    super(elsewhere === undefined ? 'too many redirects' : `sent to ${elsewhere}`);
  }
}

export interface GitHubClientOptions {
  /** `GITHUB_GRAPHQL_URL`; derived from the REST URL when absent (GitHub Enterprise Server: `/api/v3` → `/api/graphql`). */
  graphqlUrl?: string;
  /** Connections; default: keep-alive pools through the proxy HTTPS_PROXY/HTTP_PROXY/NO_PROXY name. */
  dispatcher?: Dispatcher;
  /** Told about each rate-limit wait. */
  onWait?: (info: { reason: string; seconds: number; method: string; url: string }) => void;
  /** Ends every call, retries and waits included, when aborted: a budget for work that is only a report. */
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH';

export class GitHubClient {
  private readonly origin: string;
  /** Octokit and its plugins (a 217 KB chunk) load on the first GitHub call, not when a step merely could make one. */
  private octokitLoaded: Promise<GitHubOctokit> | undefined;
  private readonly token: string;
  private readonly baseUrl: string;
  private readonly options: GitHubClientOptions;
  private readonly graphqlUrl: string;

  constructor(
    token: string,
    readonly owner: string,
    readonly repo: string,
    baseUrl = 'https://api.github.com',
    options: GitHubClientOptions = {},
  ) {
    this.origin = new URL(baseUrl).origin;
    this.graphqlUrl = options.graphqlUrl ?? baseUrl.replace(/\/+$/, '').replace(/\/api\/v3$/, '/api') + '/graphql';
    this.token = token;
    this.baseUrl = baseUrl;
    this.options = options;
  }

  private octokit(): Promise<GitHubOctokit> {
    this.octokitLoaded ??= import('./octokit.js').then(({ createOctokit }) => {
      const octokit = createOctokit({
        token: this.token,
        baseUrl: this.baseUrl,
        dispatcher: this.options.dispatcher ?? createDispatcher({ env: process.env }),
        onWait: this.options.onWait,
      });
      // The outermost wrap, so it sees every request before the plugins do — a pagination link included — and every
      // answer after them: the token goes only to the API's own origin, and a redirect elsewhere is refused.
      octokit.hook.wrap('request', async (request, options) => {
        const url = String(options.url);
        if (/^https?:\/\//i.test(url) && new URL(url).origin !== this.origin) {
          throw new OffOriginError(new URL(url).origin, undefined);
        }
        const response = await request(options);
        if (isRedirect(response.status)) {
          const location = headerOf(response.headers, 'location');
          const elsewhere = location === undefined ? undefined : new URL(location, this.origin).origin;
          throw new OffOriginError(elsewhere !== this.origin ? elsewhere : undefined, response.status);
        }
        return response;
      });
      return octokit;
    });
    return this.octokitLoaded;
  }

  /**
   * One call. A 5xx or a broken connection may have taken effect, so a POST is never repeated after one (a second
   * comment); a rate limit refused the request, so the throttling plugin repeats any method.
   */
  private async call(
    method: Method,
    path: string,
    what: string,
    body?: Record<string, unknown>,
  ): Promise<{ data: unknown; link: string }> {
    try {
      const { signal } = this.options;
      if (signal?.aborted)
        throw new GitHubApiError(`GitHub API: ${what} was not sent: GitHub's time for this step ran out.`, undefined);
      const request = { ...(method === 'POST' ? { retries: 0 } : {}), ...(signal ? { signal } : {}) };
      const response = await (await this.octokit()).request({ method, url: path, ...(body ?? {}), request });
      if (typeof response.data === 'string' && response.data !== '')
        throw new GitHubApiError(`GitHub API: ${what} answered with a body that is not JSON.`, response.status);
      return { data: response.data ?? null, link: headerOf(response.headers, 'link') ?? '' };
    } catch (error) {
      if (error instanceof OffOriginError) {
        throw new GitHubApiError(
          error.elsewhere === undefined
            ? `GitHub API: ${what} was redirected more than ${MAX_REDIRECTS} times.`
            : `GitHub API: ${what} was sent to ${error.elsewhere}, which is not the API's origin (${this.origin}); not followed, so the token stays with GitHub.`,
          error.status,
        );
      }
      throw toGitHubError(error, what);
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
      const { data } = await this.call('POST', this.graphqlUrl, 'asking GraphQL for the token identity', {
        query: 'query { viewer { login } }',
      });
      const login =
        isRecord(data) && isRecord(data.data) && isRecord(data.data.viewer) ? data.data.viewer.login : undefined;
      if (typeof login === 'string' && login !== '') return login;
    } catch (error) {
      if (!(error instanceof GitHubApiError && error.status !== undefined && error.status < 500 && !error.rateLimited))
        throw error;
    }
    return ACTIONS_TOKEN_LOGIN;
  }

  /** Every comment of an issue or pull request, following `Link: rel="next"` through all pages. */
  async listComments(issueNumber: number): Promise<GitHubComment[]> {
    const out: GitHubComment[] = [];
    let next: string | undefined = `${this.repoPath}/issues/${issueNumber}/comments?per_page=100`;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const { data, link }: { data: unknown; link: string } = await this.call(
        'GET',
        next,
        `listing comments of #${issueNumber}`,
      );
      if (Array.isArray(data)) out.push(...data.map(toComment));
      next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
    }
    return out;
  }

  async createComment(issueNumber: number, body: string): Promise<GitHubComment> {
    // The last line of defence: a PR comment is never masked by the runner.
    return toComment(
      (
        await this.call(
          'POST',
          `${this.repoPath}/issues/${issueNumber}/comments`,
          `creating a comment on #${issueNumber}`,
          { body: redactSecrets(body) },
        )
      ).data,
    );
  }

  /** One comment as it is now (an apply slice re-reads before writing, so other slices' outcomes survive). */
  async getComment(commentId: number): Promise<GitHubComment> {
    return toComment(
      (await this.call('GET', `${this.repoPath}/issues/comments/${commentId}`, `reading comment ${commentId}`)).data,
    );
  }

  async updateComment(commentId: number, body: string): Promise<GitHubComment> {
    return toComment(
      (
        await this.call('PATCH', `${this.repoPath}/issues/comments/${commentId}`, `updating comment ${commentId}`, {
          body: redactSecrets(body),
        })
      ).data,
    );
  }

  /** Pull requests that contain a commit (for a push: the merged PR). */
  async pullRequestsOfCommit(
    sha: string,
  ): Promise<{ number: number; title: string; merged: boolean; labels: string[] }[]> {
    const { data } = await this.call(
      'GET',
      `${this.repoPath}/commits/${encodeURIComponent(sha)}/pulls`,
      `finding the pull request of ${sha.slice(0, 7)}`,
    );
    if (!Array.isArray(data)) return [];
    return data.filter(isRecord).map((pr) => ({
      number: typeof pr.number === 'number' ? pr.number : 0,
      title: typeof pr.title === 'string' ? pr.title : '',
      merged: typeof pr.merged_at === 'string',
      labels: labelsOf(pr.labels),
    }));
  }

  /** The labels of one pull request (merge_group: the gate reads the queued pull requests' labels). */
  async pullRequestLabels(pullNumber: number): Promise<string[]> {
    const { data } = await this.call(
      'GET',
      `${this.repoPath}/pulls/${pullNumber}`,
      `reading pull request #${pullNumber}`,
    );
    return isRecord(data) ? labelsOf(data.labels) : [];
  }

  /** Open issues carrying a label, with their bodies (the drift issue is found among them by its marker). */
  async openIssuesWithLabel(label: string): Promise<GitHubIssue[]> {
    const out: GitHubIssue[] = [];
    let next: string | undefined =
      `${this.repoPath}/issues?state=open&labels=${encodeURIComponent(label)}&per_page=100`;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const { data, link }: { data: unknown; link: string } = await this.call(
        'GET',
        next,
        `listing issues labelled ${label}`,
      );
      // The issues list holds pull requests too; they carry a `pull_request` key.
      if (Array.isArray(data)) out.push(...data.filter((i) => isRecord(i) && !('pull_request' in i)).map(toIssue));
      next = /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
    }
    return out;
  }

  async createIssue(title: string, body: string, labels: string[]): Promise<GitHubIssue> {
    return toIssue(
      (
        await this.call('POST', `${this.repoPath}/issues`, 'creating an issue', {
          title,
          body: redactSecrets(body),
          labels,
        })
      ).data,
    );
  }

  /** Updates an issue's body, or closes it (`state: closed`). */
  async updateIssue(issueNumber: number, change: { body?: string; state?: 'open' | 'closed' }): Promise<GitHubIssue> {
    const fields = {
      ...(change.body === undefined ? {} : { body: redactSecrets(change.body) }),
      ...(change.state ? { state: change.state } : {}),
    };
    return toIssue(
      (await this.call('PATCH', `${this.repoPath}/issues/${issueNumber}`, `updating issue #${issueNumber}`, fields))
        .data,
    );
  }

  /** The commit at the head of a branch. */
  async branchHead(branch: string): Promise<string> {
    const { data } = await this.call(
      'GET',
      `${this.repoPath}/branches/${encodeURIComponent(branch)}`,
      `reading branch ${branch}`,
    );
    const commit = isRecord(data) && isRecord(data.commit) ? data.commit.sha : undefined;
    if (typeof commit !== 'string')
      throw new GitHubApiError(`GitHub API: branch ${branch} has no head commit.`, undefined);
    return commit;
  }
}

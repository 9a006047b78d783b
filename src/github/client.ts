/**
 * The few GitHub REST calls the action makes, on Node's built-in fetch. Octokit (via @actions/github)
 * brought its own undici and ~1 MB into the single-file bundle, which every run, even a plain validate,
 * would pay for in start-up time.
 */

export interface GitHubComment {
  id: number;
  body: string;
  htmlUrl: string;
  authorLogin: string;
  /** `Bot` for apps and the Actions token, `User` for people. */
  authorType: string;
}

/** A GitHub API failure with its status; the message never holds the token. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly rateLimited = false,
  ) {
    super(message);
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

/** Pages are capped so a pathological thread cannot keep the step busy (100 × 100 = 10,000 comments). */
const MAX_PAGES = 100;

export class GitHubClient {
  constructor(
    private readonly token: string,
    readonly owner: string,
    readonly repo: string,
    private readonly baseUrl = 'https://api.github.com',
  ) {}

  private async call(method: string, path: string, what: string, body?: unknown): Promise<{ data: unknown; link: string }> {
    const url = path.startsWith('http') ? path : `${this.baseUrl.replace(/\/+$/, '')}${path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', 'user-agent': 'atoms-metrics', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      text = await response.text();
    } catch (error) {
      throw new GitHubApiError(`GitHub API: ${what} failed (${error instanceof Error ? error.name : 'network error'}).`, undefined);
    }
    if (response.status >= 300) {
      // A 403 is either "this token may not" or a rate limit; only the latter is worth waiting for, so say which.
      const limited = response.status === 429 || (response.status === 403 && (response.headers.get('x-ratelimit-remaining') === '0' || /rate limit/i.test(text)));
      throw new GitHubApiError(`GitHub API: ${what} failed (${response.status}${limited ? ', rate limited' : ''}).`, response.status, limited);
    }
    try {
      return { data: text === '' ? null : JSON.parse(text), link: response.headers.get('link') ?? '' };
    } catch {
      throw new GitHubApiError(`GitHub API: ${what} answered with a body that is not JSON.`, response.status);
    }
  }

  private get repoPath(): string {
    return `/repos/${encodeURIComponent(this.owner)}/${encodeURIComponent(this.repo)}`;
  }

  /**
   * The token's own login, to recognise our comments. Integration tokens (the Actions token, a GitHub App's
   * installation token) cannot read /user (403) and comment as some `…[bot]`: undefined then means "a bot".
   * Any other failure is thrown: guessing wrong here would post a second comment.
   */
  async ownLogin(): Promise<string | undefined> {
    let data: unknown;
    try {
      ({ data } = await this.call('GET', '/user', 'reading the token identity'));
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 403 && !error.rateLimited) return undefined;
      throw error;
    }
    if (isRecord(data) && typeof data.login === 'string') return data.login;
    throw new GitHubApiError('GitHub API: reading the token identity answered without a login.', 200);
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
    return toComment((await this.call('POST', `${this.repoPath}/issues/${issueNumber}/comments`, `creating a comment on #${issueNumber}`, { body })).data);
  }

  /** One comment as it is now (an apply slice re-reads before writing, so other slices' outcomes survive). */
  async getComment(commentId: number): Promise<GitHubComment> {
    return toComment((await this.call('GET', `${this.repoPath}/issues/comments/${commentId}`, `reading comment ${commentId}`)).data);
  }

  async updateComment(commentId: number, body: string): Promise<GitHubComment> {
    return toComment((await this.call('PATCH', `${this.repoPath}/issues/comments/${commentId}`, `updating comment ${commentId}`, { body })).data);
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

// A small fake of GitHub's REST API over real HTTP on 127.0.0.1: comments (paginated), PRs of a commit, branches, /user.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { name: string }[];
  user: { login: string; type: string };
}

export interface FakeGitHub {
  url: string;
  comments: Map<number, FakeComment[]>;
  pullsOfCommit: Map<string, { number: number; title: string; merged_at: string | null; labels: { name: string }[] }[]>;
  branches: Map<string, string>;
  /** Pull requests by number, for GET /pulls/{n} (their labels). */
  pulls: Map<number, { labels: { name: string }[] }>;
  /** Issues by number (their comments live in `comments`, as on GitHub). */
  issues: Map<number, FakeIssue>;
  requests: { method: string; path: string; status: number }[];
  /** The next matching requests fail with this status, GitHub's `message` and headers (e.g. `retry-after`). */
  failNext(spec: {
    method: string;
    path: RegExp;
    status: number;
    times?: number;
    message?: string;
    headers?: Record<string, string>;
  }): void;
  /** From now on, never answers any request (a GitHub that hangs); they are still counted in `hung`. */
  hangAll(): void;
  hung: number;
  /** Answers matching requests with a redirect to `location`. */
  redirect(spec: { path: RegExp; status: number; location: string }): void;
  /** Where `Link: rel="next"` points (default: this server); a test sets another origin. */
  linkBase: string;
  /** Every Authorization header the server saw, by path. */
  authorizations: { path: string; authorization: string }[];
  addComment(issue: number, body: string, login: string): FakeComment;
  close(): Promise<void>;
}

/** Tokens → identities. `ghs_*` tokens behave like integration tokens (GET /user answers 403): `ghs_app_*` is a GitHub App, the rest the Actions token. */
export async function startFakeGitHub(owner = 'acme', repo = 'voice'): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>();
  const pullsOfCommit: FakeGitHub['pullsOfCommit'] = new Map();
  const branches = new Map<string, string>();
  const pulls: FakeGitHub['pulls'] = new Map();
  const issues: FakeGitHub['issues'] = new Map();
  let nextIssue = 100;
  const requests: FakeGitHub['requests'] = [];
  const failures: {
    method: string;
    path: RegExp;
    status: number;
    times: number;
    message?: string;
    headers?: Record<string, string>;
  }[] = [];
  const redirects: { path: RegExp; status: number; location: string }[] = [];
  const authorizations: { path: string; authorization: string }[] = [];
  const state = { linkBase: '', hang: false, hung: 0 };
  let nextId = 1000;
  let url = '';
  const identity = (token: string) =>
    token.startsWith('ghs_app_')
      ? { login: 'metrics-app[bot]', type: 'Bot' }
      : token.startsWith('ghs_')
        ? { login: 'github-actions[bot]', type: 'Bot' }
        : { login: `user-${token}`, type: 'User' };

  const read = async (req: IncomingMessage) => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  };

  const server = createServer(async (req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://x');
    const path = parsed.pathname;
    const method = req.method ?? 'GET';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method, path, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    authorizations.push({ path, authorization: req.headers.authorization ?? '' });
    if (state.hang) {
      state.hung += 1;
      return;
    }
    const redirect = redirects.find((r) => r.path.test(path));
    if (redirect) return send(redirect.status, { message: 'Moved' }, { location: redirect.location });
    const token = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return send(401, { message: 'Requires authentication' });
    const failure = failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (failure) {
      failure.times--;
      return send(
        failure.status,
        { message: failure.message ?? 'Resource not accessible by integration' },
        failure.headers,
      );
    }
    const me = identity(token);
    // GraphQL's viewer answers for integration tokens too (REST /user does not).
    if (path === '/graphql' && method === 'POST') return send(200, { data: { viewer: { login: me.login } } });
    const base = `/repos/${owner}/${repo}`;
    let m: RegExpExecArray | null;
    if (path === '/user' && method === 'GET')
      return token.startsWith('ghs_')
        ? send(403, { message: 'Resource not accessible by integration' })
        : send(200, { login: me.login, type: me.type });
    if ((m = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(path))) {
      const issue = Number(m[1]);
      const list = comments.get(issue) ?? [];
      if (method === 'GET') {
        const perPage = Math.min(100, Number(parsed.searchParams.get('per_page') ?? 30));
        const page = Number(parsed.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const base = state.linkBase || url;
        const link: Record<string, string> =
          page < last
            ? {
                link: `<${base}${path}?per_page=${perPage}&page=${page + 1}>; rel="next", <${base}${path}?per_page=${perPage}&page=${last}>; rel="last"`,
              }
            : {};
        return send(
          200,
          list.slice((page - 1) * perPage, page * perPage).map((c) => render(c, issue)),
          link,
        );
      }
      if (method === 'POST') {
        const body = await read(req);
        const comment = { id: nextId++, body: String(body.body), user: me };
        comments.set(issue, [...list, comment]);
        return send(201, render(comment, issue));
      }
    }
    if ((m = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(path)) && (method === 'PATCH' || method === 'GET')) {
      const id = Number(m[1]);
      for (const [issue, list] of comments) {
        const comment = list.find((c) => c.id === id);
        if (!comment) continue;
        if (method === 'GET') return send(200, render(comment, issue));
        if (comment.user.login !== me.login) return send(403, { message: 'Forbidden' });
        comment.body = String((await read(req)).body);
        return send(200, render(comment, issue));
      }
      return send(404, { message: 'Not Found' });
    }
    if ((m = new RegExp(`^${base}/commits/([0-9a-f]+)/pulls$`).exec(path)))
      return send(
        200,
        (pullsOfCommit.get(m[1] ?? '') ?? []).map((pr) => ({ ...pr, state: 'closed' })),
      );
    const renderIssue = (i: FakeIssue) => ({
      ...i,
      html_url: `https://github.com/${owner}/${repo}/issues/${i.number}`,
    });
    if (path === `${base}/issues` && method === 'GET') {
      const label = parsed.searchParams.get('labels');
      const state = parsed.searchParams.get('state') ?? 'open';
      return send(
        200,
        [...issues.values()]
          .filter((i) => (state === 'all' || i.state === state) && (!label || i.labels.some((l) => l.name === label)))
          .map(renderIssue),
      );
    }
    if (path === `${base}/issues` && method === 'POST') {
      const body = await read(req);
      const issue: FakeIssue = {
        number: nextIssue++,
        title: String(body.title),
        body: String(body.body ?? ''),
        state: 'open',
        labels: (Array.isArray(body.labels) ? body.labels : []).map((name) => ({ name: String(name) })),
        user: me,
      };
      issues.set(issue.number, issue);
      return send(201, renderIssue(issue));
    }
    if ((m = new RegExp(`^${base}/issues/(\\d+)$`).exec(path)) && method === 'PATCH') {
      const issue = issues.get(Number(m[1]));
      if (!issue) return send(404, { message: 'Not Found' });
      const body = await read(req);
      if (typeof body.body === 'string') issue.body = body.body;
      if (body.state === 'open' || body.state === 'closed') issue.state = body.state;
      return send(200, renderIssue(issue));
    }
    if ((m = new RegExp(`^${base}/pulls/(\\d+)$`).exec(path)) && method === 'GET') {
      const pr = pulls.get(Number(m[1]));
      return pr
        ? send(200, { number: Number(m[1]), state: 'open', labels: pr.labels })
        : send(404, { message: 'Not Found' });
    }
    if ((m = new RegExp(`^${base}/branches/([^/]+)$`).exec(path))) {
      const sha = branches.get(decodeURIComponent(m[1] ?? ''));
      return sha ? send(200, { name: m[1], commit: { sha } }) : send(404, { message: 'Branch not found' });
    }
    return send(404, { message: 'Not Found' });
  });

  const render = (c: FakeComment, issue: number) => ({
    id: c.id,
    body: c.body,
    user: c.user,
    html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}`,
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    comments,
    pullsOfCommit,
    branches,
    pulls,
    issues,
    requests,
    failNext: (spec) => void failures.push({ ...spec, times: spec.times ?? 1 }),
    redirect: (spec) => void redirects.push(spec),
    hangAll: () => void (state.hang = true),
    get hung() {
      return state.hung;
    },
    get linkBase() {
      return state.linkBase;
    },
    set linkBase(value: string) {
      state.linkBase = value;
    },
    authorizations,
    addComment: (issue, body, login) => {
      const comment = { id: nextId++, body, user: { login, type: 'User' } };
      comments.set(issue, [...(comments.get(issue) ?? []), comment]);
      return comment;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Clients keep connections alive; the fake going away must not wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}

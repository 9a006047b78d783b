// A small fake of GitHub's REST API over real HTTP on 127.0.0.1: comments (paginated), PRs of a commit, branches, /user.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeGitHub {
  url: string;
  comments: Map<number, FakeComment[]>;
  pullsOfCommit: Map<string, { number: number; title: string; merged_at: string | null; labels: { name: string }[] }[]>;
  branches: Map<string, string>;
  requests: { method: string; path: string; status: number }[];
  failNext(spec: { method: string; path: RegExp; status: number; times?: number }): void;
  addComment(issue: number, body: string, login: string): FakeComment;
  close(): Promise<void>;
}

/** Tokens → identities. `ghs_*` tokens behave like integration tokens (GET /user answers 403): `ghs_app_*` is a GitHub App, the rest the Actions token. */
export async function startFakeGitHub(owner = 'acme', repo = 'voice'): Promise<FakeGitHub> {
  const comments = new Map<number, FakeComment[]>();
  const pullsOfCommit: FakeGitHub['pullsOfCommit'] = new Map();
  const branches = new Map<string, string>();
  const requests: FakeGitHub['requests'] = [];
  const failures: { method: string; path: RegExp; status: number; times: number }[] = [];
  let nextId = 1000;
  let url = '';
  const identity = (token: string) =>
    token.startsWith('ghs_app_') ? { login: 'metrics-app[bot]', type: 'Bot' } : token.startsWith('ghs_') ? { login: 'github-actions[bot]', type: 'Bot' } : { login: `user-${token}`, type: 'User' };

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
    const token = /^(?:token|Bearer) (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return send(401, { message: 'Requires authentication' });
    const failure = failures.find((f) => f.method === method && f.path.test(path) && f.times > 0);
    if (failure) {
      failure.times--;
      return send(failure.status, { message: 'Resource not accessible by integration' });
    }
    const me = identity(token);
    const base = `/repos/${owner}/${repo}`;
    let m: RegExpExecArray | null;
    if (path === '/user' && method === 'GET') return token.startsWith('ghs_') ? send(403, { message: 'Resource not accessible by integration' }) : send(200, { login: me.login, type: me.type });
    if ((m = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(path))) {
      const issue = Number(m[1]);
      const list = comments.get(issue) ?? [];
      if (method === 'GET') {
        const perPage = Math.min(100, Number(parsed.searchParams.get('per_page') ?? 30));
        const page = Number(parsed.searchParams.get('page') ?? 1);
        const last = Math.max(1, Math.ceil(list.length / perPage));
        const link: Record<string, string> = page < last ? { link: `<${url}${path}?per_page=${perPage}&page=${page + 1}>; rel="next", <${url}${path}?per_page=${perPage}&page=${last}>; rel="last"` } : {};
        return send(200, list.slice((page - 1) * perPage, page * perPage).map((c) => render(c, issue)), link);
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
    if ((m = new RegExp(`^${base}/commits/([0-9a-f]+)/pulls$`).exec(path))) return send(200, (pullsOfCommit.get(m[1] ?? '') ?? []).map((pr) => ({ ...pr, state: 'closed' })));
    if ((m = new RegExp(`^${base}/branches/([^/]+)$`).exec(path))) {
      const sha = branches.get(decodeURIComponent(m[1] ?? ''));
      return sha ? send(200, { name: m[1], commit: { sha } }) : send(404, { message: 'Branch not found' });
    }
    return send(404, { message: 'Not Found' });
  });

  const render = (c: FakeComment, issue: number) => ({ id: c.id, body: c.body, user: c.user, html_url: `https://github.com/${owner}/${repo}/pull/${issue}#issuecomment-${c.id}` });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    comments,
    pullsOfCommit,
    branches,
    requests,
    failNext: (spec) => void failures.push({ ...spec, times: spec.times ?? 1 }),
    addComment: (issue, body, login) => {
      const comment = { id: nextId++, body, user: { login, type: 'User' } };
      comments.set(issue, [...(comments.get(issue) ?? []), comment]);
      return comment;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

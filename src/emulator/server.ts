/** The emulator's HTTP layer: auth, rate limit, branch-model mode, fault injection, JSON in and out. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { randomUUID } from 'node:crypto';
import { BASE_PATH, MIGRATION_REQUIRED } from './constants.js';
import type { Reply } from './reply.js';
import { rateLimitHeaders } from './rate-limit-headers.js';
import { answersMigrationRequired, routeAgentRequest } from './routes.js';
import type { EmulatorState } from './state.js';
import type { EmulatorOptions, FaultSpec, RecordedRequest } from './types.js';
import { actFires, agentOfPath, performAct, type ActiveAct } from './acts.js';

const MAX_BODY = 1024 * 1024;

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export interface ServerHooks {
  faults: ActiveFault[];
  requests: RecordedRequest[];
  onRequest: ((request: { method: string; path: string }) => void) | null;
  /** People acting right after a matching request took effect (see acts.ts). */
  acts: ActiveAct[];
}

function expressNotFound(method: string, path: string): Reply & { html: string } {
  const escaped = path.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return {
    status: 404,
    html: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${escaped}</pre>\n</body>\n</html>\n`,
  };
}

function matches(fault: ActiveFault, method: string, path: string): boolean {
  if (fault.remaining <= 0) return false;
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}

async function readBody(req: IncomingMessage): Promise<{ ok: true; text: string } | { ok: false; status: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.byteLength;
    if (size > MAX_BODY) return { ok: false, status: 413 };
    chunks.push(buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Path segments, each decoded once; undefined when one is not valid percent-encoding. */
function decodeSegments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((segment) => segment !== '')
      .map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** Creates the HTTP server (not yet listening). */
export function createEmulatorServer(
  state: EmulatorState,
  options: Required<Pick<EmulatorOptions, 'keys'>> & EmulatorOptions,
  hooks: ServerHooks,
) {
  const windows = new Map<string, number[]>();
  const sockets = new Set<Socket>();

  const send = (res: ServerResponse, reply: Reply & { html?: string }, requestId: string) => {
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (options.requestIds !== false) headers['x-request-id'] = requestId;
    if (reply.html !== undefined) {
      res.writeHead(reply.status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      res.end(reply.html);
      return;
    }
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.body ?? null));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    // The raw path, not url.pathname: WHATWG URLs resolve `..` and `%2e%2e`, which Express never does, so an id
    // of `%2e%2e` would reach another route here and a 400 there.
    // An absolute-form request line (`GET http://host/atoms/v1/…`, as through a proxy) carries the same raw path.
    const rawPath = ((req.url ?? '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '') || '/').split('?')[0] ?? '/';
    const path = rawPath.startsWith(BASE_PATH) ? rawPath.slice(BASE_PATH.length) : rawPath;
    const requestId = randomUUID();
    const record = (status: number, faulted: boolean) =>
      hooks.requests.push({ method, path, query: url.search, status, faulted, at: state.now() });
    hooks.onRequest?.({ method, path });

    const body = await readBody(req);
    const fault = hooks.faults.find((f) => matches(f, method, path));
    if (fault) fault.remaining -= 1;
    const answerFault = async (): Promise<void> => {
      if (!fault) return;
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.reset) {
        record(0, true);
        options.log?.(`${method} ${path}${url.search} → connection reset (injected fault)`);
        req.socket.destroy();
        return;
      }
      const status = fault.status ?? 500;
      record(status, true);
      options.log?.(`${method} ${path}${url.search} → ${status} (injected fault)`);
      send(
        res,
        {
          status,
          body: fault.body ?? {
            status: false,
            errors: [status === 429 ? 'Rate limit exceeded' : 'Internal server error'],
          },
          headers: fault.headers,
        },
        requestId,
      );
    };
    if (fault && !fault.afterEffect) return answerFault();

    let reply: Reply & { html?: string };
    let limitHeaders: Record<string, string> | undefined;
    if (!rawPath.startsWith(`${BASE_PATH}/`)) reply = expressNotFound(method, rawPath);
    else if (!body.ok) reply = { status: body.status, body: { status: false, errors: ['Request body too large'] } };
    else {
      const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      const user = auth ? options.keys[auth[1] ?? ''] : undefined;
      if (!user) reply = { status: 401, body: { status: false, errors: ['Unauthorized: User not found'] } };
      else {
        const key = auth?.[1] ?? '';
        const window = (windows.get(key) ?? []).filter((t) => state.now() - t < 1000);
        window.push(state.now());
        windows.set(key, window);
        if (state.switches.rateLimitHeaders) limitHeaders = rateLimitHeaders(options.rateLimitPerSecond, window.length);
        const segments = decodeSegments(path);
        if (segments === undefined) {
          // Express answers a malformed escape (`%ZZ`) in a route's parameter with 400; outside any route it is a 404.
          reply = /^\/agent(\/|$)/.test(path)
            ? { status: 400, body: { status: false, errors: [`Failed to decode param '${path}'`] } }
            : expressNotFound(method, rawPath);
        } else if (options.rateLimitPerSecond && window.length > options.rateLimitPerSecond) {
          const documented = options.rateLimitBody === 'documented';
          reply = {
            status: 429,
            headers: { 'retry-after': '1' },
            body: documented
              ? { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 1 }
              : { status: false, errors: ['Rate limit exceeded'] },
          };
        } else if (answersMigrationRequired(state, method, segments)) {
          reply = {
            status: 409,
            headers: { deprecation: 'true' },
            body: { status: false, error_type: 'versioning_v2_migration_required', errors: [MIGRATION_REQUIRED] },
          };
        } else {
          let parsed: unknown = {};
          let badJson = false;
          if (body.text.trim() !== '') {
            try {
              parsed = JSON.parse(body.text);
            } catch {
              badJson = true;
            }
          }
          reply = badJson
            ? { status: 400, body: { status: false, errors: ['Invalid JSON body'] } }
            : (routeAgentRequest({
                state,
                method,
                segments,
                query: url.searchParams,
                body: parsed,
                user: { userId: user.userId, admin: user.admin === true },
                options: {
                  normaliseLegacyType: options.normaliseLegacyType !== false,
                  validateMetrics: options.validateMetrics !== false,
                  activationPendingError: options.activationPendingError ?? {
                    status: 400,
                    message: 'Security check pending for this version',
                  },
                },
              }) ?? expressNotFound(method, rawPath));
        }
      }
    }
    if (reply.status < 400) {
      for (const act of hooks.acts) {
        const agent = actFires(act, method, path) ? agentOfPath(state, path) : undefined;
        if (!agent) continue;
        const done = performAct(state, agent, act);
        options.log?.(done);
      }
    }
    if (limitHeaders) reply = { ...reply, headers: { ...limitHeaders, ...reply.headers } };
    if (fault?.afterEffect) return answerFault();
    if (options.latencyMs) await sleep(options.latencyMs);
    record(reply.status, false);
    options.log?.(`${method} ${path}${url.search} → ${reply.status}`);
    send(res, reply, requestId);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The emulator must never crash on any input: a bug becomes a 500 like the real API's.
      options.log?.(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent)
        send(res, { status: 500, body: { status: false, errors: ['Internal server error'] } }, randomUUID());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { server, closeSockets: () => sockets.forEach((socket) => socket.destroy()) };
}

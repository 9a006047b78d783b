// A tiny stand-in for the Atoms API on 127.0.0.1 that answers GET /agent/{id} with whatever a test gives it —
// e.g. an answer that echoes the caller's key back in several fields, which the emulator never does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoAtoms {
  url: string;
  /** Agent id → [status, JSON body]. The body may be a function of the request's bearer token. */
  answers: Map<string, (key: string) => [number, unknown]>;
  close(): Promise<void>;
}

export async function startEchoAtoms(): Promise<EchoAtoms> {
  const answers: EchoAtoms['answers'] = new Map();
  const server = createServer((req, res) => {
    const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const id = /^\/atoms\/v1\/agent\/([a-f0-9]{24})(?:\?|$)/.exec(req.url ?? '')?.[1] ?? '';
    const [status, body] = answers.get(id)?.(key) ?? [404, { status: false, errors: ['Not found'] }];
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/atoms/v1`,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

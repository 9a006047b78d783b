// A real forward proxy on 127.0.0.1 (CONNECT tunnels and plain forwarding), and a TLS front for the local fakes, so
// tests show requests to made-up host names (atoms.test, github.test) reaching the local servers only through it.
import { readFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export const TEST_CA = readFileSync(new URL('./tls/cert.pem', import.meta.url), 'utf8');
const TEST_KEY = readFileSync(new URL('./tls/key.pem', import.meta.url), 'utf8');

export interface ProxyHit {
  kind: 'connect' | 'forward';
  /** `host:port` for a tunnel, the absolute URL for a forwarded request. */
  target: string;
}

export interface TestProxy {
  url: string;
  hits: ProxyHit[];
  close(): Promise<void>;
}

/** `hosts` maps the names clients ask for to local ports: the proxy is the only way those names resolve. */
export async function startProxy(hosts: Record<string, number>): Promise<TestProxy> {
  const hits: ProxyHit[] = [];
  const sockets = new Set<Socket>();
  const portOf = (host: string) => hosts[host.toLowerCase()];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const target = new URL(req.url ?? '/');
    hits.push({ kind: 'forward', target: target.toString() });
    const port = portOf(target.hostname);
    if (port === undefined) {
      res.writeHead(502).end('unknown host');
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    hits.push({ kind: 'connect', target });
    const port = portOf(target.replace(/:\d+$/, ''));
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TLS endpoint (the test certificate, valid for atoms.test and github.test) in front of a plain local HTTP server. */
export async function startTlsFront(httpPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTlsServer({ key: TEST_KEY, cert: TEST_CA }, (secure) => {
    const plain = connect(httpPort, '127.0.0.1');
    secure.pipe(plain).pipe(secure);
    secure.on('error', () => plain.destroy());
    plain.on('error', () => secure.destroy());
    for (const socket of [secure, plain]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

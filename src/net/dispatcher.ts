/**
 * The connection layer both API clients share: undici keep-alive pools, one per origin, reached directly or through
 * the proxy the environment names for that origin (see proxy-env.ts). undici's own EnvHttpProxyAgent is not used: it
 * printed an ExperimentalWarning into users' logs on some versions, and it does not exempt loopback.
 */
import { Agent, Pool, ProxyAgent, type Dispatcher } from './undici.js';
import { proxyFor } from './proxy-env.js';

export interface DispatcherOptions {
  env: NodeJS.ProcessEnv;
  /** Extra trusted certificates (PEM); tests pass their own CA, users set NODE_EXTRA_CA_CERTS instead. */
  ca?: string;
}

/** Idle keep-alive sockets are closed after this, so a finished step does not hold the process open for long. */
const KEEP_ALIVE_MS = 4_000;

/**
 * One Agent whose per-origin client is a Pool (direct) or a ProxyAgent (through the proxy). The Agent keys clients by
 * origin, so the decision is made once per origin and its connections are reused for every later request.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const tls = options.ca === undefined ? {} : { ca: options.ca };
  return new Agent({
    keepAliveTimeout: KEEP_ALIVE_MS,
    factory: (origin: string | URL, poolOptions: object): Dispatcher => {
      const proxy = proxyFor(origin, options.env);
      if (proxy === undefined)
        return new Pool(origin, { ...poolOptions, keepAliveTimeout: KEEP_ALIVE_MS, connect: tls });
      // proxyTunnel false: an http:// target is forwarded in plain form (as curl does); https:// always tunnels (CONNECT).
      return new ProxyAgent({ uri: proxy, proxyTunnel: false, keepAliveTimeout: KEEP_ALIVE_MS, requestTls: tls });
    },
  });
}

/**
 * Which proxy, if any, a request to a URL goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY. Pure: the same
 * decision serves the Atoms API and GitHub, so both follow one reading of the variables.
 */

/** Read one variable the way curl and the Actions toolkit do: the lower-case name wins, an empty value is unset. */
function variable(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name.toLowerCase()] ?? env[name.toUpperCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Loopback is never proxied: an emulator or a fake on 127.0.0.1 must be reached directly, whatever NO_PROXY says. */
export function isLoopback(hostname: string): boolean {
  const host = stripBrackets(hostname.toLowerCase());
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/**
 * Whether one NO_PROXY entry covers host:port. `*` covers everything; `example.com`, `.example.com` and
 * `*.example.com` cover example.com and every subdomain; `host:port` only that port. No CIDR ranges.
 */
function entryMatches(entry: string, host: string, port: string): boolean {
  if (entry === '*') return true;
  let name = entry;
  let entryPort: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) {
    name = bracketed[1] ?? '';
    entryPort = bracketed[2];
  } else if (/^[^:]+:\d+$/.test(entry)) {
    // One colon followed by digits is a port; a bare IPv6 address has several colons.
    [name = '', entryPort] = entry.split(':');
  }
  if (entryPort !== undefined && entryPort !== port) return false;
  const domain = name.replace(/^\*?\./, '');
  if (domain === '') return false;
  return host === domain || host.endsWith(`.${domain}`);
}

/** True when NO_PROXY (or no_proxy) says to reach this URL directly. */
export function bypassesProxy(url: URL, env: NodeJS.ProcessEnv): boolean {
  const noProxy = variable(env, 'no_proxy');
  if (noProxy === undefined) return false;
  const host = stripBrackets(url.hostname.toLowerCase());
  const port = url.port || defaultPort(url.protocol);
  return noProxy
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
    .some((entry) => entryMatches(entry, host, port));
}

/**
 * The proxy URL for a request, or undefined to connect directly. https targets use HTTPS_PROXY, http targets
 * HTTP_PROXY (as curl does: one does not stand in for the other). A proxy given without a scheme is http://.
 */
export function proxyFor(target: string | URL, env: NodeJS.ProcessEnv): string | undefined {
  const url = typeof target === 'string' ? new URL(target) : target;
  if (isLoopback(url.hostname)) return undefined;
  const proxy = variable(env, url.protocol === 'https:' ? 'https_proxy' : 'http_proxy');
  if (proxy === undefined || bypassesProxy(url, env)) return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}

/** The proxy URL as it may be shown in a log line: without a user name or password. */
export function describeProxy(proxy: string): string {
  try {
    const url = new URL(proxy);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'the configured proxy';
  }
}

/** Checks an API base URL before any request carries the key to it. Pure. */

/** Loopback hosts: traffic to them never leaves the machine, so plain http is safe there (the emulator). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Why `raw` cannot be the API's base URL, or undefined when it can. The message never repeats a credential:
 * a URL with `user:password@` is refused without echoing it.
 */
export function apiUrlProblem(
  raw: string,
): { kind: 'credentials' | 'not-http' | 'plain-http'; message: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(raw))
    return { kind: 'credentials', message: 'must not contain credentials (user:password@)' };
  const notHttp = { kind: 'not-http', message: `must be an http(s) URL, got '${raw}'` } as const;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return notHttp;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || /\s/.test(raw)) return notHttp;
  // Every request carries the API key in a header: over plain http anyone on the path can read it.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      kind: 'plain-http',
      message: `uses plain http to ${url.hostname}, which would send the API key unencrypted: use https (plain http is allowed only for loopback addresses such as 127.0.0.1 and localhost, e.g. the emulator)`,
    };
  }
  return undefined;
}

/**
 * Octokit as @actions/github builds it, with the retry and throttling plugins, on our connections (undici pools and the
 * environment's proxy, src/net/) and with the token held to the API's own origin. Loaded only by the steps that call
 * GitHub (plan, apply, drift): validate never compiles it.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { fetch as undiciFetch, type Dispatcher } from '../net/undici.js';

import { gitHubTiming, isRedirect, MAX_REDIRECTS, MAX_RETRIES, MAX_WAIT_S } from './timing.js';

function urlOf(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * Octokit's fetch: undici through our dispatcher, following redirects only within the API's origin (a 3xx to
 * anywhere else comes back unfollowed, and the client refuses it with the token unsent). The body is Octokit's
 * JSON string, so it can be sent again on a 307.
 */
export function originBoundFetch(
  origin: string,
  dispatcher: Dispatcher,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init = {}) => {
    let target = urlOf(input);
    let method = init.method ?? 'GET';
    let body = typeof init.body === 'string' ? init.body : undefined;
    const headers = new Headers(init.headers);
    for (let hop = 0; ; hop++) {
      const answer = await undiciFetch(target, {
        method,
        headers: [...headers],
        body,
        redirect: 'manual',
        dispatcher,
        signal: init.signal
          ? AbortSignal.any([init.signal, AbortSignal.timeout(gitHubTiming.requestTimeoutMs)])
          : AbortSignal.timeout(gitHubTiming.requestTimeoutMs),
      });
      const location = answer.headers.get('location');
      const next = location === null ? undefined : new URL(location, target);
      const follow = isRedirect(answer.status) && next !== undefined && next.origin === origin && hop < MAX_REDIRECTS;
      if (!follow || next === undefined) {
        // A global Response around undici's stream: Octokit reads it like any fetch answer.
        const empty = answer.status === 204 || answer.status === 205 || answer.status === 304;
        return new Response(empty ? null : await answer.arrayBuffer(), {
          status: answer.status,
          statusText: answer.statusText,
          headers: [...answer.headers],
        });
      }
      await answer.body?.cancel();
      target = next.href;
      if (answer.status === 303) {
        method = 'GET';
        body = undefined;
      }
    }
  };
}

export interface OctokitSetup {
  token: string;
  baseUrl: string;
  dispatcher: Dispatcher;
  /** Told about each rate-limit wait, to say in the log why the step is quiet. */
  onWait?: (info: { reason: string; seconds: number; method: string; url: string }) => void;
}

/** Retry a refused request after GitHub's wait, unless that wait is over the cap or the retries are spent. */
function retryAfterLimit(setup: OctokitSetup, reason: string) {
  return (
    retryAfter: number,
    options: { method?: string; url?: string },
    _octokit: unknown,
    retryCount: number,
  ): boolean => {
    if (retryCount >= MAX_RETRIES || retryAfter > MAX_WAIT_S) return false;
    setup.onWait?.({ reason, seconds: retryAfter, method: options.method ?? '', url: options.url ?? '' });
    return true;
  };
}

export type GitHubOctokit = ReturnType<typeof createOctokit>;

/** An Octokit for one token and API origin (GITHUB_API_URL on GitHub Enterprise Server). */
export function createOctokit(setup: OctokitSetup) {
  const origin = new URL(setup.baseUrl).origin;
  return getOctokit(
    setup.token,
    {
      baseUrl: setup.baseUrl.replace(/\/+$/, ''),
      userAgent: 'atoms-metrics',
      request: { fetch: originBoundFetch(origin, setup.dispatcher) },
      retry: { retries: MAX_RETRIES, retryAfterBaseValue: gitHubTiming.retryBaseMs },
      throttle: {
        retryAfterBaseValue: gitHubTiming.retryBaseMs,
        fallbackSecondaryRateRetryAfter: MAX_WAIT_S,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: gitHubTiming.writeSpacingMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: gitHubTiming.notificationSpacingMs }),
        onRateLimit: retryAfterLimit(setup, 'rate limit'),
        onSecondaryRateLimit: retryAfterLimit(setup, 'secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}

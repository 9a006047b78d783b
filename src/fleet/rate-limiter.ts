/** One limiter shared by every request of a run: a token bucket that slows down when the server answers 429. */
import type { RequestLimiter } from '../atoms/types.js';

export interface RateLimiterOptions {
  /** 0 or Infinity switches the limiter off. */
  requestsPerSecond: number;
  /** Requests allowed at once after a quiet spell (default 1: an even pace). */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Creates the limiter. Requests are served first-come first-served; a 429 pauses everyone and halves the rate, which recovers over ~10 s. */
export function createRateLimiter(options: RateLimiterOptions): RequestLimiter & { readonly rate: number } {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const max = options.requestsPerSecond;
  const off = !(max > 0 && Number.isFinite(max));
  let rate = max;
  let next = now();
  let pausedUntil = 0;
  let lastCut = now();
  const burstWindow = ((options.burst ?? 1) - 1) * (1000 / Math.max(max, 1));
  return {
    get rate() {
      return rate;
    },
    async acquire() {
      if (off) return;
      const t = now();
      // Recover towards the configured rate, additively, after a cut.
      if (rate < max) rate = Math.min(max, rate + ((t - lastCut) / 10_000) * max);
      const slot = Math.max(next, t - burstWindow, pausedUntil);
      next = slot + 1000 / rate;
      if (slot > t) await sleep(slot - t);
    },
    onRateLimited(retryAfterMs) {
      if (off) return;
      const t = now();
      pausedUntil = Math.max(pausedUntil, t + (retryAfterMs ?? 1000));
      rate = Math.max(max / 8, rate / 2);
      lastCut = t;
    },
  };
}

/** The `rateLimitHeaders` switch: rate-limit headers on every answer (whether the platform sends any is unknown, fact sheet v2 §6.13). */

/** Headers for a key that has made `used` requests in the current second; the limit is `--rate-limit`'s, else 100 (Pro's). */
export function rateLimitHeaders(limitPerSecond: number | undefined, used: number): Record<string, string> {
  const limit = limitPerSecond !== undefined && limitPerSecond > 0 ? limitPerSecond : 100;
  return { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(Math.max(0, limit - used)) };
}

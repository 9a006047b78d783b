/** GitHub's waits and limits, apart from Octokit: the client reads them without loading it, and tests set them. */

/** Waits and spacing the plugins use; a seam for tests, which must not wait for real (they set the bases to 1 ms). */
export const gitHubTiming = {
  /** One second of GitHub's `retry-after` (and of plugin-retry's 1, 4, 9 s backoff) lasts this many ms. */
  retryBaseMs: 1000,
  /** GitHub asks integrations to leave a second between writes, against secondary rate limits. */
  writeSpacingMs: 1000,
  /** Writes that notify people (a comment, an issue) are spaced wider: the plugin's 3 s. */
  notificationSpacingMs: 3000,
  /** One request that gets no answer is given up after this long. */
  requestTimeoutMs: 30_000,
  /**
   * All the GitHub work of a plan before its verdict (reading and writing the comment, a merge queue's labels): the
   * comment is a report, the check is the verdict, so a GitHub that never answers holds the plan up this long at most.
   */
  planBudgetMs: 45_000,
};

/** Attempts after the first for 5xx and network failures (plugin-retry) and for rate limits (throttling). */
export const MAX_RETRIES = 3;
/** A wait GitHub asks for beyond this fails fast: a CI step should not sleep for an hour. */
export const MAX_WAIT_S = 60;
/** GitHub redirects a renamed repository's API calls (301/307); a chain longer than this is not followed. */
export const MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** The answer to a redirect that leaves the API's origin, or one hop too many: the client refuses it. */
export function isRedirect(status: number): boolean {
  return REDIRECTS.has(status);
}

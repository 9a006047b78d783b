// GitHub's retry and write-spacing waits in milliseconds instead of seconds, so tests never wait for real.
import { gitHubTiming } from '../../src/github/client.js';

/** Makes GitHub waits instant; returns the function that puts the real timing back. */
export function instantGitHubWaits(): () => void {
  const saved = { ...gitHubTiming };
  gitHubTiming.retryBaseMs = 1;
  gitHubTiming.writeSpacingMs = 0;
  gitHubTiming.notificationSpacingMs = 0;
  return () => void Object.assign(gitHubTiming, saved);
}

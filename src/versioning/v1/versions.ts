/** Which published versions belong to a change: found by the change marker in their description. Pure. */
import type { AgentVersion } from '../../atoms/types.js';

export function hasMarker(version: AgentVersion, marker: string): boolean {
  return (version.description ?? '').includes(marker);
}

/**
 * A version this change published that can still go live. One whose check failed or errored cannot; an error
 * is the platform's fault, not the content's, so after one a re-run publishes anew.
 */
export function isUsableVersionOf(version: AgentVersion, marker: string): boolean {
  return (
    hasMarker(version, marker) &&
    version.securityCheck?.status !== 'failed' &&
    version.securityCheck?.status !== 'errored'
  );
}

/** The change's usable versions, oldest first: the oldest is the one every run converges on. */
export function ourVersions(versions: readonly AgentVersion[], marker: string): AgentVersion[] {
  return versions
    .filter((v) => isUsableVersionOf(v, marker))
    .sort((a, b) => (a.versionNumber ?? 0) - (b.versionNumber ?? 0));
}

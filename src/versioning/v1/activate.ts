/** After publishing on v1: wait for the security check, compare-and-swap, activate, and read back what went live. */
import { AtomsApiError } from '../../atoms/errors.js';
import type { AgentVersion, AtomsApi } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../apply-types.js';
import { ApplyStop } from '../change-checks.js';
import { findAnalyticsInResolvedConfig } from '../live-config.js';
import { pollDelayMs } from '../platform-retry.js';
import { scanVerdict } from '../scan-verdict.js';
import { readV1Agent } from './read.js';
import { hasMarker, ourVersions } from './versions.js';

/** The published version's analytics config, from the version-detail `resolvedConfig` (section-keyed); undefined when not recognised. */
function versionConfig(resolved: unknown): PostCallAnalyticsConfig | undefined {
  const read = findAnalyticsInResolvedConfig(resolved);
  return read.found ? read.config : undefined;
}

/** Reads the published version: its check, and whether it positively holds the file's metrics (throws when it holds others). */
export async function readBackVersion(
  api: AtomsApi,
  target: ApplyTarget,
  version: AgentVersion,
): Promise<{ check: AgentVersion['securityCheck']; contentMatched: boolean }> {
  const detail = await api.getVersion(target.agentId, version._id);
  const content = versionConfig(detail.resolvedConfig);
  if (content && !configsEqual(content, target.desired))
    throw new ApplyStop(`version ${version._id} does not hold the metrics of ${target.file}; not activating it`);
  return { check: detail.version.securityCheck, contentMatched: content !== undefined };
}

export async function waitAndActivate(
  api: AtomsApi,
  target: ApplyTarget,
  version: AgentVersion,
  forkedFrom: string,
  marker: string,
  deps: ApplyDeps,
  say: (line: string) => void,
  result: ApplyResult,
): Promise<void> {
  const started = deps.now();
  let poll = 0;
  let check = version.securityCheck;
  let verifiedContent = false;
  let contentMatched = false;
  // A version list read while polling that already showed the check passed: it doubles as the compare-and-swap read.
  let freshList: AgentVersion[] | undefined;
  for (;;) {
    if (check === null || check.status === 'passed') {
      if (!verifiedContent) {
        ({ check, contentMatched } = await readBackVersion(api, target, version));
        verifiedContent = true;
        if (check !== null && check.status !== 'passed') continue;
      }
      // Compare-and-swap: activate only if live is still the version we forked from. One read of the version list
      // gives both the active version and any other run's version of this same change.
      const versions = freshList ?? (await api.listVersions(target.agentId, { limit: 20 })).versions;
      freshList = undefined;
      const active = versions.find((v) => v.isActive);
      const activeId = active ? active._id : (await api.getAgent(target.agentId)).activeVersionId;
      if (activeId !== forkedFrom) {
        if (activeId === version._id || (active && hasMarker(active, marker))) {
          say(
            `live already holds this change (version ${active?.versionNumber ?? '?'}, ${activeId}), activated by another run; not activating again`,
          );
          result.versionId = activeId ?? version._id;
          return;
        }
        throw new ApplyStop(
          `someone activated version ${activeId} while this change was being published from ${forkedFrom}; not activating ${version._id} over it. Re-run the plan to review the new diff.`,
        );
      }
      const first = ourVersions(versions, marker)[0];
      if (first && first._id !== version._id) {
        // Every run converges on the oldest version of the change; activating it is idempotent, so this run
        // sees it through rather than report success for an activation it never saw.
        say(
          `another run published version ${first.versionNumber ?? '?'} (${first._id}) for this same change first; activating that one instead (version ${version._id} stays inactive)`,
        );
        version = first;
        result.versionId = first._id;
        result.versionNumber = first.versionNumber;
        check = first.securityCheck;
        verifiedContent = false;
        contentMatched = false;
        continue;
      }
      let activated: AgentVersion;
      try {
        activated = await api.activateVersion(target.agentId, version._id);
        result.activatedAt = activated.activatedAt ?? new Date(deps.now()).toISOString();
      } catch (error) {
        if (error instanceof AtomsApiError && error.kind === 'security-check-pending') {
          check = { status: 'pending', reason: null };
          continue;
        }
        throw error;
      }
      say(`activated version ${version.versionNumber ?? '?'} (${version._id})`);
      // The activate answer is the version, now active; its content was read back and matched while polling. Only
      // when either is not positively known is the agent read once more.
      if (activated._id === version._id && activated.isActive && contentMatched) {
        say('verified: live metrics match the file');
        return;
      }
      const { agent: after, config: afterConfig } = await readV1Agent(api, target.agentId);
      if (after.activeVersionId !== version._id || !configsEqual(afterConfig, target.desired)) {
        throw new ApplyStop(`after activation, live (version ${after.activeVersionId}) does not match ${target.file}`);
      }
      say('verified: live metrics match the file');
      return;
    }
    if (check.status === 'failed' || check.status === 'errored') {
      throw new ApplyStop(
        `version ${version._id} failed the platform's security check${check.reason ? `: ${check.reason}` : ''}. Live is unchanged; fix the prompts and merge again.`,
      );
    }
    if (scanVerdict(check).state === 'unknown') {
      throw new ApplyStop(
        `version ${version._id} reports a security-check status "${check.status}" that this version does not know; not waiting it out. It is published, not active; check it in the dashboard, then re-run to resume.`,
      );
    }
    const waited = deps.now() - started;
    if (deps.signal?.aborted) {
      throw new ApplyStop(
        `cancelled while waiting for the security check: version ${version.versionNumber ?? '?'} (${version._id}) is published but not active; a re-run resumes and activates it, never publishing again.`,
      );
    }
    if (waited >= deps.securityCheckTimeoutMs) {
      throw new ApplyStop(
        `version ${version._id} is published but its security check has not passed after ${Math.round(waited / 1000)} s, so it is not active. Re-run to resume: it will not publish again.`,
      );
    }
    say(
      `waiting for the security check of version ${version.versionNumber ?? '?'} (${Math.round(waited / 1000)} s so far)…`,
    );
    const pause = Math.min(
      pollDelayMs(poll++, deps.pollStartMs ?? 1000, deps.pollCapMs ?? 5000),
      deps.securityCheckTimeoutMs - waited,
    );
    // Waiting holds no concurrency slot: another agent's writes go on meanwhile.
    await (deps.idle ? deps.idle(() => deps.sleep(pause)) : deps.sleep(pause));
    if (!verifiedContent) {
      // The first look reads the version itself: its status, and its content checked against the file.
      ({ check, contentMatched } = await readBackVersion(api, target, version));
      verifiedContent = true;
    } else {
      // Later looks read the version list: the status, and (once it passed) the compare-and-swap read in one request.
      const { versions } = await api.listVersions(target.agentId, { limit: 20 });
      const mine = versions.find((v) => v._id === version._id);
      check = mine ? mine.securityCheck : (await api.getVersion(target.agentId, version._id)).version.securityCheck;
      freshList = mine ? versions : undefined;
    }
  }
}

/**
 * Applies one agent's metrics on the v1 model: draft from the active version → patch → publish → wait for the security
 * check → compare-and-swap → activate → verify. Exactly once under re-runs and ambiguous failures.
 */
import { AtomsApiError } from '../../atoms/errors.js';
import type { AgentVersion, AtomsApi } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import { findAnalyticsInAgentRead, findAnalyticsInResolvedConfig, UnrecognisedLiveConfig } from '../live-config.js';
import { scanVerdict } from '../scan-verdict.js';
import { stepLog } from '../step-log.js';
import { sortOutRivals } from './rivals.js';
import { pollDelayMs } from '../platform-retry.js';
import { changeMarker, describeWithMarker, draftNameFor, truncate } from '../change-marker.js';
import { ApplyStop, checkReviewedLive, patchBody, refuseIfBreaking } from '../change-checks.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../apply-types.js';

/** The published version's analytics config, from the version-detail `resolvedConfig` (section-keyed); undefined when not recognised. */
function versionConfig(resolved: unknown): PostCallAnalyticsConfig | undefined {
  const read = findAnalyticsInResolvedConfig(resolved);
  return read.found ? read.config : undefined;
}

/** `GET /agent/{id}` with the metrics found positively (an unrecognised answer is an error, never "no metrics"). */
export async function readV1Agent(api: AtomsApi, agentId: string) {
  const agent = await api.getAgent(agentId);
  const read = findAnalyticsInAgentRead(agent.resolvedConfig);
  if (!read.found) throw new UnrecognisedLiveConfig(agentId, `GET /agent/${agentId}`, agent.activeVersionId === null && agent.resolvedConfig === undefined ? 'active version (the agent has never been activated)' : read.missing);
  return { agent, config: read.config };
}

export async function applyAgent(target: ApplyTarget, deps: ApplyDeps): Promise<ApplyResult> {
  const { steps, say } = stepLog(target.agentId, deps.log);
  const result: ApplyResult = { agentId: target.agentId, file: target.file, status: 'failed', steps, model: 'v1' };
  const { api } = deps;
  let ourDraftId: string | undefined;
  let published = false;
  let marker = '';

  try {
    const { agent, config: live } = await readV1Agent(api, target.agentId);
    result.previousVersionId = agent.activeVersionId;
    if (configsEqual(live, target.desired)) {
      say(`live version ${agent.activeVersionId ?? '(none)'} already matches ${target.file}; nothing to do`);
      return { ...result, status: 'unchanged', versionId: agent.activeVersionId ?? undefined };
    }
    refuseIfBreaking(live, target.desired, deps);
    if (!agent.activeVersionId) throw new ApplyStop('the agent has no active version to start a draft from');
    const forkedFrom = agent.activeVersionId;
    marker = changeMarker(target.desired, forkedFrom);

    checkReviewedLive(target, { model: 'v1', id: forkedFrom, config: live }, deps, say);

    // A version this change already published (a re-run, or a publish that timed out after taking effect).
    const { versions: recent } = await api.listVersions(target.agentId, { limit: 20 });
    const existing = ourVersions(recent, marker)[0];
    const rejected = recent.find((v) => hasMarker(v, marker) && v.securityCheck?.status === 'failed');
    if (!existing && rejected) {
      throw new ApplyStop(`version ${rejected.versionNumber ?? '?'} (${rejected._id}) was published for this same change and failed the platform's security check${rejected.securityCheck?.reason ? `: ${rejected.securityCheck.reason}` : ''}. Publishing it again would fail the same way; change the prompts and merge again.`);
    }
    const finishWith = async (found: AgentVersion, status: 'applied' | 'resumed'): Promise<ApplyResult> => {
      published = true;
      result.versionId = found._id;
      result.versionNumber = found.versionNumber;
      await waitAndActivate(api, target, found, forkedFrom, marker, deps, say, result);
      result.status = status;
      return result;
    };
    let version: AgentVersion;
    if (existing) {
      version = existing;
      published = true;
      say(`found version ${existing.versionNumber ?? '?'} (${existing._id}) published earlier for this change; resuming`);
      result.status = 'resumed';
      if (existing.sourceVersionId && existing.sourceVersionId !== forkedFrom) {
        throw new ApplyStop(`version ${existing._id} was published from ${existing.sourceVersionId}, but live is now ${forkedFrom}: someone changed the agent meanwhile. Not activating; re-run the plan.`);
      }
    } else {
      if (deps.signal?.aborted) throw new ApplyStop('cancelled before anything was written for this agent');
      ourDraftId = await createOurDraft(api, target, forkedFrom, marker, say);
      const rivals = sortOutRivals(await api.listDrafts(target.agentId), ourDraftId, marker, deps.now());
      for (const leftover of rivals.leftovers) {
        await api.deleteDraft(target.agentId, leftover.draftId ?? '').then(
          () => say(`removed draft ${leftover.draftId} "${leftover.draftName ?? ''}", left by an earlier run of this change that did not finish`),
          () => say(`could not remove draft ${leftover.draftId}, left by an earlier run of this change; discard it in the dashboard`),
        );
      }
      if (rivals.first?.draftId) {
        // Every run publishes the earliest draft of the change, whether the run that made it is alive or gone: a
        // draft publishes once, and the run that loses that race reads the version it became. Nobody waits on a
        // run that may have died.
        const first = rivals.first.draftId;
        say(`draft ${first} of this same change was made first (by another run, still going or gone); publishing that one and discarding ours`);
        await api.deleteDraft(target.agentId, ourDraftId).catch(() => undefined);
        ourDraftId = undefined;
        if (deps.signal?.aborted) throw new ApplyStop('cancelled before publishing; nothing of ours goes live');
        const theirs = await publishEarliest(api, target, first, patchBody(target.desired, live), marker, deps, say);
        return await finishWith(theirs, 'resumed');
      }
      await api.patchDraftConfig(target.agentId, ourDraftId, { postCallAnalyticsConfig: patchBody(target.desired, live) });
      say(`patched draft ${ourDraftId}`);
      if (deps.signal?.aborted) throw new ApplyStop('cancelled before publishing; nothing of ours goes live');
      version = await publishOnce(api, target, ourDraftId, marker, deps, say);
      published = true;
      say(`published version ${version.versionNumber ?? '?'} (${version._id}); publish never activates, so activation follows`);
    }
    result.versionId = version._id;
    result.versionNumber = version.versionNumber;

    await waitAndActivate(api, target, version, forkedFrom, marker, deps, say, result);
    if (result.status === 'failed') result.status = 'applied';
    return result;
  } catch (error) {
    const message = error instanceof ApplyStop || error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    let where = '';
    if (ourDraftId && !published && deps.signal?.aborted) {
      // A cancel starts no write: the next run of this change finds the draft by its name and publishes it.
      where = ` Our draft ${ourDraftId} ("${draftNameFor(marker, target.commitSha)}") stays; the next run of this change publishes it, once.`;
    } else if (ourDraftId && !published) {
      // Never leave our half-made draft behind; never touch anyone else's.
      await api.deleteDraft(target.agentId, ourDraftId).then(
        () => say(`discarded draft ${ourDraftId}`),
        () => say(`could not discard draft ${ourDraftId}; it is named "${draftNameFor(marker, target.commitSha)}"`),
      );
    }
    say(`failed: ${message}${where}`);
    return { ...result, status: 'failed', error: `${message}${where}` };
  }
}

function hasMarker(version: AgentVersion, marker: string): boolean {
  return (version.description ?? '').includes(marker);
}

/**
 * A version this change published that can still go live. One whose check failed or errored cannot; an error
 * is the platform's fault, not the content's, so after one a re-run publishes anew.
 */
function isUsableVersionOf(version: AgentVersion, marker: string): boolean {
  return hasMarker(version, marker) && version.securityCheck?.status !== 'failed' && version.securityCheck?.status !== 'errored';
}

/** The change's usable versions, oldest first: the oldest is the one every run converges on. */
function ourVersions(versions: readonly AgentVersion[], marker: string): AgentVersion[] {
  return versions.filter((v) => isUsableVersionOf(v, marker)).sort((a, b) => (a.versionNumber ?? 0) - (b.versionNumber ?? 0));
}

async function createOurDraft(api: AtomsApi, target: ApplyTarget, forkedFrom: string, marker: string, say: (line: string) => void): Promise<string> {
  const draftName = draftNameFor(marker, target.commitSha);
  try {
    const draft = await api.createDraft(target.agentId, { sourceVersionId: forkedFrom, draftName });
    if (!draft.draftId) throw new ApplyStop('the API created a draft but returned no draftId');
    say(`created draft ${draft.draftId} from version ${forkedFrom}`);
    return draft.draftId;
  } catch (error) {
    if (!(error instanceof AtomsApiError && error.mayHaveTakenEffect)) throw error;
    // The POST may have created the draft: look for it by name rather than create a second one.
    const drafts = await api.listDrafts(target.agentId);
    const ours = drafts.find((d) => d.draftName === draftName && d.sourceVersionId === forkedFrom);
    if (ours?.draftId) {
      say(`draft creation answered ${error.status ?? error.kind}, but draft ${ours.draftId} exists; using it`);
      return ours.draftId;
    }
    say(`draft creation answered ${error.status ?? error.kind} and no draft was made; creating it once more`);
    const draft = await api.createDraft(target.agentId, { sourceVersionId: forkedFrom, draftName });
    if (!draft.draftId) throw new ApplyStop('the API created a draft but returned no draftId');
    return draft.draftId;
  }
}

/**
 * Publishes the change's earliest draft (another run's): fill it with this change (the same body, so a repeat changes
 * nothing) and publish it once. If that run published it first, the draft is gone: the version it became is ours too.
 */
async function publishEarliest(api: AtomsApi, target: ApplyTarget, draftId: string, body: PostCallAnalyticsConfig, marker: string, deps: ApplyDeps, say: (line: string) => void): Promise<AgentVersion> {
  try {
    await api.patchDraftConfig(target.agentId, draftId, { postCallAnalyticsConfig: body });
    return await publishOnce(api, target, draftId, marker, deps, say);
  } catch (error) {
    if (!(error instanceof AtomsApiError) || !['not-found', 'conflict', 'bad-request'].includes(error.kind)) throw error;
    const { versions } = await api.listVersions(target.agentId, { limit: 20 });
    const made = versions.find((v) => v.draftId === draftId);
    if (!made) throw error;
    say(`the other run published draft ${draftId} first, as version ${made.versionNumber ?? '?'} (${made._id}); seeing it live`);
    return made;
  }
}

async function publishOnce(api: AtomsApi, target: ApplyTarget, draftId: string, marker: string, deps: ApplyDeps, say: (line: string) => void): Promise<AgentVersion> {
  const body = { label: truncate(target.label, 200), description: describeWithMarker(target.description, marker) };
  try {
    return await api.publishDraft(target.agentId, draftId, body);
  } catch (error) {
    if (!(error instanceof AtomsApiError && error.mayHaveTakenEffect)) throw error;
    say(`publish answered ${error.status ?? error.kind}; checking whether it took effect before doing anything else`);
    for (const wait of [0, 1000, 3000]) {
      if (wait > 0) await deps.sleep(wait);
      const { versions } = await api.listVersions(target.agentId, { limit: 20 });
      // By our draft's id; by marker only where the API does not say which draft a version came from, and
      // never an earlier version of this change that failed its check.
      const found = versions.find((v) => v.draftId === draftId) ?? versions.find((v) => !v.draftId && isUsableVersionOf(v, marker));
      if (found) return found;
    }
    const stillThere = (await api.listDrafts(target.agentId)).some((d) => d.draftId === draftId);
    if (!stillThere) throw new ApplyStop(`publish of draft ${draftId} failed ambiguously and neither the draft nor a version from it can be found; check the agent's versions before re-running`);
    say('the publish did not take effect; publishing once more');
    return api.publishDraft(target.agentId, draftId, body);
  }
}

/** Reads the published version: its check, and whether it positively holds the file's metrics (throws when it holds others). */
async function readBackVersion(api: AtomsApi, target: ApplyTarget, version: AgentVersion): Promise<{ check: AgentVersion['securityCheck']; contentMatched: boolean }> {
  const detail = await api.getVersion(target.agentId, version._id);
  const content = versionConfig(detail.resolvedConfig);
  if (content && !configsEqual(content, target.desired)) throw new ApplyStop(`version ${version._id} does not hold the metrics of ${target.file}; not activating it`);
  return { check: detail.version.securityCheck, contentMatched: content !== undefined };
}

async function waitAndActivate(api: AtomsApi, target: ApplyTarget, version: AgentVersion, forkedFrom: string, marker: string, deps: ApplyDeps, say: (line: string) => void, result: ApplyResult): Promise<void> {
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
          say(`live already holds this change (version ${active?.versionNumber ?? '?'}, ${activeId}), activated by another run; not activating again`);
          result.versionId = activeId ?? version._id;
          return;
        }
        throw new ApplyStop(`someone activated version ${activeId} while this change was being published from ${forkedFrom}; not activating ${version._id} over it. Re-run the plan to review the new diff.`);
      }
      const first = ourVersions(versions, marker)[0];
      if (first && first._id !== version._id) {
        // Every run converges on the oldest version of the change; activating it is idempotent, so this run
        // sees it through rather than report success for an activation it never saw.
        say(`another run published version ${first.versionNumber ?? '?'} (${first._id}) for this same change first; activating that one instead (version ${version._id} stays inactive)`);
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
      throw new ApplyStop(`version ${version._id} failed the platform's security check${check.reason ? `: ${check.reason}` : ''}. Live is unchanged; fix the prompts and merge again.`);
    }
    if (scanVerdict(check).state === 'unknown') {
      throw new ApplyStop(`version ${version._id} reports a security-check status "${check.status}" that this version does not know; not waiting it out. It is published, not active; check it in the dashboard, then re-run to resume.`);
    }
    const waited = deps.now() - started;
    if (deps.signal?.aborted) {
      throw new ApplyStop(`cancelled while waiting for the security check: version ${version.versionNumber ?? '?'} (${version._id}) is published but not active; a re-run resumes and activates it, never publishing again.`);
    }
    if (waited >= deps.securityCheckTimeoutMs) {
      throw new ApplyStop(`version ${version._id} is published but its security check has not passed after ${Math.round(waited / 1000)} s, so it is not active. Re-run to resume: it will not publish again.`);
    }
    say(`waiting for the security check of version ${version.versionNumber ?? '?'} (${Math.round(waited / 1000)} s so far)…`);
    const pause = Math.min(pollDelayMs(poll++, deps.pollStartMs ?? 1000, deps.pollCapMs ?? 5000), deps.securityCheckTimeoutMs - waited);
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

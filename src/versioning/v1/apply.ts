/**
 * Applies one agent's metrics on the v1 model: draft from the active version → patch → publish → wait for the security
 * check → compare-and-swap → activate → verify. Exactly once under re-runs and ambiguous failures.
 */
import { AtomsApiError } from '../../atoms/errors.js';
import type { AgentVersion } from '../../atoms/types.js';
import { configsEqual } from '../../config/canonical.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../apply-types.js';
import { ApplyStop, checkReviewedLive, patchBody, refuseIfBreaking } from '../change-checks.js';
import { changeMarker, draftNameFor } from '../change-marker.js';
import { UnrecognisedLiveConfig } from '../live-config.js';
import { stepLog } from '../step-log.js';
import { waitAndActivate } from './activate.js';
import { createOurDraft, publishEarliest, publishOnce } from './publish.js';
import { readV1Agent } from './read.js';
import { sortOutRivals } from './rivals.js';
import { hasMarker, ourVersions } from './versions.js';

/** One agent, v1: the whole flow, with what was done in `steps` and the failure, if any, as a result. */
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
      throw new ApplyStop(
        `version ${rejected.versionNumber ?? '?'} (${rejected._id}) was published for this same change and failed the platform's security check${rejected.securityCheck?.reason ? `: ${rejected.securityCheck.reason}` : ''}. Publishing it again would fail the same way; change the prompts and merge again.`,
      );
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
      say(
        `found version ${existing.versionNumber ?? '?'} (${existing._id}) published earlier for this change; resuming`,
      );
      result.status = 'resumed';
      if (existing.sourceVersionId && existing.sourceVersionId !== forkedFrom) {
        throw new ApplyStop(
          `version ${existing._id} was published from ${existing.sourceVersionId}, but live is now ${forkedFrom}: someone changed the agent meanwhile. Not activating; re-run the plan.`,
        );
      }
    } else {
      if (deps.signal?.aborted) throw new ApplyStop('cancelled before anything was written for this agent');
      ourDraftId = await createOurDraft(api, target, forkedFrom, marker, say);
      const rivals = sortOutRivals(await api.listDrafts(target.agentId), ourDraftId, marker, deps.now());
      for (const leftover of rivals.leftovers) {
        await api.deleteDraft(target.agentId, leftover.draftId ?? '').then(
          () =>
            say(
              `removed draft ${leftover.draftId} "${leftover.draftName ?? ''}", left by an earlier run of this change that did not finish`,
            ),
          () =>
            say(
              `could not remove draft ${leftover.draftId}, left by an earlier run of this change; discard it in the dashboard`,
            ),
        );
      }
      if (rivals.first?.draftId) {
        // Every run publishes the earliest draft of the change, whether the run that made it is alive or gone: a
        // draft publishes once, and the run that loses that race reads the version it became. Nobody waits on a
        // run that may have died.
        const first = rivals.first.draftId;
        say(
          `draft ${first} of this same change was made first (by another run, still going or gone); publishing that one and discarding ours`,
        );
        await api.deleteDraft(target.agentId, ourDraftId).catch(() => undefined);
        ourDraftId = undefined;
        if (deps.signal?.aborted) throw new ApplyStop('cancelled before publishing; nothing of ours goes live');
        const theirs = await publishEarliest(api, target, first, patchBody(target.desired, live), marker, deps, say);
        return await finishWith(theirs, 'resumed');
      }
      await api.patchDraftConfig(target.agentId, ourDraftId, {
        postCallAnalyticsConfig: patchBody(target.desired, live),
      });
      say(`patched draft ${ourDraftId}`);
      if (deps.signal?.aborted) throw new ApplyStop('cancelled before publishing; nothing of ours goes live');
      version = await publishOnce(api, target, ourDraftId, marker, deps, say);
      published = true;
      say(
        `published version ${version.versionNumber ?? '?'} (${version._id}); publish never activates, so activation follows`,
      );
    }
    result.versionId = version._id;
    result.versionNumber = version.versionNumber;

    await waitAndActivate(api, target, version, forkedFrom, marker, deps, say, result);
    if (result.status === 'failed') result.status = 'applied';
    return result;
  } catch (error) {
    const message =
      error instanceof ApplyStop || error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
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

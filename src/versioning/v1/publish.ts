/** Publishing a change's draft on v1 exactly once, also when an answer is lost or another run's draft came first. */
import { AtomsApiError } from '../../atoms/errors.js';
import type { AgentVersion, AtomsApi } from '../../atoms/types.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { ApplyDeps, ApplyTarget } from '../apply-types.js';
import { ApplyStop } from '../change-checks.js';
import { describeWithMarker, draftNameFor, truncate } from '../change-marker.js';
import { isUsableVersionOf } from './versions.js';

export async function createOurDraft(
  api: AtomsApi,
  target: ApplyTarget,
  forkedFrom: string,
  marker: string,
  say: (line: string) => void,
): Promise<string> {
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
export async function publishEarliest(
  api: AtomsApi,
  target: ApplyTarget,
  draftId: string,
  body: PostCallAnalyticsConfig,
  marker: string,
  deps: ApplyDeps,
  say: (line: string) => void,
): Promise<AgentVersion> {
  try {
    await api.patchDraftConfig(target.agentId, draftId, { postCallAnalyticsConfig: body });
    return await publishOnce(api, target, draftId, marker, deps, say);
  } catch (error) {
    if (!(error instanceof AtomsApiError) || !['not-found', 'conflict', 'bad-request'].includes(error.kind))
      throw error;
    const { versions } = await api.listVersions(target.agentId, { limit: 20 });
    const made = versions.find((v) => v.draftId === draftId);
    if (!made) throw error;
    say(
      `the other run published draft ${draftId} first, as version ${made.versionNumber ?? '?'} (${made._id}); seeing it live`,
    );
    return made;
  }
}

export async function publishOnce(
  api: AtomsApi,
  target: ApplyTarget,
  draftId: string,
  marker: string,
  deps: ApplyDeps,
  say: (line: string) => void,
): Promise<AgentVersion> {
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
      const found =
        versions.find((v) => v.draftId === draftId) ?? versions.find((v) => !v.draftId && isUsableVersionOf(v, marker));
      if (found) return found;
    }
    const stillThere = (await api.listDrafts(target.agentId)).some((d) => d.draftId === draftId);
    if (!stillThere)
      throw new ApplyStop(
        `publish of draft ${draftId} failed ambiguously and neither the draft nor a version from it can be found; check the agent's versions before re-running`,
      );
    say('the publish did not take effect; publishing once more');
    return api.publishDraft(target.agentId, draftId, body);
  }
}

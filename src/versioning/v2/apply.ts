/**
 * Applies one agent's metrics on the v2 branch model (v2 fact sheet §1.1): read the live branch's head → nothing to
 * do if it already matches → judge the branch's open draft by its content (resume ours, replace an earlier run's,
 * refuse anyone else's) → PUT the whole analytics object → re-read just before publishing: publish only exactly the
 * file → wait → report what is live now. Publishing on the live branch is going live: there is no activate.
 * Other people and runs act between our calls; every step re-reads what it decides on.
 */
import type { BranchSummary } from '../../atoms/branch-types.js';
import { AtomsApiError } from '../../atoms/errors.js';
import { configsEqual } from '../../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../apply-types.js';
import { ApplyStop, checkReviewedLive, patchBody, refuseIfBreaking } from '../change-checks.js';
import { changeMarker } from '../change-marker.js';
import { UnrecognisedLiveConfig } from '../live-config.js';
import { nameVersion } from '../model.js';
import { retryThroughFreeze } from '../platform-retry.js';
import { scanVerdict } from '../scan-verdict.js';
import { stepLog } from '../step-log.js';
import {
  classifyConflict,
  describeDraftEditors,
  isDraftPublishing,
  pickLiveBranch,
  publishLabel,
} from './decisions.js';
import { judgeDraft } from './ownership.js';
import { readDraftContent, readRevisionConfig } from './read.js';
import { problemBeforePublish, takeBackOurDraft, type Flow } from './draft-checks.js';
import { finish } from './finish.js';
import { waitForPublish } from './wait.js';

/** Where our write stands, for the catch: what may be left, and what the next run will find. */
type Stage = 'nothing-written' | 'draft-written' | 'publish-sent';

/** Someone else's publish ended in a failed scan: theirs to fix, never recorded as this change's failure. */
class TheirFailure extends ApplyStop {}

export async function applyV2(
  target: ApplyTarget,
  deps: ApplyDeps,
  primedBranches?: readonly BranchSummary[],
): Promise<ApplyResult> {
  const { steps, say } = stepLog(target.agentId, deps.log);
  const result: ApplyResult = { agentId: target.agentId, file: target.file, status: 'failed', steps, model: 'v2' };
  const track: Track = { stage: 'nothing-written' };
  try {
    // One restart at most: after someone else's publish went live while we waited for the branch's only slot.
    for (let round = 0; ; round++) {
      const outcome = await applyRound(target, deps, say, round === 0 ? primedBranches : undefined, track);
      if (outcome !== 'restart') return { ...result, ...outcome };
      if (round >= 1) throw new ApplyStop('the branch kept changing under this run; re-run to apply');
      track.stage = 'nothing-written';
    }
  } catch (error) {
    const { stage, flow } = track;
    const message =
      error instanceof ApplyStop || error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig
        ? error.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    let where = '';
    if (deps.signal?.aborted) {
      // A cancel starts no write: what is half-done stays, and the next run recognises it as its own.
      where =
        stage === 'nothing-written'
          ? ' Nothing was written for this agent.'
          : stage === 'draft-written'
            ? ' Our draft may still be open on the branch; the next run resumes it if it holds only this change.'
            : ' The publish was sent; the next run waits for it and never publishes again.';
    } else if (flow && stage === 'draft-written' && !(error instanceof TheirFailure)) {
      where = ` ${(await takeBackOurDraft(flow)).text}`;
    }
    say(`failed: ${message}${where}`);
    return { ...result, status: 'failed', error: `${message}${where}` };
  }
}

type RoundOutcome = Partial<ApplyResult> | 'restart';

/** What the catch needs to know of a round that threw. */
interface Track {
  stage: Stage;
  flow?: Flow;
}

async function applyRound(
  target: ApplyTarget,
  deps: ApplyDeps,
  say: (line: string) => void,
  primed: readonly BranchSummary[] | undefined,
  track: Track,
): Promise<RoundOutcome> {
  const setStage = (stage: Stage) => void (track.stage = stage);
  const api = deps.api.branches;
  const { agentId } = target;
  const picked = pickLiveBranch(primed ?? (await api.listBranches(agentId)));
  if ('problem' in picked) throw new ApplyStop(`cannot find the live branch: ${picked.problem}`);
  const { branch } = picked;
  const h0 = branch.headRevisionId ?? '';
  const head = await readRevisionConfig(api, agentId, branch.branchId, h0);
  const live = head.config;
  let earlierRead: Promise<PostCallAnalyticsConfig[]> | undefined;
  const flow: Flow = {
    api,
    agentId,
    branch,
    deps,
    say,
    target,
    h0,
    live,
    earlier: () => (earlierRead ??= (target.earlierContents?.() ?? Promise.resolve([])).catch(() => [])),
  };
  track.flow = flow;
  const h0Name = nameVersion('v2', head.revision.revisionNumber ?? branch.headRevisionNumber, h0, branch.name);
  if (configsEqual(live, target.desired)) {
    say(`live ${h0Name} already matches ${target.file}; nothing to do`);
    return { status: 'unchanged', versionId: h0, versionNumber: head.revision.revisionNumber, previousVersionId: h0 };
  }
  refuseIfBreaking(live, target.desired, deps);
  checkReviewedLive(target, { model: 'v2', id: h0, name: h0Name, config: live }, deps, say);
  const marker = changeMarker(target.desired, h0);
  // The report is markdown (escaped parentheses and all): the marker and the wording are looked for apart.
  if (target.earlierReport?.includes(marker) && target.earlierReport.includes('security scan failed the change')) {
    if (!deps.republishFailed)
      throw new ApplyStop(
        `an earlier run published this same change (${marker}) over the same live revision and the platform's security scan failed it (see the earlier report). Publishing the same content again would fail the same way: change the prompts and merge again, or set force: true to publish it once more.`,
      );
    say(
      `an earlier run of this same change (${marker}) failed the security scan; publishing it again because force is set`,
    );
  }

  let resume = false;
  if (branch.hasOpenDraft) {
    const slot = await judgeOpenDraft(flow, marker);
    if (slot === 'restart') return 'restart';
    if ('result' in slot) return slot.result;
    resume = slot.resume;
  }

  if (!resume) {
    if (deps.signal?.aborted) throw new ApplyStop('cancelled before anything was written for this agent');
    // From here on the draft may hold our edit, even if the PUT's answer is lost.
    setStage('draft-written');
    const written = await retryThroughFreeze(
      'the draft write',
      () => api.putDraft(agentId, branch.branchId, { postCallAnalyticsConfig: patchBody(target.desired, live) }),
      deps,
      say,
    );
    say(
      `wrote the metrics into a draft on branch ${branch.name}${written.draftRevision !== null ? ` (draft revision ${written.draftRevision})` : ''}`,
    );
  } else setStage('draft-written');

  const problem = await problemBeforePublish(flow);
  if (problem) {
    say(problem.message);
    if (problem.headMoved) {
      say(`${(await takeBackOurDraft(flow)).text} Reading the branch again.`);
      setStage('nothing-written');
      return 'restart';
    }
    throw new ApplyStop(`${problem.message}. Not publishing.`);
  }

  if (deps.signal?.aborted) throw new ApplyStop('cancelled before publishing; nothing of ours goes live');
  const label = publishLabel(target.label, marker);
  let expectPublishing = false;
  try {
    const outcome = await retryThroughFreeze(
      'the publish',
      () => api.publishDraft(agentId, branch.branchId, { label }),
      deps,
      say,
    );
    setStage('publish-sent');
    if (outcome.state === 'committed') {
      const headId = outcome.revision?._id ?? (await api.getBranch(agentId, branch.branchId)).headRevisionId;
      if (headId && headId !== h0) return await finish(flow, { state: 'committed', headRevisionId: headId }, 'applied');
    } else say('published; the platform is scanning the change (202) before it goes live');
  } catch (error) {
    if (!(error instanceof AtomsApiError)) throw error;
    if (error.mayHaveTakenEffect) {
      setStage('publish-sent');
      say(
        `the publish answered ${error.status ?? error.kind}; reading whether it took effect (it is never sent twice)`,
      );
      expectPublishing = true;
    } else if (error.kind === 'conflict' && classifyConflict(error) === 'publish-in-progress') {
      setStage('publish-sent');
      say(
        'another publish of this draft is in flight (409 publish_in_progress); waiting for it, then checking what went live',
      );
    } else if (error.kind === 'not-found') {
      setStage('publish-sent');
      say('the publish found no open draft (someone published or discarded it); checking what went live');
    } else if (error.kind === 'conflict' && classifyConflict(error) === 'failed-draft') {
      throw new ApplyStop(
        `the platform refused to publish: ${error.serverMessages.join('; ') || 'the draft failed its scan earlier'}`,
      );
    } else throw error;
  }
  return await finish(flow, await waitForPublish(flow, h0, { expectPublishing }), 'applied');
}

type Slot = { resume: boolean } | { result: RoundOutcome } | 'restart';

/** The branch's one draft slot is taken: whose draft is it, and what may this run do with it? */
async function judgeOpenDraft(flow: Flow, marker: string): Promise<Slot> {
  const { api, agentId, branch, target, h0, live, say, deps } = flow;
  const draft = await api.getDraft(agentId, branch.branchId);
  if (!draft) return { resume: false };
  const editors = describeDraftEditors(draft);
  const base = draft.latest.baseRevisionId;
  if (base && base !== h0 && !isDraftPublishing(draft)) {
    // Opened from an older head (a restore moved the head under it): publishing it would revert what moved since.
    const old = (await readRevisionConfig(api, agentId, branch.branchId, base)).config;
    const stale = judgeDraft(
      await readDraftContent(api, agentId, branch.branchId, base, old),
      target.desired,
      await flow.earlier(),
      old,
    );
    if (stale.kind !== 'ours' && stale.kind !== 'ours-earlier') {
      throw new ApplyStop(
        `branch ${branch.name} has an open draft, opened from revision ${base} before the head moved, with someone's unpublished work (${editors}): ${stale.kind === 'foreign' ? stale.what : 'no change, but publishing it would revert what the head gained since'}. Publish or discard that draft in the dashboard, then re-run. Nothing was written.`,
      );
    }
    if (!(await api.discardDraft(agentId, branch.branchId))) return { resume: false };
    say(
      `discarded the draft an earlier run left: it was opened from revision ${base}, an older head, and held only our metrics; writing afresh on the current head`,
    );
    return { resume: false };
  }
  const verdict = judgeDraft(
    await readDraftContent(api, agentId, branch.branchId, h0, live),
    target.desired,
    await flow.earlier(),
    live,
  );
  if (isDraftPublishing(draft)) {
    if (verdict.kind === 'ours') {
      say(
        `resumed the publish an earlier run started: the draft being scanned holds exactly this change; waiting for it, writing nothing`,
      );
      return { result: await finish(flow, await waitForPublish(flow, h0, { expectPublishing: false }), 'resumed') };
    }
    // Someone else's publish holds the branch's only slot: wait for it, write nothing, and never touch their draft.
    say(
      `someone's publish is in flight on branch ${branch.name} (${editors}); waiting for it to finish before writing anything`,
    );
    const theirs = await waitForPublish(flow, h0, { expectPublishing: false });
    if (theirs.state === 'committed') {
      say(`their publish went live (revision ${theirs.headRevisionId}); reading the branch again`);
      return 'restart';
    }
    if (theirs.state === 'cancelled')
      throw new ApplyStop(
        `cancelled while waiting for someone else's publish on branch ${branch.name}; nothing of this change was written`,
      );
    const why =
      theirs.state === 'failed'
        ? `its security scan ${theirs.status}${theirs.reason ? `: ${theirs.reason}` : ''}. Their draft stays open and untouched`
        : theirs.state === 'timeout'
          ? `it had not finished after ${Math.round(theirs.waitedMs / 1000)} s`
          : `it ended as "${theirs.state}"`;
    throw new TheirFailure(
      `someone else's publish on branch ${branch.name} (${editors}) held the branch's only draft slot and ${why}. Nothing of this change was written; re-run once their draft is published or discarded.`,
    );
  }
  const check = draft.latest.securityCheck;
  const scanFailed = scanVerdict(check).state === 'failed';
  switch (verdict.kind) {
    case 'ours':
      if (scanFailed && check?.status.toLowerCase() === 'failed' && !deps.republishFailed) {
        const discarded = await api.discardDraft(agentId, branch.branchId).catch(() => false);
        throw new ApplyStop(
          `an earlier run published this change (${marker}) and the platform's security scan failed the change${check.reason ? `: ${check.reason}` : ''}. ${discarded ? 'The draft it left (holding only this change) was discarded.' : 'The draft it left could not be discarded.'} Live is unchanged (still ${h0}). Change the prompts and merge again, or set force: true to publish it once more.`,
        );
      }
      if (scanFailed) {
        say(
          `the draft an earlier run left holds exactly this change, and its scan ${check?.status ?? 'failed'}; writing it again so it can be published anew`,
        );
        return { resume: false };
      }
      say('resumed the draft an earlier run left: it holds exactly this change and nothing else');
      return { resume: true };
    case 'ours-earlier':
      say('replacing the draft an earlier run left: it held only the metrics of an earlier version of this file');
      return { resume: false };
    case 'empty':
      say(`branch ${branch.name} has an open draft with no changes in it (${editors}); writing into it`);
      return { resume: false };
    case 'foreign':
      throw new ApplyStop(
        `branch ${branch.name} has an open draft with someone's unpublished work (${editors}): ${verdict.what}. Writing now would merge into it and publishing would ship it too. Publish or discard that draft in the dashboard, then re-run. Nothing was written.`,
      );
  }
}

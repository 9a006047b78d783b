/**
 * Applies one agent's metrics on the v2 branch model (v2 fact sheet §1.1): read the live branch's head → nothing to
 * do if it already matches → refuse someone's open draft → PUT the whole analytics object → check the branch and the
 * draft just before publishing → publish (200 committed or 202 scanning) → wait → verify. Publishing on the live
 * branch is going live: there is no activate.
 */
import type { BranchApi, BranchSummary } from '../../atoms/branch-types.js';
import { AtomsApiError } from '../../atoms/errors.js';
import { configsEqual } from '../../config/canonical.js';
import { findAnalyticsInResolvedConfig, UnrecognisedLiveConfig } from '../live-config.js';
import { nameVersion } from '../model.js';
import { classifyConflict, describeDraftEditors, isDraftPublishing, pickLiveBranch, prePublishProblem, publishLabel, publishProgress } from './decisions.js';
import { changeMarker } from '../change-marker.js';
import { ApplyStop, checkReviewedLive, patchBody, refuseIfBreaking } from '../change-checks.js';
import { pollDelayMs, retryThroughFreeze } from '../platform-retry.js';
import { stepLog } from '../step-log.js';
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../apply-types.js';

type Say = (line: string) => void;

/** Where our write stands: only a draft that holds our unpublished edit alone is ours to discard. */
type Phase = 'reading' | 'drafted' | 'publishing';

export type WaitOutcome = { state: 'cancelled'; waitedMs: number } | { state: 'committed'; headRevisionId: string } | { state: 'failed'; status: string; reason: string | null } | { state: 'vanished' } | { state: 'not-published' } | { state: 'unknown'; status: string } | { state: 'timeout'; waitedMs: number };

interface Ctx {
  api: BranchApi;
  agentId: string;
  branch: BranchSummary;
  deps: ApplyDeps;
  say: Say;
}

/** Reads a revision's metrics positively (an unrecognised answer is an error, never "no metrics"). */
export async function readRevisionConfig(api: BranchApi, agentId: string, branchId: string, revisionId: string) {
  const detail = await api.getRevision(agentId, branchId, revisionId);
  const read = findAnalyticsInResolvedConfig(detail.resolvedConfig);
  if (!read.found) throw new UnrecognisedLiveConfig(agentId, `v2 revision ${revisionId}`, read.missing);
  return { revision: detail.revision, config: read.config };
}

/**
 * Waits for a publish (or restore) in flight until the head moves. `expectPublishing`: after an ambiguous answer,
 * a draft that is open but not publishing means the publish never took effect.
 */
export async function waitForPublish(ctx: Ctx, headBefore: string, options: { expectPublishing: boolean; draftCarriesScan?: boolean }): Promise<WaitOutcome> {
  const { api, agentId, branch, deps, say } = ctx;
  const started = deps.now();
  let vanished = 0;
  let idle = 0;
  for (let poll = 0; ; poll++) {
    const now = await api.getBranch(agentId, branch.branchId);
    const moved = publishProgress({ branch: now, headBefore, draft: undefined });
    if (moved.state === 'committed') return moved;
    // A restore's scan is carried by no draft (fact sheet §1.8): only the head moving tells, up to the timeout.
    const draft = options.draftCarriesScan === false ? undefined : await api.getDraft(agentId, branch.branchId);
    const progress = publishProgress({ branch: now, headBefore, draft });
    if (progress.state === 'failed' || progress.state === 'unknown') return progress;
    if (progress.state === 'vanished') {
      // Draft closed but head unchanged: discarded or cancelled — or the commit is not visible yet; look twice more.
      if (++vanished >= 3) return { state: 'vanished' };
    } else {
      vanished = 0;
      if (options.expectPublishing && draft && !isDraftPublishing(draft) && ++idle >= 2) return { state: 'not-published' };
    }
    const waited = deps.now() - started;
    if (deps.signal?.aborted) return { state: 'cancelled', waitedMs: waited };
    if (waited >= deps.securityCheckTimeoutMs) return { state: 'timeout', waitedMs: waited };
    if (poll === 0 || poll % 5 === 0) say(`waiting for the platform's security scan on branch ${branch.name} (${Math.round(waited / 1000)} s so far)…`);
    const pause = Math.min(pollDelayMs(poll, deps.pollStartMs ?? 1000, deps.pollCapMs ?? 5000), Math.max(1, deps.securityCheckTimeoutMs - waited));
    // Waiting holds no concurrency slot: another agent's writes go on meanwhile.
    await (deps.idle ? deps.idle(() => deps.sleep(pause)) : deps.sleep(pause));
  }
}

export async function applyV2(target: ApplyTarget, deps: ApplyDeps, primedBranches?: readonly BranchSummary[]): Promise<ApplyResult> {
  const { steps, say } = stepLog(target.agentId, deps.log);
  const result: ApplyResult = { agentId: target.agentId, file: target.file, status: 'failed', steps, model: 'v2' };
  const api = deps.api.branches;
  const { agentId } = target;
  let phase: Phase = 'reading';
  let branchId = '';

  try {
    const picked = pickLiveBranch(primedBranches ?? (await api.listBranches(agentId)));
    if ('problem' in picked) throw new ApplyStop(`cannot find the live branch: ${picked.problem}`);
    const { branch } = picked;
    branchId = branch.branchId;
    const ctx: Ctx = { api, agentId, branch, deps, say };
    const h0 = branch.headRevisionId ?? '';
    const head = await readRevisionConfig(api, agentId, branchId, h0);
    const live = head.config;
    const h0Name = nameVersion('v2', head.revision.revisionNumber ?? branch.headRevisionNumber, h0, branch.name);
    result.previousVersionId = h0;
    if (configsEqual(live, target.desired)) {
      say(`live ${h0Name} already matches ${target.file}; nothing to do`);
      return { ...result, status: 'unchanged', versionId: h0, versionNumber: head.revision.revisionNumber };
    }
    refuseIfBreaking(live, target.desired, deps);
    checkReviewedLive(target, { model: 'v2', id: h0, name: h0Name, config: live }, deps, say);
    const marker = changeMarker(target.desired, h0);
    // The report is markdown (escaped parentheses and all): the marker and the wording are looked for apart.
    if (target.earlierReport?.includes(marker) && target.earlierReport.includes('security scan failed the change')) {
      if (!deps.republishFailed) throw new ApplyStop(`an earlier run published this same change (${marker}) over the same live revision and the platform's security scan failed it (see the earlier report). Publishing the same content again would fail the same way: change the prompts and merge again, or set force: true to publish it once more.`);
      say(`an earlier run of this same change (${marker}) failed the security scan; publishing it again because force is set`);
    }

    if (branch.hasOpenDraft) {
      const draft = await api.getDraft(agentId, branchId);
      if (draft && isDraftPublishing(draft)) {
        // A publish already in flight (a run of ours that timed out waiting, or a person's): wait for it, write nothing.
        say(`a publish is already in flight on branch ${branch.name}; waiting for it instead of writing`);
        return await finish(ctx, result, await waitForPublish(ctx, h0, { expectPublishing: false }), h0, target, 'resumed');
      }
      if (draft) {
        throw new ApplyStop(`branch ${branch.name} has an open draft with unpublished edits (${describeDraftEditors(draft)}). Writing now would merge into it and publishing would ship those edits too. Publish or discard that draft in the dashboard, then re-run. Nothing was written.`);
      }
    }

    if (deps.signal?.aborted) throw new ApplyStop('cancelled before anything was written for this agent');
    const written = await retryThroughFreeze('the draft write', () => api.putDraft(agentId, branchId, { postCallAnalyticsConfig: patchBody(target.desired, live) }), deps, say);
    phase = 'drafted';
    say(`wrote the metrics into a draft on branch ${branch.name}${written.draftRevision !== null ? ` (draft revision ${written.draftRevision})` : ''}`);

    const [branchNow, draftNow] = await Promise.all([api.getBranch(agentId, branchId), api.getDraft(agentId, branchId)]);
    const problem = prePublishProblem({ branch: branchNow, headWeRead: h0, draft: draftNow, ourDraftId: written.draftId, ourEdits: 1 });
    if (problem) {
      const foreignEdits = draftNow !== null && draftNow.editHistory.some((e) => e.changedSections.some((s) => s !== 'analytics'));
      if (foreignEdits) {
        // Their edits share the draft with ours: put the analytics back as they were rather than throw their work away.
        await api.putDraft(agentId, branchId, { postCallAnalyticsConfig: patchBody(live, live) });
        phase = 'reading';
        throw new ApplyStop(`${problem}. Not publishing; our metrics edit was taken back out of the draft (the analytics are as live has them) and the other edits were left for their authors.`);
      }
      throw new ApplyStop(`${problem}. Not publishing.`);
    }

    if (deps.signal?.aborted) throw new ApplyStop('cancelled before publishing; nothing of ours goes live');
    phase = 'publishing';
    const label = publishLabel(target.label, marker);
    let expectPublishing = false;
    try {
      const outcome = await retryThroughFreeze('the publish', () => api.publishDraft(agentId, branchId, { label }), deps, say);
      if (outcome.state === 'committed') {
        const headId = outcome.revision?._id ?? (await api.getBranch(agentId, branchId)).headRevisionId;
        if (headId && headId !== h0) return await finish(ctx, result, { state: 'committed', headRevisionId: headId }, h0, target, 'applied');
      } else say(`published; the platform is scanning the change (202) before it goes live`);
    } catch (error) {
      if (!(error instanceof AtomsApiError)) throw error;
      if (error.mayHaveTakenEffect) {
        say(`the publish answered ${error.status ?? error.kind}; reading whether it took effect (it is never sent twice)`);
        expectPublishing = true;
      } else if (error.kind === 'conflict' && classifyConflict(error) === 'publish-in-progress') {
        say('another publish is in flight on this branch (409 publish_in_progress); waiting for it, then checking what went live');
      } else if (error.kind === 'not-found') {
        say('the publish found no open draft (someone published or discarded it); checking what went live');
      } else if (error.kind === 'conflict' && classifyConflict(error) === 'failed-draft') {
        throw new ApplyStop(`the platform refused to publish: ${error.serverMessages.join('; ') || 'the draft failed its scan earlier'}`);
      } else throw error;
    }
    return await finish(ctx, result, await waitForPublish(ctx, h0, { expectPublishing }), h0, target, 'applied');
  } catch (error) {
    const message = error instanceof ApplyStop || error instanceof AtomsApiError || error instanceof UnrecognisedLiveConfig ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    if (phase === 'drafted' && branchId) {
      // Never leave our unpublished edit in the branch's only draft slot.
      await api.discardDraft(agentId, branchId).then(
        () => say('discarded our draft: nothing of ours is left in the branch'),
        () => say('could not discard our draft; discard it in the dashboard (it holds only this change)'),
      );
    }
    say(`failed: ${message}`);
    return { ...result, status: 'failed', error: message };
  }
}

/** Turns a wait's outcome into the result: verify what went live, or say exactly where things stand. */
async function finish(ctx: Ctx, result: ApplyResult, outcome: WaitOutcome, h0: string, target: ApplyTarget, success: 'applied' | 'resumed'): Promise<ApplyResult> {
  const { api, agentId, branch, say } = ctx;
  switch (outcome.state) {
    case 'committed': {
      const head = await readRevisionConfig(api, agentId, branch.branchId, outcome.headRevisionId);
      const name = nameVersion('v2', head.revision.revisionNumber, outcome.headRevisionId, branch.name);
      if (!configsEqual(head.config, target.desired)) {
        throw new ApplyStop(`${name} went live, but it does not hold the metrics of ${target.file}: someone else published on the live branch after ${h0}. Review ${name} against the file and re-run the plan.`);
      }
      say(`${name} is live (publishing on the live branch is going live)`);
      say('verified: live metrics match the file');
      return { ...result, status: success, versionId: outcome.headRevisionId, versionNumber: head.revision.revisionNumber, activatedAt: head.revision.publishedAt };
    }
    case 'failed': {
      const discarded = await api.discardDraft(agentId, branch.branchId).catch(() => false);
      throw new ApplyStop(
        `the platform's security scan ${outcome.status === 'errored' ? 'errored on the change' : `failed the change (${changeMarker(target.desired, h0)})`}${outcome.reason ? `: ${outcome.reason}` : ''}. Live is unchanged (still ${h0}). ${discarded ? 'Our draft was discarded, so nothing of ours is left in the branch.' : 'The draft could not be discarded; discard it in the dashboard.'} ${outcome.status === 'errored' ? 'An errored scan is the platform’s fault: re-run to try again.' : 'Change the prompts and merge again.'}`,
      );
    }
    case 'unknown':
      throw new ApplyStop(`the platform reports a security-scan status "${outcome.status}" that this version does not know; not waiting it out. Live is still ${h0}; check the branch in the dashboard.`);
    case 'vanished':
      throw new ApplyStop(`the draft on branch ${branch.name} was closed without a new revision (discarded or cancelled by someone). Live is unchanged (still ${h0}); re-run to apply.`);
    case 'not-published': {
      await api.discardDraft(agentId, branch.branchId).catch(() => false);
      throw new ApplyStop(`the publish did not take effect (the draft stayed open and is not being published). It is not sent twice: our draft was discarded and live is unchanged (still ${h0}); re-run to apply.`);
    }
    case 'cancelled':
      throw new ApplyStop(`cancelled while the platform scanned the change (${Math.round(outcome.waitedMs / 1000)} s): it is published on branch ${branch.name} and goes live by itself if the scan passes; live is still ${h0} for now. A re-run waits for this publish and never publishes again.`);
    case 'timeout':
      throw new ApplyStop(`the change is published but its security scan has not finished after ${Math.round(outcome.waitedMs / 1000)} s, so it is not live yet (live is still ${h0}). Re-run to resume: the run waits for this publish and never publishes again.`);
  }
}

/**
 * The final report of a v2 publish is what is live now, read after the publish: the branch we published on must still
 * be live, and its head must be our revision, or a later one that still holds the file's metrics. Our revision
 * itself must hold exactly the file's metrics and nothing else: publish takes no precondition, so a person's edit
 * in the moment between our last check and the publish would otherwise ship under our label unnoticed.
 */
import { configsEqual } from '../../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { ApplyResult, ApplyTarget } from '../apply-types.js';
import { ApplyStop } from '../change-checks.js';
import { nameVersion } from '../model.js';
import { pickLiveBranch } from './decisions.js';
import { draftContentFromDiff } from './draft-content.js';
import { readRevisionConfig } from './read.js';
import type { WaitContext } from './wait.js';

export async function verifyLive(flow: WaitContext & { h0: string; target: ApplyTarget; live: PostCallAnalyticsConfig }, ourHeadId: string): Promise<Partial<ApplyResult>> {
  const { api, agentId, branch, target, say } = flow;
  const [ours, diff, branches] = await Promise.all([readRevisionConfig(api, agentId, branch.branchId, ourHeadId), api.diff(agentId, flow.h0, ourHeadId), api.listBranches(agentId)]);
  const name = nameVersion('v2', ours.revision.revisionNumber, ourHeadId, branch.name);
  if (!configsEqual(ours.config, target.desired)) {
    throw new ApplyStop(`${name} was published with this change's label, but it does not hold the metrics of ${target.file}: someone edited the draft between this run's last check and its publish. Review ${name} against the file and re-run the plan.`);
  }
  const others = draftContentFromDiff(diff, flow.live).otherSections;
  if (others.length > 0) {
    throw new ApplyStop(`${name} holds the metrics of ${target.file}, but it also changed ${others.map((s) => s.section).join(', ')}: someone edited the draft between this run's last check and its publish, and their edit went live with this change's label. Review ${name}.`);
  }
  const live = pickLiveBranch(branches);
  if ('problem' in live) throw new ApplyStop(`${name} was published, but no single branch is live now (${live.problem}). Not verified.`);
  const liveHead = live.branch.headRevisionId ?? '';
  if (live.branch.branchId !== branch.branchId || liveHead !== ourHeadId) {
    const now = await readRevisionConfig(api, agentId, live.branch.branchId, liveHead);
    const liveName = nameVersion('v2', now.revision.revisionNumber ?? live.branch.headRevisionNumber, liveHead, live.branch.name);
    const same = configsEqual(now.config, target.desired);
    if (live.branch.branchId !== branch.branchId) {
      throw new ApplyStop(`${name} was published, but branch ${live.branch.name} was made live meanwhile: calls are served by ${liveName}, whose metrics ${same ? 'happen to equal the file' : `differ from ${target.file}`}. Not verified: check which branch should be live.`);
    }
    if (!same) throw new ApplyStop(`${name} went live, but ${liveName} was published after it${now.revision.publishedByName ? ` by ${now.revision.publishedByName}` : ''} and is live now, with metrics that differ from ${target.file}. Not verified: review ${liveName}.`);
    say(`${name} went live; ${liveName}, published after it${now.revision.publishedByName ? ` by ${now.revision.publishedByName}` : ''}, is live now and still holds the metrics of ${target.file}`);
  } else say(`${name} is live (publishing on the live branch is going live)`);
  say('verified: live metrics match the file');
  return { versionId: ourHeadId, versionNumber: ours.revision.revisionNumber, activatedAt: ours.revision.publishedAt };
}

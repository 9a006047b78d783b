/**
 * The final report of a v2 publish or restore is what is live now, read after it: the branch we wrote on must still be
 * live, and its head must be our revision, or a later one that still holds the expected metrics. A published revision
 * must itself hold exactly the file's metrics and nothing else: publish takes no precondition, so a person's edit in
 * the moment between our last check and the publish would otherwise ship under our label unnoticed.
 */
import type { BranchApi, BranchSummary } from '../../atoms/branch-types.js';
import { configsEqual } from '../../config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { ApplyResult, ApplyTarget } from '../apply-types.js';
import { ApplyStop } from '../change-checks.js';
import { nameVersion } from '../model.js';
import { pickLiveBranch } from './decisions.js';
import { draftContentFromDiff } from './draft-content.js';
import { readRevisionConfig } from './read.js';
import type { WaitContext } from './wait.js';

/**
 * Throws unless `branch` is still live with `ourHeadId` as its head, or a later head that still holds `expected`
 * (`whose`: how messages name what those metrics are). Says which it was.
 */
export async function checkStillLive(
  api: BranchApi,
  agentId: string,
  branch: BranchSummary,
  ourHeadId: string,
  name: string,
  expected: PostCallAnalyticsConfig,
  whose: string,
  say: (line: string) => void,
  branches?: Promise<BranchSummary[]>,
): Promise<void> {
  const live = pickLiveBranch(await (branches ?? api.listBranches(agentId)));
  if ('problem' in live)
    throw new ApplyStop(`${name} was published, but no single branch is live now (${live.problem}). Not verified.`);
  const liveHead = live.branch.headRevisionId ?? '';
  if (live.branch.branchId === branch.branchId && liveHead === ourHeadId) {
    say(`${name} is live (publishing on the live branch is going live)`);
    return;
  }
  const now = await readRevisionConfig(api, agentId, live.branch.branchId, liveHead);
  const liveName = nameVersion(
    'v2',
    now.revision.revisionNumber ?? live.branch.headRevisionNumber,
    liveHead,
    live.branch.name,
  );
  const same = configsEqual(now.config, expected);
  const by = now.revision.publishedByName ? ` by ${now.revision.publishedByName}` : '';
  if (live.branch.branchId !== branch.branchId) {
    throw new ApplyStop(
      `${name} was published, but branch ${live.branch.name} was made live meanwhile: calls are served by ${liveName}, whose metrics ${same ? `happen to equal ${whose}` : `differ from ${whose}`}. Not verified: check which branch should be live.`,
    );
  }
  if (!same)
    throw new ApplyStop(
      `${name} went live, but ${liveName} was published after it${by} and is live now, with metrics that differ from ${whose}. Not verified: review ${liveName}.`,
    );
  say(`${name} went live; ${liveName}, published after it${by}, is live now and still holds the metrics of ${whose}`);
}

export async function verifyLive(
  flow: WaitContext & { h0: string; target: ApplyTarget; live: PostCallAnalyticsConfig },
  ourHeadId: string,
): Promise<Partial<ApplyResult>> {
  const { api, agentId, branch, target, say } = flow;
  const branches = api.listBranches(agentId);
  // Read together; a rejection is handled where it is awaited.
  branches.catch(() => undefined);
  const [ours, diff] = await Promise.all([
    readRevisionConfig(api, agentId, branch.branchId, ourHeadId),
    api.diff(agentId, flow.h0, ourHeadId),
  ]);
  const name = nameVersion('v2', ours.revision.revisionNumber, ourHeadId, branch.name);
  if (!configsEqual(ours.config, target.desired)) {
    throw new ApplyStop(
      `${name} was published with this change's label, but it does not hold the metrics of ${target.file}: someone edited the draft between this run's last check and its publish. Review ${name} against the file and re-run the plan.`,
    );
  }
  const others = draftContentFromDiff(diff, flow.live).otherSections;
  if (others.length > 0) {
    throw new ApplyStop(
      `${name} holds the metrics of ${target.file}, but it also changed ${others.map((s) => s.section).join(', ')}: someone edited the draft between this run's last check and its publish, and their edit went live with this change's label. Review ${name}.`,
    );
  }
  await checkStillLive(api, agentId, branch, ourHeadId, name, target.desired, target.file, say, branches);
  say('verified: live metrics match the file');
  return { versionId: ourHeadId, versionNumber: ours.revision.revisionNumber, activatedAt: ours.revision.publishedAt };
}

/** The merge step: refuse stale commits, read the reviewed plan, apply every agent, report on the PR and in the summary. */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { applyAll } from '../apply/apply-all.js';
import { abortOnTermination, cancellableSleep } from '../apply/cancel.js';
import { hasOutcome, outcomeKey, renderApplyOutcome, withOutcome } from '../apply/render-outcome.js';
import type { ApplyTarget } from '../versioning/apply-types.js';
import { hashConfig } from '../config/canonical.js';
import type { GitHubClient } from '../github/client.js';
import { readPlanHeader } from '../github/sticky-comment.js';
import { planTargets } from '../plan/run-plan.js';
import type { PlanMarkerHeader } from '../plan/types.js';
import { inertForLog } from '../report/inert.js';
import { OUTPUT_NAMES } from './contract.js';
import { setOutput } from './outputs.js';
import type { Inputs } from './inputs.js';
import { commentScope, createAtomsClient, createGitHubClient, runUrl } from './plan-step.js';
import { appendJobSummary } from './summary.js';
import type { ValidationOutcome } from './validate-step.js';

const COMMENT_LIMIT = 65_000;

/** Only when an open draft must be judged: git and the parser load on that path alone. */
async function earlierContentsOf(path: string) {
  return (await import('../config/file-history.js')).readEarlierContents(path);
}

export interface ApplyStepInput {
  inputs: Inputs;
  env: NodeJS.ProcessEnv;
  validation: ValidationOutcome;
  defaultBranch: string | null;
  /** mode apply from workflow_dispatch: a person chose to publish the files over live (no reviewed-plan check). */
  byHand?: boolean;
}

/** The summary's first words on a run a person started by hand. */
export const BY_HAND_NOTE =
  '**Applied by hand** (`workflow_dispatch` with `mode: apply`): a person chose to publish the files over live. No reviewed plan was checked, and whatever live became since the last apply (a dashboard edit, a rollback) is replaced by the files.\n\n';

interface MergedPullRequest {
  number: number;
  title: string;
  header?: PlanMarkerHeader;
  commentId?: number;
  /** The plan comment with earlier runs' outcomes. */
  commentBody?: string;
}

/** The merged PR of this commit and its plan header; absent when there is no token or no PR (a direct push). */
async function findMergedPullRequest(
  github: GitHubClient,
  sha: string,
  env: NodeJS.ProcessEnv,
): Promise<MergedPullRequest | undefined> {
  const pulls = await github.pullRequestsOfCommit(sha);
  const pr = pulls.find((p) => p.merged) ?? pulls[0];
  if (!pr) return undefined;
  const found = await readPlanHeader(github, pr.number, commentScope(env), await github.ownLogin());
  return {
    number: pr.number,
    title: pr.title,
    header: found?.header,
    commentId: found?.comment.id,
    commentBody: found?.comment.body,
  };
}

/**
 * Re-reads the comment just before writing it, since other slices of a fan-out add their outcome too, and
 * checks a moment later that its own section survived: GitHub has no conditional update, so two slices that
 * read at the same instant could otherwise write over each other. A few rounds make that very unlikely.
 */
async function reportOnPullRequest(
  github: GitHubClient,
  commentId: number,
  outcome: string,
  key: string,
): Promise<void> {
  let body = (await github.getComment(commentId)).body;
  for (let round = 1; ; round++) {
    await github.updateComment(commentId, withOutcome(body, outcome, key, COMMENT_LIMIT));
    if (round === 3) return;
    await new Promise((resolve) => setTimeout(resolve, reportTiming.settleMs()));
    body = (await github.getComment(commentId)).body;
    if (hasOutcome(body, key)) return;
  }
}

/** How long a slice waits before checking its section survived; a seam for tests, which have no other writers' timing to respect. */
export const reportTiming = { settleMs: (): number => 1000 + Math.floor(Math.random() * 2000) };

export async function runApplyStep(step: ApplyStepInput): Promise<void> {
  const { inputs, env, validation } = step;
  if (inputs.apiKey === '') {
    core.setFailed("Mode apply needs the 'api-key' input (the Atoms API key, from a secret).");
    return;
  }
  const sha = env.GITHUB_SHA ?? '';
  const github = createGitHubClient(inputs, env);

  // An older commit must not roll back a newer one.
  if (!inputs.force && github && step.defaultBranch && sha) {
    const head = await github.branchHead(step.defaultBranch);
    if (head !== sha) {
      core.setFailed(
        `This run's commit ${sha.slice(0, 7)} is no longer the head of ${step.defaultBranch} (${head.slice(0, 7)}): applying it could roll back a newer change. The run for ${head.slice(0, 7)} applies the latest files; set force: true to apply this commit anyway.`,
      );
      return;
    }
  } else if (!inputs.force)
    core.warning('Could not check that this commit is the head of the default branch (no github-token or event data).');

  // By hand there is no reviewed plan to hold live to: the person's choice is the review.
  const merged =
    github && sha && !step.byHand
      ? await findMergedPullRequest(github, sha, env).catch((error: unknown) => {
          core.warning(
            inertForLog(
              `Could not read the merged pull request: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
          return undefined;
        })
      : undefined;
  if (merged && !merged.header)
    core.warning(
      `Pull request #${merged.number} has no plan comment from workflow '${env.GITHUB_WORKFLOW ?? ''}' (one from job '${env.GITHUB_JOB ?? ''}', or the workflow's only one); applying without the reviewed-plan check.`,
    );

  const subject = merged
    ? `${merged.title} (#${merged.number})`
    : step.byHand
      ? `Applied by hand from ${sha.slice(0, 7) || 'a local run'} (workflow_dispatch)`
      : `Commit ${sha.slice(0, 7) || 'local'}`;
  const link =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && sha
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/commit/${sha}`
      : '';
  const targets: ApplyTarget[] = planTargets(validation.files, inputs.agentId).map((t) => {
    const reviewed = merged?.header?.agents.find((a) => a.agentId === t.agentId);
    if (reviewed && reviewed.desiredHash !== hashConfig(t.desired))
      core.warning(`${t.agentId}: the merged ${t.file} differs from what the last plan on #${merged?.number} showed.`);
    return {
      ...t,
      commitSha: sha || 'local',
      label: subject,
      description: `Applied by atoms-metrics from ${t.file} at ${sha || 'a local run'}${link ? `\n${link}` : ''}${merged ? `\nPull request #${merged.number}: ${merged.title}` : ''}`,
      reviewed: reviewed ? { liveVersionId: reviewed.liveVersionId } : undefined,
      earlierReport: merged?.commentBody,
      earlierContents: () => earlierContentsOf(resolve(env.GITHUB_WORKSPACE ?? process.cwd(), t.file)),
    };
  });

  const cancel = new AbortController();
  let cancelledBy = '';
  const stopListening = abortOnTermination(cancel, (name) => {
    cancelledBy = name;
    core.warning(
      `${name} received: no new request starts, for any agent; what is half-done stays for the next run, which recognises it as its own.`,
    );
  });
  const results = await applyAll(targets, {
    api: createAtomsClient(inputs, cancel.signal),
    signal: cancel.signal,
    sleep: cancellableSleep(cancel.signal),
    now: Date.now,
    // Steps quote the platform's own words (a security check's reason, an error); core.info writes them raw.
    log: (line) => core.info(inertForLog(line)),
    securityCheckTimeoutMs: inputs.securityCheckTimeoutMs,
    onLiveChanged: step.byHand ? 'apply' : inputs.onLiveChanged,
    concurrency: inputs.concurrency,
    versioning: inputs.versioning,
    republishFailed: inputs.force,
  }).finally(stopListening);

  const outcome = renderApplyOutcome(results, { commitSha: sha || 'local', runUrl: runUrl(env) });
  await appendJobSummary(step.byHand ? `${BY_HAND_NOTE}${outcome}` : outcome);
  if (step.byHand)
    core.info('Applied by hand (workflow_dispatch): the files were published over live with no reviewed-plan check.');
  setOutput(OUTPUT_NAMES.changed, String(results.some((r) => r.status === 'applied' || r.status === 'resumed')));
  setOutput(
    OUTPUT_NAMES.versions,
    JSON.stringify(
      Object.fromEntries(
        results.filter((r) => r.status !== 'failed' && r.versionId).map((r) => [r.agentId, r.versionId]),
      ),
    ),
  );
  if (github && merged?.commentId !== undefined) {
    await reportOnPullRequest(github, merged.commentId, outcome, outcomeKey(targets.map((t) => t.agentId))).catch(
      (error: unknown) =>
        core.warning(
          inertForLog(
            `Could not update the pull-request comment: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
    );
  }
  const failed = results.filter((r) => r.status === 'failed');
  if (cancelledBy) {
    core.setFailed(
      `Cancelled (${cancelledBy}). Where each agent stands:\n${results.map((r) => `- ${r.agentId} (${r.file}): ${r.status === 'failed' ? (r.error ?? 'failed') : `${r.status}${r.versionId ? ` (${r.model === 'v2' ? 'revision' : 'version'} ${r.versionNumber ?? '?'}, ${r.versionId})` : ''}`}`).join('\n')}`,
    );
  } else if (failed.length > 0)
    core.setFailed(
      inertForLog(
        `Apply failed for ${failed.length} of ${results.length} agent(s):\n${failed.map((r) => `- ${r.agentId} (${r.file}): ${r.error ?? 'failed'}`).join('\n')}`,
      ),
    );
}

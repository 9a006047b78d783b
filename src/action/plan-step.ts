/** The pull-request step: diff against live, one sticky comment, the job summary, outputs, and the breaking-change gate. */
import * as core from '@actions/core';
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { GitHubApiError, GitHubClient } from '../github/client.js';
import { gitHubTiming } from '../github/timing.js';
import { upsertStickyComment } from '../github/sticky-comment.js';
import { addPlanInsights } from '../insights/plan-insights.js';
import { applyBreakingGate } from '../plan/gate.js';
import { blockedFailure, type GateSubject } from '../plan/gate-wording.js';
import { planHeader } from '../plan/header.js';
import { planToJson } from '../plan/plan-json.js';
import { renderPlanMarkdown } from '../plan/render-markdown.js';
import { buildPlan, planTargets } from '../plan/run-plan.js';
import type { Plan } from '../plan/types.js';
import { inertForLog } from '../report/inert.js';
import { VERSION } from '../version.js';
import { OUTPUT_NAMES } from './contract.js';
import { setOutput } from './outputs.js';
import type { Inputs } from './inputs.js';
import { appendJobSummary } from './summary.js';
import type { ValidationOutcome } from './validate-step.js';

/** GitHub rejects comments over 65,536 characters; keep a margin. */
const COMMENT_LIMIT = 65_000;
/** The job summary may hold 1 MiB per step, counted in bytes: a CJK prompt is three bytes a character. */
const SUMMARY_LIMIT = 1_000_000;
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export interface PlanStepInput {
  inputs: Inputs;
  env: NodeJS.ProcessEnv;
  validation: ValidationOutcome;
  pullRequest: { number: number; isFork: boolean; labels: string[] } | null;
  /** merge_group: the queued pull requests whose labels the gate honours. */
  mergeGroup?: { pullRequests: number[] } | null;
  eventName?: string;
}

export function commentScope(env: NodeJS.ProcessEnv) {
  return { workflow: env.GITHUB_WORKFLOW ?? 'workflow', job: env.GITHUB_JOB ?? 'job' };
}

export function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

/** `signal`: the run's cancel (apply): after it, no request starts and the one in flight is abandoned. */
export function createAtomsClient(inputs: Inputs, signal?: AbortSignal): AtomsClient {
  return new AtomsClient({
    signal,
    apiKey: inputs.apiKey,
    baseUrl: inputs.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: inputs.maxRequestsPerSecond }),
    userAgent: `atoms-metrics/${VERSION}`,
    onRetry: (info) =>
      core.info(
        inertForLog(
          `Atoms API: ${info.method} ${info.path} answered ${info.reason}; retrying in ${(info.delayMs / 1000).toFixed(1)} s (attempt ${info.attempt + 1}).`,
        ),
      ),
  });
}

/** `signal`: a budget for GitHub work that is only a report (see gitHubTiming.planBudgetMs). */
export function createGitHubClient(
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): GitHubClient | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!inputs.githubToken || !owner || !repo) return undefined;
  const api = env.GITHUB_API_URL || 'https://api.github.com';
  return new GitHubClient(inputs.githubToken, owner, repo, api, {
    graphqlUrl: env.GITHUB_GRAPHQL_URL || undefined,
    onWait: (info) =>
      core.info(
        inertForLog(`GitHub API: ${info.method} ${info.url} hit a ${info.reason}; retrying in ${info.seconds} s.`),
      ),
    signal,
  });
}

async function writeComment(step: PlanStepInput, markdown: string, budget: AbortSignal): Promise<void> {
  const { inputs, env, pullRequest } = step;
  if (!pullRequest || !inputs.comment) return;
  const github = createGitHubClient(inputs, env, budget);
  if (!github) {
    core.warning('No github-token (or GITHUB_REPOSITORY): the plan is in the job summary only.');
    return;
  }
  try {
    const login = await github.ownLogin();
    const result = await upsertStickyComment(github, pullRequest.number, commentScope(env), markdown, login);
    setOutput(OUTPUT_NAMES.commentUrl, result.url);
    core.info(inertForLog(`Plan comment ${result.action}: ${result.url}`));
  } catch (error) {
    // A locked conversation answers 403 too, but no permission would help: say what GitHub said.
    if (error instanceof GitHubApiError && error.locked) {
      core.warning(
        inertForLog(
          `Could not write the pull-request comment: GitHub says "${error.reason}" The plan is in the job summary.`,
        ),
      );
      return;
    }
    if (error instanceof GitHubApiError && (error.status === 403 || error.status === 404) && !error.rateLimited) {
      core.warning(
        inertForLog(
          `Could not write the pull-request comment (${error.status}${error.reason ? `: ${error.reason}` : ''}): the token needs 'pull-requests: write'. The plan is in the job summary.`,
        ),
      );
      return;
    }
    // The comment is a report, not the check: GitHub being down must not hide the plan's own verdict.
    if (error instanceof GitHubApiError && budget.aborted) {
      core.warning(
        `Could not write the pull-request comment: GitHub did not answer within ${Math.round(gitHubTiming.planBudgetMs / 1000)} s, the most a plan waits for a report. The plan is in the job summary, and the check's verdict stands.`,
      );
      return;
    }
    if (error instanceof GitHubApiError) {
      core.warning(
        inertForLog(`Could not write the pull-request comment: ${error.message} The plan is in the job summary.`),
      );
      return;
    }
    throw error;
  }
}

/**
 * The labels that count for the gate, and who could carry them. In a merge group the label must be on every queued
 * pull request (the group holds all their changes and the check cannot tell whose change breaks); a label that cannot
 * be read counts as absent, with a warning: the gate fails closed.
 */
async function gateLabels(
  step: PlanStepInput,
  budget: AbortSignal,
): Promise<{ labels: string[]; subject: GateSubject }> {
  const { pullRequest, mergeGroup, inputs, env } = step;
  if (pullRequest) return { labels: pullRequest.labels, subject: { kind: 'pull-request' } };
  if (!mergeGroup) return { labels: [], subject: { kind: 'no-pull-request', eventName: step.eventName ?? '' } };
  const subject: GateSubject = { kind: 'merge-group', pullRequests: mergeGroup.pullRequests };
  const github = createGitHubClient(inputs, env, budget);
  if (mergeGroup.pullRequests.length === 0 || !github) {
    core.warning(
      mergeGroup.pullRequests.length === 0
        ? "The merge group's head ref names no pull request: breaking changes are not allowed by label."
        : 'No github-token: the labels of the queued pull requests cannot be read, so breaking changes are not allowed by label.',
    );
    return { labels: [], subject };
  }
  try {
    const each = await Promise.all(mergeGroup.pullRequests.map((n) => github.pullRequestLabels(n)));
    return {
      labels: each.every((labels) => labels.includes(inputs.breakingLabel)) ? [inputs.breakingLabel] : [],
      subject,
    };
  } catch (error) {
    if (!(error instanceof GitHubApiError)) throw error;
    core.warning(
      inertForLog(
        `Could not read the labels of the queued pull requests (${error.message}); breaking changes are not allowed by label.`,
      ),
    );
    return { labels: [], subject };
  }
}

/** Builds the plan and reports it; fails the step for invalid files, unreadable agents, or ungated breaking changes. */
export async function runPlanStep(step: PlanStepInput): Promise<Plan> {
  const { inputs, validation, pullRequest } = step;
  let liveSkippedReason: string | undefined;
  if (inputs.apiKey === '') {
    liveSkippedReason = pullRequest?.isFork
      ? 'This pull request comes from a fork, which gets no secrets: the files were validated, and the diff against live was skipped.'
      : 'No api-key was given: the files were validated, and the diff against live was skipped.';
    core.notice(liveSkippedReason);
  }
  const api = inputs.apiKey === '' ? undefined : createAtomsClient(inputs);
  let built = await buildPlan({
    targets: planTargets(validation.files, inputs.agentId),
    diagnostics: validation.diagnostics,
    files: validation.results.map((r) => r.path),
    api,
    liveSkippedReason,
    concurrency: inputs.concurrency,
    versioning: inputs.versioning,
  });
  if (api && inputs.insights) {
    // Same client, so the same limiter: the calls are read at the pace the plan's reads were.
    built = await addPlanInsights(built, {
      api,
      window: { maxCalls: inputs.insightsCalls, days: inputs.insightsDays },
      now: Date.now(),
      concurrency: inputs.concurrency,
    });
    for (const agent of built.agents)
      if (agent.insightsWarning)
        core.warning(`${agent.agentId} (${agent.file}): ${agent.insightsWarning} The plan is complete without it.`);
  }
  // From the first GitHub call on, the plan waits for GitHub this long at most in all before its verdict.
  const budget = AbortSignal.timeout(gitHubTiming.planBudgetMs);
  const { labels, subject } = await gateLabels(step, budget);
  const { plan, gate } = applyBreakingGate(built, {
    allowBreaking: inputs.allowBreaking,
    breakingLabel: inputs.breakingLabel,
    labels,
  });
  const render = (maxChars: number, measure?: (text: string) => number) =>
    renderPlanMarkdown(plan, {
      maxChars,
      measure,
      scope: commentScope(step.env),
      header: planHeader(plan, VERSION),
      gate,
      gateSubject: subject,
      breakingLabel: inputs.breakingLabel,
      summaryUrl: runUrl(step.env),
      actionVersion: VERSION,
    });

  await appendJobSummary(render(SUMMARY_LIMIT, utf8Bytes));
  const json = planToJson(plan);
  setOutput(OUTPUT_NAMES.changed, String(json.changed));
  setOutput(OUTPUT_NAMES.breaking, String(json.breaking));
  setOutput(OUTPUT_NAMES.plan, JSON.stringify(json));
  await writeComment(step, render(COMMENT_LIMIT), budget);

  const unreadable = plan.agents.filter((a) => a.status === 'error');
  if (validation.failed)
    core.setFailed(
      `Metrics files are invalid: ${validation.counts.errors} error(s)${inputs.strict && validation.counts.warnings > 0 ? `, ${validation.counts.warnings} warning(s) under strict` : ''} (see the annotations).`,
    );
  else if (unreadable.length > 0)
    core.setFailed(
      inertForLog(
        `Could not read the live version of ${unreadable.length} agent(s):\n${unreadable.map((a) => `- ${a.agentId} (${a.file}): ${a.message ?? ''}`).join('\n')}`,
      ),
    );
  else if (gate.blocked) core.setFailed(blockedFailure(subject, inputs.breakingLabel));
  return plan;
}

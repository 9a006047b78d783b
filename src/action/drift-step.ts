/** mode drift (and auto on schedule): compare every file with live, report per agent, keep one issue, fail on any drift. */
import * as core from '@actions/core';
import { detectDrift } from '../drift/detect.js';
import { driftMarker, renderDriftMarkdown } from '../drift/render.js';
import { GitHubApiError } from '../github/client.js';
import { syncDriftIssue } from '../github/drift-issue.js';
import { planTargets } from '../plan/run-plan.js';
import { inertForLog } from '../report/inert.js';
import { OUTPUT_NAMES } from './contract.js';
import type { Inputs } from './inputs.js';
import { setOutput } from './outputs.js';
import { createAtomsClient, createGitHubClient, runUrl } from './plan-step.js';
import { appendJobSummary } from './summary.js';
import type { ValidationOutcome } from './validate-step.js';

/** The metrics directory to name in `pull --out`: the first config glob's fixed part. */
function metricsDir(inputs: Inputs): string {
  const first = inputs.config[0] ?? 'metrics';
  const fixed = first.split('/').filter((part, index, parts) => !/[*?{[]/.test(part) && index < parts.length - 1);
  return fixed.join('/') || '.';
}

async function reportInIssue(
  step: { inputs: Inputs; env: NodeJS.ProcessEnv },
  marker: string,
  body: string,
  drifted: boolean,
): Promise<void> {
  const github = createGitHubClient(step.inputs, step.env);
  if (!github) {
    core.warning('No github-token (or GITHUB_REPOSITORY): the drift report is in the job summary only.');
    return;
  }
  const link = runUrl(step.env);
  try {
    const login = await github.ownLogin();
    const result = await syncDriftIssue(github, {
      marker,
      label: step.inputs.driftLabel,
      drifted,
      body,
      login,
      closingComment: `Live matches the files again${link ? ` ([run](${link}))` : ''}: closing.`,
    });
    if (result.action !== 'none') core.info(inertForLog(`Drift issue ${result.action}: ${result.url ?? ''}`));
  } catch (error) {
    if (!(error instanceof GitHubApiError)) throw error;
    const permission = (error.status === 403 || error.status === 404) && !error.rateLimited && !error.locked;
    core.warning(
      inertForLog(
        permission
          ? `Could not keep the drift issue (${error.status}${error.reason ? `: ${error.reason}` : ''}): the job needs 'issues: write'. The report is in the job summary.`
          : `Could not keep the drift issue: ${error.message} The report is in the job summary.`,
      ),
    );
  }
}

export async function runDriftStep(step: {
  inputs: Inputs;
  env: NodeJS.ProcessEnv;
  validation: ValidationOutcome;
}): Promise<void> {
  const { inputs, env, validation } = step;
  if (inputs.apiKey === '') {
    core.setFailed('mode drift needs api-key: live cannot be compared with the files without it.');
    return;
  }
  const report = await detectDrift({
    targets: planTargets(validation.files, inputs.agentId),
    diagnostics: validation.diagnostics,
    files: validation.results.map((r) => r.path),
    api: createAtomsClient(inputs),
    versioning: inputs.versioning,
    concurrency: inputs.concurrency,
  });
  const marker = driftMarker(env.GITHUB_WORKFLOW ?? 'workflow');
  const body = renderDriftMarkdown(report, { marker, runUrl: runUrl(env), metricsDir: metricsDir(inputs) });
  await appendJobSummary(body);
  setOutput(OUTPUT_NAMES.drifted, String(report.drifted));
  // An unreadable agent leaves the issue as it is: the run cannot tell that drift is gone.
  if (report.unreadable === 0 || report.drifted) await reportInIssue(step, marker, body, report.drifted);
  const drifted = report.agents.filter((a) => a.status === 'drifted');
  if (drifted.length > 0) {
    const origin = (a: (typeof drifted)[number]) =>
      a.live
        ? `; ${a.live.rolledBackTo ? `rolled back to ${a.live.rolledBackTo} as ` : ''}${a.live.name}${a.live.by ? ` by ${a.live.by}` : ''}`
        : '';
    core.setFailed(
      inertForLog(
        `Live metrics differ from the files for ${drifted.length} agent(s): ${drifted.map((a) => `${a.agentId} (${a.file}${origin(a)})`).join(', ')}. Adopt live with atoms-metrics pull, or run this workflow from workflow_dispatch with the input mode: apply to publish the files over live (see the summary).`,
      ),
    );
  } else if (report.unreadable > 0) {
    core.setFailed(
      inertForLog(
        `Could not read live for ${report.unreadable} agent(s):\n${report.agents
          .filter((a) => a.status === 'error')
          .map((a) => `- ${a.agentId} (${a.file}): ${a.message ?? ''}`)
          .join('\n')}`,
      ),
    );
  }
}

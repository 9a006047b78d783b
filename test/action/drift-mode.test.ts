// Drift on a schedule, driven the way the runner drives the action: a dashboard edit fails the run and opens the one
// issue, a rerun keeps it, and a run after live matches again closes it with a comment. Both versioning models.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const METRIC = {
  identifier: 'call_resolved',
  dispositionMetricType: 'BOOLEAN' as const,
  dispositionMetricPrompt: "Was the customer's issue resolved during the call?",
};
let emu: RunningEmulator;
let gh: FakeGitHub;
let ws: Workspace;
let restoreGitHubWaits = () => {};

afterEach(async () => {
  restoreGitHubWaits();
  await emu.close();
  await gh.close();
  ws.remove();
});

function scheduleEnv() {
  const path = join(ws.dir, '.event.json');
  writeFileSync(path, JSON.stringify({ schedule: '17 6 * * 1-5', repository: { default_branch: 'main' } }));
  return {
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'acme/voice',
    GITHUB_API_URL: gh.url,
    GITHUB_WORKFLOW: 'metrics',
    GITHUB_JOB: 'drift',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '99',
  };
}

describe.each(['v2', 'v1'] as const)('drift on a schedule (%s)', (versioning) => {
  beforeEach(async () => {
    restoreGitHubWaits = instantGitHubWaits();
    emu = await startEmulator({
      versioning,
      securityCheckMs: 0,
      seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: { dispositionMetrics: [METRIC] } }] }] },
    });
    gh = await startFakeGitHub();
    ws = makeWorkspace({ 'metrics/support.yaml': VALID_YAML });
  });
  const inputs = () => ({
    'api-key': emu.apiKey,
    'api-url': emu.url,
    'github-token': 'ghs_actions_token',
    config: 'metrics/*.yaml',
    'max-requests-per-second': '0',
  });

  it('a dashboard edit fails the run and opens the issue; a rerun updates nothing; drift gone closes it', async () => {
    const clean = await runAction(ws.dir, inputs(), scheduleEnv());
    expect(clean.failed).toBe(false);
    expect(clean.outputs.drifted).toBe('false');
    expect(gh.issues.size).toBe(0);

    emu.simulateDashboardChange(AGENT, {
      dispositionMetrics: [
        METRIC,
        {
          identifier: 'upsell',
          dispositionMetricType: 'STRING',
          dispositionMetricPrompt: 'What did the customer buy?',
        },
      ],
    });
    const drifted = await runAction(ws.dir, inputs(), scheduleEnv());
    expect(drifted.failed).toBe(true);
    expect(drifted.outputs.drifted).toBe('true');
    expect(drifted.errors.at(-1)).toContain(
      `Live metrics differ from the files for 1 agent(s): ${AGENT} (metrics/support.yaml; ${versioning === 'v2' ? 'v2 revision 2 of branch Main by Dashboard User' : 'v1 version 2 by user_dashboard'})`,
    );
    const [issue] = [...gh.issues.values()];
    expect(issue).toMatchObject({
      state: 'open',
      title: 'Live post-call metrics drifted from the files',
      labels: [{ name: 'metrics-drift' }],
    });
    expect(issue?.body).toContain('<!-- atoms-metrics:drift workflow=metrics -->');
    expect(issue?.body).toContain('`upsell` is live but not in the file');
    expect(issue?.body).toMatch(/published by (Dashboard User|user\\_dashboard) at \d{4}-/);
    expect(issue?.body).toContain(`atoms-metrics pull ${AGENT} --out metrics --force`);
    expect(issue?.body).toContain('(`workflow_dispatch`) with the input `mode` set to `apply`');
    expect(drifted.summary).toContain('Live metrics drifted from the files');

    const again = await runAction(ws.dir, inputs(), scheduleEnv());
    expect(again.failed).toBe(true);
    expect(gh.issues.size).toBe(1);

    // Adopt live: the file now says what the dashboard published.
    ws.write(
      'metrics/support.yaml',
      `${VALID_YAML}    - identifier: upsell\n      dispositionMetricType: STRING\n      dispositionMetricPrompt: What did the customer buy?\n`,
    );
    const fixed = await runAction(ws.dir, inputs(), scheduleEnv());
    expect(fixed.failed).toBe(false);
    expect(fixed.outputs.drifted).toBe('false');
    expect(issue?.state).toBe('closed');
    expect(gh.comments.get(issue?.number ?? 0)?.[0]?.body).toContain('Live matches the files again');
    expect(emu.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('without issues: write it warns and keeps the report in the summary; the run still fails on drift', async () => {
    emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
    gh.failNext({ method: 'POST', path: /\/issues$/, status: 403 });
    const result = await runAction(ws.dir, inputs(), scheduleEnv());
    expect(result.failed).toBe(true);
    expect(result.stdout).toContain(
      "::warning::Could not keep the drift issue (403: Resource not accessible by integration): the job needs 'issues: write'.",
    );
    expect(result.summary).toContain('`call_resolved` is in the file but not live');
  });
});

it('mode: drift is in the README with a scheduled workflow', () => {
  expect(readFileSync('README.md', 'utf8')).toMatch(/mode: drift/);
});

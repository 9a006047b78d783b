// Drift's way back, as a person would follow it, on both versioning models: the advice names the exact inputs;
// mode: apply from workflow_dispatch publishes the files over live with no reviewed-plan check (the push-time apply
// refuses, since live changed since the plan); and drift after a rollback names the rollback as the cause.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportTiming } from '../../src/action/apply-step.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const SHA = 'c0ffee0000000000000000000000000000000001';
const METRIC = {
  identifier: 'call_resolved',
  dispositionMetricType: 'BOOLEAN' as const,
  dispositionMetricPrompt: "Was the customer's issue resolved during the call?",
};
const FOLLOW_UP = `${VALID_YAML}    - identifier: follow_up\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was a follow-up promised?\n`;
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

function env(event: 'pull_request' | 'push' | 'schedule' | 'workflow_dispatch') {
  const path = join(ws.dir, `.event-${event}.json`);
  const payload =
    event === 'pull_request'
      ? {
          pull_request: {
            number: 7,
            labels: [],
            head: { repo: { full_name: 'acme/voice' } },
            base: { repo: { full_name: 'acme/voice' } },
          },
          repository: { default_branch: 'main' },
        }
      : event === 'workflow_dispatch'
        ? { inputs: { mode: 'apply' }, ref: 'refs/heads/main', repository: { default_branch: 'main' } }
        : { ref: 'refs/heads/main', repository: { default_branch: 'main' } };
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: event === 'pull_request' ? 'refs/pull/7/merge' : 'refs/heads/main',
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/voice',
    GITHUB_API_URL: gh.url,
    GITHUB_WORKFLOW: 'metrics',
    GITHUB_JOB: 'metrics',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '7',
  };
}
const inputs = (extra: Record<string, string> = {}) => ({
  'api-key': emu.apiKey,
  'api-url': emu.url,
  'github-token': 'ghs_actions_token',
  config: 'metrics/*.yaml',
  'max-requests-per-second': '0',
  ...extra,
});
/** The summary without markdown's escapes, to read as text. */
const plain = (text: string) => text.replace(/\\/g, '');

describe.each(['v2', 'v1'] as const)('drift and its way back (%s)', (model) => {
  beforeEach(async () => {
    restoreGitHubWaits = instantGitHubWaits();
    reportTiming.settleMs = () => 5;
    emu = await startEmulator({
      versioning: model,
      securityCheckMs: 0,
      seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: { dispositionMetrics: [METRIC] } }] }] },
    });
    gh = await startFakeGitHub();
    gh.branches.set('main', SHA);
    ws = makeWorkspace({ 'metrics/support.yaml': FOLLOW_UP });
  });
  const liveMetrics = () => {
    const state = emu.getAgentState(AGENT);
    const live =
      model === 'v1'
        ? state?.versions.find((v) => v.isActive)
        : state?.branches?.[0]?.revisions.find((r) => r._id === state?.branches?.[0]?.headRevisionId);
    return normalizeConfig(live?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier);
  };

  it("the advice works as copied: mode: apply from workflow_dispatch publishes the files over live though live changed since the pull request's plan", async () => {
    // Reviewed and merged: the plan comment on #7 records what live was.
    await runAction(ws.dir, inputs(), env('pull_request'));
    gh.pullsOfCommit.set(SHA, [
      { number: 7, title: 'Track follow-ups', merged_at: '2026-11-24T10:00:00Z', labels: [] },
    ]);
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

    const drift = await runAction(ws.dir, inputs(), env('schedule'));
    expect(drift.failed).toBe(true);
    expect(plain(drift.summary)).toContain(
      'run this workflow from the Actions tab (`workflow_dispatch`) with the input `mode` set to `apply`',
    );
    expect(drift.errors.join('\n')).toContain('run this workflow from workflow_dispatch with the input mode: apply');

    // The push-time apply holds live to the reviewed plan, and refuses: the trap the issue describes.
    const pushed = await runAction(ws.dir, inputs(), env('push'));
    expect(pushed.failed).toBe(true);
    expect(pushed.errors.join('\n')).toContain("live changed since the pull request's plan");

    // Doing what the advice says: a person chose to apply.
    const byHand = await runAction(ws.dir, inputs({ mode: 'apply' }), env('workflow_dispatch'));
    expect(byHand.errors).toEqual([]);
    expect(plain(byHand.summary)).toContain(
      '**Applied by hand** (`workflow_dispatch` with `mode: apply`): a person chose to publish the files over live. No reviewed plan was checked',
    );
    expect(byHand.stdout).toContain('Applied by hand (workflow_dispatch)');
    expect(liveMetrics()).toEqual(['call_resolved', 'follow_up']);
    expect((await runAction(ws.dir, inputs(), env('schedule'))).failed).toBe(false);
  });

  it('drift after a rollback names the rollback, who did it and when', async () => {
    const applied = await runAction(ws.dir, inputs({ mode: 'apply', 'github-token': '' }), env('push'));
    expect(applied.errors).toEqual([]);
    const rolled = await runAction(
      ws.dir,
      inputs({ mode: 'rollback', 'allow-breaking': 'true', 'github-token': '' }),
      env('workflow_dispatch'),
    );
    expect(rolled.errors).toEqual([]);
    expect(liveMetrics()).toEqual(['call_resolved']);

    const drift = await runAction(ws.dir, inputs(), env('schedule'));
    expect(drift.failed).toBe(true);
    const name = model === 'v2' ? 'v2 revision 1' : 'v1 version 1';
    expect(plain(drift.summary)).toMatch(
      new RegExp(
        `live was rolled back to ${name} \\(\\w+\\)${model === 'v2' ? ' of branch Main' : ''} \\(metrics only\\) by [^,]+ at \\d{4}-[^,]+, as ${model === 'v2' ? 'v2 revision 3 of branch Main' : 'v1 version 3'}: the rollback is why live differs from the file`,
      ),
    );
    expect(plain(drift.summary)).toContain('**undo the rollback**: run this workflow');
    expect(drift.errors.join('\n')).toContain(`rolled back to ${name}`);
  });

  it('drift after a whole-revision rollback names it too', async () => {
    await runAction(ws.dir, inputs({ mode: 'apply', 'github-token': '' }), env('push'));
    const rolled = await runAction(
      ws.dir,
      inputs({ mode: 'rollback', 'rollback-scope': 'whole', 'allow-breaking': 'true', 'github-token': '' }),
      env('workflow_dispatch'),
    );
    expect(rolled.errors).toEqual([]);
    const drift = await runAction(ws.dir, inputs(), env('schedule'));
    expect(plain(drift.summary)).toContain(
      model === 'v2'
        ? '(the whole revision restored)'
        : 'live was rolled back to v1 version 1 (the whole version re-activated; version 2 is newer)',
    );
  });
});

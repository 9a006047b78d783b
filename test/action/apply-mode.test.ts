// The merge flow, driven the way the runner drives the action: a plan on the PR, then a push to main.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportTiming } from '../../src/action/apply-step.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const KEY = 'sk_emulator_key';
const TOKEN = 'ghs_actions_token_abcdef';
const SHA = 'c0ffee0000000000000000000000000000000001';
let emu: RunningEmulator;
let gh: FakeGitHub;
let ws: Workspace;

function env(event: 'pull_request' | 'push', labels: string[] = [], job = 'metrics') {
  const path = join(ws.dir, `.event-${event}.json`);
  const payload =
    event === 'pull_request'
      ? {
          pull_request: {
            number: 7,
            labels: labels.map((name) => ({ name })),
            head: { repo: { full_name: 'acme/voice' } },
            base: { repo: { full_name: 'acme/voice' } },
          },
          repository: { default_branch: 'main' },
        }
      : { ref: 'refs/heads/main', after: SHA, repository: { default_branch: 'main' } };
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: event === 'push' ? 'refs/heads/main' : 'refs/pull/7/merge',
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/voice',
    GITHUB_API_URL: gh.url,
    GITHUB_WORKFLOW: 'metrics',
    GITHUB_JOB: job,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '43',
  };
}

const inputs = (extra: Record<string, string> = {}) => ({
  'api-key': KEY,
  'api-url': emu.url,
  'github-token': TOKEN,
  config: 'metrics/*.yaml',
  'max-requests-per-second': '0',
  ...extra,
});

let restoreGitHubWaits = () => {};
afterEach(() => {
  restoreGitHubWaits();
});
beforeEach(async () => {
  restoreGitHubWaits = instantGitHubWaits();
  reportTiming.settleMs = () => 5;
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 0,
    seed: await loadSeedFile('examples/emulator-seed.json'),
  });
  gh = await startFakeGitHub();
  gh.branches.set('main', SHA);
  gh.pullsOfCommit.set(SHA, [{ number: 7, title: 'Track follow-ups', merged_at: '2026-11-24T10:00:00Z', labels: [] }]);
  ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
});
afterEach(async () => {
  await emu.close();
  await gh.close();
  ws.remove();
});

describe('apply on a push to the default branch', () => {
  it('applies the reviewed change, reports on the merged PR, and a re-run writes nothing', async () => {
    await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics']));
    const result = await runAction(ws.dir, inputs(), env('push'));
    expect(result.errors).toEqual([]);
    const state = emu.getAgentState(AGENT);
    const active = state?.versions.find((v) => v.isActive);
    expect(active?.versionNumber).toBe(2);
    expect(active?.label).toBe('Track follow-ups (#7)');
    expect(normalizeConfig(active?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier)).toEqual([
      'call_resolved',
      'satisfaction_score',
      'call_outcome',
      'follow_up_needed',
    ]);
    expect(JSON.parse(result.outputs.versions ?? '{}')).toEqual({ [AGENT]: active?._id });
    expect(result.outputs.changed).toBe('true');
    const comment = gh.comments.get(7)?.[0]?.body ?? '';
    expect(comment).toContain('🚀 Applied on merge');
    expect(comment).toContain('✅ applied');
    expect(result.summary).toContain('✅ applied');
    const everything =
      result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n') +
      result.summary +
      JSON.stringify(result.outputs) +
      comment;
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(TOKEN);

    emu.requests.length = 0;
    const rerun = await runAction(ws.dir, inputs(), env('push'));
    expect(rerun.errors).toEqual([]);
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(rerun.outputs.changed).toBe('false');
  });

  it('on the branch model (v2): publishes on the live branch, reports the revision, and a re-run writes nothing', async () => {
    await emu.close();
    const seed = await loadSeedFile('examples/emulator-seed.json');
    emu = await startEmulator({
      securityCheckMs: 0,
      seed: { ...seed, options: { ...seed.options, versioning: 'v2' } },
    });
    await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics']));
    const result = await runAction(ws.dir, inputs(), env('push'));
    expect(result.errors).toEqual([]);
    const main = emu.getAgentState(AGENT)?.branches?.[0];
    const head = main?.revisions.find((r) => r._id === main.headRevisionId);
    expect(head?.revisionNumber).toBe(2);
    expect(head?.label).toMatch(/^Track follow-ups \(#7\) \[atoms-metrics:[a-f0-9]{16}\]$/);
    expect(normalizeConfig(head?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier)).toEqual([
      'call_resolved',
      'satisfaction_score',
      'call_outcome',
      'follow_up_needed',
    ]);
    expect(JSON.parse(result.outputs.versions ?? '{}')).toEqual({ [AGENT]: head?._id });
    expect(emu.requests.some((r) => r.path.includes('/versions') && r.method !== 'GET')).toBe(false);
    const comment = gh.comments.get(7)?.[0]?.body ?? '';
    expect(comment).toContain('✅ applied');
    expect(comment).toContain('revision 2');
    emu.requests.length = 0;
    const rerun = await runAction(ws.dir, inputs(), env('push'));
    expect(rerun.errors).toEqual([]);
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('on v2 a failed scan leaves no draft, and a re-run of the same change refuses, saying it failed before (force publishes again)', async () => {
    await emu.close();
    const seed = await loadSeedFile('examples/emulator-seed.json');
    emu = await startEmulator({
      securityCheckMs: 0,
      seed: { ...seed, options: { ...seed.options, versioning: 'v2' } },
    });
    await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics']));
    emu.failNextSecurityCheck('prompt asks for card numbers', AGENT);
    const failed = await runAction(ws.dir, inputs(), env('push'));
    expect(failed.failed).toBe(true);
    expect(failed.errors.join('\n')).toContain('prompt asks for card numbers');
    // Each failure is said once in the log (the failed check) and once in the summary (the Failed list).
    const mentions = (text: string) => text.split('prompt asks for card numbers').length - 1;
    expect([mentions(failed.stdout), mentions(failed.summary)]).toEqual([1, 1]);
    expect(emu.getAgentState(AGENT)?.branches?.[0]?.draft).toBeNull();
    expect(emu.getAgentState(AGENT)?.branches?.[0]?.revisions).toHaveLength(1);
    emu.requests.length = 0;
    const rerun = await runAction(ws.dir, inputs(), env('push'));
    expect(rerun.failed).toBe(true);
    expect(rerun.errors.join('\n')).toContain('an earlier run published this same change');
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    const forced = await runAction(ws.dir, inputs({ force: 'true' }), env('push'));
    expect(forced.errors).toEqual([]);
    expect(emu.getAgentState(AGENT)?.branches?.[0]?.revisions).toHaveLength(2);
  });

  it.each([
    {
      model: 'v1' as const,
      at: /\/drafts\/[a-f0-9]{24}\/config$/,
      said: 'was abandoned: the run was cancelled. Our draft',
    },
    {
      model: 'v2' as const,
      at: /\/branches\/[a-f0-9]{24}\/draft$/,
      said: 'was abandoned: the run was cancelled. Our draft may still be open',
    },
  ])(
    'a cancel (SIGINT) on $model after our draft was written writes nothing more, reports where the agent stands and fails; the next run finishes the change once',
    async ({ model, at, said }) => {
      await emu.close();
      const seed = await loadSeedFile('examples/emulator-seed.json');
      emu = await startEmulator({
        securityCheckMs: 0,
        seed: { ...seed, options: { ...seed.options, versioning: model } },
      });
      let sent = false;
      emu.onRequest(({ method, path }) => {
        if (!sent && (method === 'PATCH' || method === 'PUT') && at.test(path)) {
          sent = true;
          setImmediate(() => process.emit('SIGINT'));
        }
      });
      const result = await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), env('push'));
      expect(sent).toBe(true);
      expect(result.failed).toBe(true);
      expect(result.stdout).toContain('SIGINT received: no new request starts');
      expect(result.errors.join('\n')).toContain('Cancelled (SIGINT)');
      expect(result.errors.join('\n')).toContain(said);
      const cancelledAt = emu.requests.findIndex(
        (r) => (r.method === 'PATCH' || r.method === 'PUT') && at.test(r.path),
      );
      expect(emu.requests.slice(cancelledAt + 1).filter((r) => r.method !== 'GET')).toEqual([]);
      const state = emu.getAgentState(AGENT);
      if (model === 'v1') {
        expect(state?.drafts.filter((d) => !d.discarded && !d.published)).toHaveLength(1);
        expect(state?.versions).toHaveLength(1);
      } else {
        expect(state?.branches?.[0]?.draft).not.toBeNull();
        expect(state?.branches?.[0]?.revisions).toHaveLength(1);
      }
      expect(process.listenerCount('SIGINT')).toBeLessThanOrEqual(1);

      const rerun = await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), env('push'));
      expect(rerun.errors).toEqual([]);
      const after = emu.getAgentState(AGENT);
      if (model === 'v1') {
        expect(after?.versions).toHaveLength(2);
        expect(after?.drafts.filter((d) => !d.discarded && !d.published)).toEqual([]);
      } else {
        expect(after?.branches?.[0]?.revisions).toHaveLength(2);
        expect(after?.branches?.[0]?.draft).toBeNull();
        expect(rerun.stdout).toContain('resumed the draft an earlier run left');
      }
    },
  );

  it('a cancel while the v2 scan runs stops waiting and says the publish goes live by itself; a re-run waits for it and publishes nothing', async () => {
    await emu.close();
    const seed = await loadSeedFile('examples/emulator-seed.json');
    emu = await startEmulator({
      securityCheckMs: 400,
      seed: { ...seed, options: { ...seed.options, versioning: 'v2' } },
    });
    let sent = false;
    emu.onRequest(({ method, path }) => {
      if (!sent && method === 'POST' && path.endsWith('/draft/publish')) {
        sent = true;
        setTimeout(() => process.emit('SIGINT'), 50);
      }
    });
    const result = await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), env('push'));
    expect(result.failed).toBe(true);
    expect(result.errors.join('\n')).toContain('goes live by itself if the scan passes');
    emu.requests.length = 0;
    const rerun = await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), env('push'));
    expect(rerun.errors).toEqual([]);
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(emu.getAgentState(AGENT)?.branches?.[0]?.revisions).toHaveLength(2);
  });

  it.each(['v1', 'v2'] as const)(
    'mode rollback on %s puts the previous metrics live again (a breaking rollback, allowed)',
    async (model) => {
      await emu.close();
      const seed = await loadSeedFile('examples/emulator-seed.json');
      emu = await startEmulator({
        securityCheckMs: 0,
        seed: { ...seed, options: { ...seed.options, versioning: model } },
      });
      await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), env('push'));
      const rolled = await runAction(ws.dir, inputs({ mode: 'rollback', 'allow-breaking': 'true' }), env('push'));
      expect(rolled.errors).toEqual([]);
      const state = emu.getAgentState(AGENT);
      const live =
        model === 'v1'
          ? state?.versions.find((v) => v.isActive)
          : state?.branches?.[0]?.revisions.find((r) => r._id === state?.branches?.[0]?.headRevisionId);
      expect(normalizeConfig(live?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier)).toEqual([
        'call_resolved',
        'satisfaction_score',
        'call_outcome',
        'summary',
      ]);
      expect(rolled.summary).toContain(model === 'v1' ? 'v1 version 2' : 'v2 revision 2');
      expect(JSON.parse(rolled.outputs['rolled-back'] ?? '{}')[AGENT]).toBe(live?._id);
    },
  );

  it('a GitHub 502 on the branch-head check is retried, not a failed apply', async () => {
    gh.failNext({ method: 'GET', path: /\/branches\/main$/, status: 502 });
    const result = await runAction(ws.dir, inputs(), env('push'));
    expect(result.errors).toEqual([]);
    expect(emu.getAgentState(AGENT)?.versions.find((v) => v.isActive)?.versionNumber).toBe(2);
  });

  it('refuses a commit that is no longer the head of the default branch', async () => {
    gh.branches.set('main', 'beef000000000000000000000000000000000002');
    const result = await runAction(ws.dir, inputs(), env('push'));
    expect(result.errors[0]).toContain('is no longer the head of main');
    expect(emu.requests).toEqual([]);
  });

  it.each(['v1', 'v2'] as const)(
    'on %s: fails when live changed after the plan was reviewed, names both, and writes nothing',
    async (model) => {
      await emu.close();
      const seed = await loadSeedFile('examples/emulator-seed.json');
      emu = await startEmulator({
        securityCheckMs: 0,
        seed: { ...seed, options: { ...seed.options, versioning: model } },
      });
      const liveId = () =>
        model === 'v1'
          ? emu.getAgentState(AGENT)?.activeVersionId
          : emu.getAgentState(AGENT)?.branches?.[0]?.headRevisionId;
      await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics']));
      const planned = liveId();
      const dashboard = emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
      emu.requests.length = 0;
      const result = await runAction(ws.dir, inputs(), env('push'));
      expect(result.failed).toBe(true);
      expect(result.stdout).toContain(
        `it was made against ${model === 'v1' ? 'version' : 'revision'} ${planned}, live is now ${dashboard}`,
      );
      expect(liveId()).toBe(dashboard);
      expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    },
  );

  it("another bot's comment carrying our marker is not the reviewed plan, and is left alone", async () => {
    // A GitHub App's token wrote this plan; the apply runs with the Actions token, whose comments are github-actions[bot]'s.
    await runAction(
      ws.dir,
      inputs({ 'github-token': 'ghs_app_installation_token' }),
      env('pull_request', ['allow-breaking-metrics']),
    );
    const foreign = gh.comments.get(7)?.[0];
    expect(foreign?.user.login).toBe('metrics-app[bot]');
    const before = foreign?.body;
    emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
    const result = await runAction(ws.dir, inputs(), env('push'));
    expect(result.stdout).toContain("::warning::Pull request #7 has no plan comment from workflow 'metrics'");
    expect(result.errors).toEqual([]);
    expect(gh.comments.get(7)?.[0]?.body).toBe(before);
  });

  it('applies nothing when a file is invalid, and leaks no secret', async () => {
    ws.write(
      'metrics/broken.yaml',
      'agentId: "65f1a2b3c4d5e6f708192a3c"\npostCallAnalyticsConfig:\n  dispositionMetrics: nope\n',
    );
    const result = await runAction(ws.dir, inputs(), env('push'));
    expect(result.errors.at(-1)).toContain('Nothing was applied.');
    expect(emu.requests).toEqual([]);
    const visible =
      result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n') + result.summary;
    expect(visible).not.toContain(KEY);
    expect(visible).not.toContain(TOKEN);
  });

  it('mode list writes a matrix of the files', async () => {
    ws.write(
      'metrics/b.yaml',
      readFileSync('examples/metrics/support-agent.yaml', 'utf8').replace(AGENT, '65f1a2b3c4d5e6f708192a3c'),
    );
    const result = await runAction(ws.dir, { mode: 'list', config: 'metrics/*.yaml' }, {});
    expect(JSON.parse(result.outputs.matrix ?? '{}').include.map((s: { files: string[] }) => s.files)).toEqual([
      ['metrics/b.yaml'],
      ['metrics/support-agent.yaml'],
    ]);
  });

  describe('fanned out over a matrix (one plan job on the PR, apply slices in another job)', () => {
    const OTHER = '65f1a2b3c4d5e6f708192a3c';
    beforeEach(async () => {
      const seed = await loadSeedFile('examples/emulator-seed.json');
      emu.load({
        agents: [...seed.agents, ...seed.agents.map((agent) => ({ ...agent, _id: OTHER, name: 'Sales agent' }))],
      });
      ws.write(
        'metrics/sales-agent.yaml',
        readFileSync('examples/metrics/support-agent.yaml', 'utf8').replace(AGENT, OTHER),
      );
    });
    const slice = (file: string) => inputs({ config: file });

    it('each slice adds its own outcome to the plan comment, and a re-run replaces only its own', async () => {
      await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics'], 'plan'));
      expect(gh.comments.get(7)).toHaveLength(1);
      const first = await runAction(ws.dir, slice('metrics/support-agent.yaml'), env('push', [], 'apply'));
      const second = await runAction(ws.dir, slice('metrics/sales-agent.yaml'), env('push', [], 'apply'));
      expect([first.errors, second.errors]).toEqual([[], []]);
      expect(first.stdout).not.toContain('no plan comment');
      const body = () => gh.comments.get(7)?.[0]?.body ?? '';
      const blocks = () => body().match(/<!-- atoms-metrics:outcome key=/g)?.length ?? 0;
      expect(blocks()).toBe(2);
      expect(body()).toContain(`\`${AGENT}\``);
      expect(body()).toContain(`\`${OTHER}\``);

      await runAction(ws.dir, slice('metrics/support-agent.yaml'), env('push', [], 'apply'));
      expect(blocks()).toBe(2);
      expect(body()).toContain('➖ no changes');
      expect(body()).toContain('✅ applied');
      expect(gh.comments.get(7)).toHaveLength(1);
    });

    it('two slices finishing at the same moment both keep their section', async () => {
      await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics'], 'plan'));
      reportTiming.settleMs = () => 150;
      await Promise.all([
        runAction(ws.dir, slice('metrics/support-agent.yaml'), env('push', [], 'apply')),
        runAction(ws.dir, slice('metrics/sales-agent.yaml'), env('push', [], 'apply')),
      ]);
      expect(gh.comments.get(7)?.[0]?.body.match(/<!-- atoms-metrics:outcome key=/g)).toHaveLength(2);
    });

    it('a slice still checks the plan the PR was reviewed with, though it runs in another job', async () => {
      await runAction(ws.dir, inputs(), env('pull_request', ['allow-breaking-metrics'], 'plan'));
      const planned = emu.getAgentState(AGENT)?.activeVersionId;
      const dashboard = emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
      const result = await runAction(ws.dir, slice('metrics/support-agent.yaml'), env('push', [], 'apply'));
      expect(result.failed).toBe(true);
      expect(result.stdout).toContain(`it was made against version ${planned}, live is now ${dashboard}`);
    });
  });
});

// The pull-request flow, driven the way the runner drives the action, against the emulator and a fake GitHub.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { findHeader } from '../../src/plan/marker.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { readFileSync } from 'node:fs';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const KEY = 'sk_emulator_key';
const TOKEN = 'ghs_actions_token_abcdef';
let emu: RunningEmulator;
let gh: FakeGitHub;
let ws: Workspace;

function prEvent(labels: string[] = [], fork = false) {
  const path = join(ws.dir, '.event.json');
  writeFileSync(
    path,
    JSON.stringify({
      pull_request: {
        number: 7,
        labels: labels.map((name) => ({ name })),
        head: { repo: { full_name: fork ? 'someone/voice' : 'acme/voice' } },
        base: { repo: { full_name: 'acme/voice' } },
      },
      repository: { default_branch: 'main' },
    }),
  );
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/voice',
    GITHUB_API_URL: gh.url,
    GITHUB_WORKFLOW: 'metrics',
    GITHUB_JOB: 'plan',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    GITHUB_REF: 'refs/pull/7/merge',
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
/** The versioning model the emulator's agents are on; a suite below runs every scenario on both. */
let model: 'v1' | 'v2' = 'v1';
beforeEach(async () => {
  restoreGitHubWaits = instantGitHubWaits();
  const seed = await loadSeedFile('examples/emulator-seed.json');
  emu = await startEmulator({
    versioning: model,
    securityCheckMs: 0,
    seed: { ...seed, options: { ...seed.options, versioning: model } },
  });
  gh = await startFakeGitHub();
  ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
});
afterEach(async () => {
  restoreGitHubWaits();
  await emu.close();
  await gh.close();
  ws.remove();
});

describe.each([
  { model: 'v1' as const, versioning: 'v1', reads: 1 },
  { model: 'v1' as const, versioning: 'auto', reads: 2 },
  { model: 'v2' as const, versioning: 'auto', reads: 2 },
  { model: 'v2' as const, versioning: 'v2', reads: 2 },
])('plan on a pull request ($model agent, versioning $versioning)', ({ model, versioning, reads }) => {
  it('posts one accurate comment, fails on breaking changes, and writes nothing to Atoms', async () => {
    if (model === 'v2') {
      await emu.close();
      const seed = await loadSeedFile('examples/emulator-seed.json');
      emu = await startEmulator({
        versioning: 'v2',
        securityCheckMs: 0,
        seed: { ...seed, options: { ...seed.options, versioning: 'v2' } },
      });
    }
    const live =
      model === 'v1'
        ? emu.getAgentState(AGENT)?.activeVersionId
        : emu.getAgentState(AGENT)?.branches?.[0]?.headRevisionId;
    const result = await runAction(ws.dir, inputs({ versioning }), prEvent());
    expect(result.failed).toBe(true);
    expect(result.errors.at(-1)).toBe(
      "::error::Breaking changes need approval: add the label 'allow-breaking-metrics' to the pull request, or set allow-breaking: true.",
    );
    const comments = gh.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body).toContain('<!-- atoms-metrics:plan workflow=metrics job=plan -->');
    expect(body).toContain('➕ `follow_up_needed`');
    expect(body).toContain('➖ `summary`');
    expect(body).toContain('added `transferred`');
    expect(findHeader(body)?.agents[0]).toMatchObject({ agentId: AGENT, liveVersionId: live });
    if (model === 'v2') expect(body).toMatch(/\(v2 revision 1 of branch Main\)/);
    expect(result.outputs).toMatchObject({
      changed: 'true',
      breaking: 'true',
      'comment-url': `https://github.com/acme/voice/pull/7#issuecomment-${comments[0]?.id}`,
    });
    expect(JSON.parse(result.outputs.plan ?? '{}').agents[0].removed).toEqual(['summary']);
    expect(emu.requests.every((r) => r.method === 'GET')).toBe(true);
    // The live reads, then one page of recent calls (input `insights`, on by default; this seed has no calls).
    expect(emu.requests.filter((r) => r.path !== '/conversation')).toHaveLength(reads);
    expect(emu.requests.filter((r) => r.path === '/conversation')).toHaveLength(1);
    expect(body).not.toContain('What the live metrics produced');
    expect(result.summary).toContain('Post-call metrics plan');
  });
});

describe.each(['v1', 'v2'] as const)('plan on a pull request (%s agents)', (agents) => {
  beforeAll(() => void (model = agents));
  afterAll(() => void (model = 'v1'));

  it('stays one comment across reruns, and passes once the label allows breaking changes', async () => {
    await runAction(ws.dir, inputs(), prEvent());
    const again = await runAction(ws.dir, inputs(), prEvent(['allow-breaking-metrics']));
    expect(again.failed).toBe(false);
    const comments = gh.comments.get(7) ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('allowed by the label `allow-breaking-metrics`');
    await runAction(ws.dir, inputs(), prEvent(['allow-breaking-metrics']));
    expect(gh.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it("a GitHub App's token (whose login /user cannot tell) still keeps one comment, and never takes a human's", async () => {
    const app = inputs({ 'github-token': 'ghs_app_installation_token' });
    await runAction(ws.dir, app, prEvent());
    gh.addComment(7, gh.comments.get(7)?.[0]?.body ?? '', 'a-human');
    await runAction(ws.dir, app, prEvent(['allow-breaking-metrics']));
    await runAction(ws.dir, app, prEvent(['allow-breaking-metrics']));
    const list = gh.comments.get(7) ?? [];
    expect(list.map((c) => c.user.login)).toEqual(['metrics-app[bot]', 'a-human']);
    expect(list[0]?.body).toContain('allowed by the label');
    expect(list[1]?.body).not.toContain('allowed by the label');
  });

  it("after a switch from an App's token to the Actions token, the plan is written fresh rather than left stale on the App's comment", async () => {
    await runAction(ws.dir, inputs({ 'github-token': 'ghs_app_installation_token' }), prEvent());
    const result = await runAction(ws.dir, inputs(), prEvent(['allow-breaking-metrics']));
    expect(result.stdout).not.toContain('::warning::Could not write');
    const list = gh.comments.get(7) ?? [];
    expect(list.map((c) => c.user.login)).toEqual(['metrics-app[bot]', 'github-actions[bot]']);
    expect(list[1]?.body).toContain('allowed by the label');
  });

  it('a GitHub outage while commenting is retried, and once it lasts, a warning; the plan still decides the check', async () => {
    gh.failNext({ method: 'GET', path: /\/user$/, status: 502, times: 2 });
    const recovered = await runAction(
      ws.dir,
      inputs({ 'github-token': 'personal_token' }),
      prEvent(['allow-breaking-metrics']),
    );
    expect(recovered.stdout).not.toContain('::warning::');
    expect(gh.comments.get(7) ?? []).toHaveLength(1);
    expect(gh.requests.filter((r) => r.path === '/user').map((r) => r.status)).toEqual([502, 502, 200]);
    gh.comments.clear();
    gh.failNext({ method: 'GET', path: /\/user$/, status: 502, times: 4 });
    const result = await runAction(
      ws.dir,
      inputs({ 'github-token': 'personal_token' }),
      prEvent(['allow-breaking-metrics']),
    );
    expect(result.failed).toBe(false);
    expect(result.stdout).toContain('::warning::Could not write the pull-request comment');
    expect(gh.comments.get(7) ?? []).toHaveLength(0);
  });

  it('a GitHub that never answers holds the plan up for the plan budget at most, then the verdict stands', async () => {
    const { gitHubTiming } = await import('../../src/github/timing.js');
    const saved = { ...gitHubTiming };
    // The real budget is 45 s and a request's own timeout 30 s; scaled down, the same rule: the budget ends it.
    gitHubTiming.planBudgetMs = 600;
    gitHubTiming.requestTimeoutMs = 5_000;
    gh.hangAll();
    try {
      const started = Date.now();
      const result = await runAction(ws.dir, inputs({ 'github-token': 'personal_token' }), prEvent());
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(gh.hung).toBeGreaterThan(0);
      expect(result.stdout).toContain('GitHub did not answer within 1 s');
      // The verdict is the plan's own: a breaking change without the label fails the check.
      expect(result.failed).toBe(true);
      expect(result.summary).toContain('breaking');
    } finally {
      Object.assign(gitHubTiming, saved);
    }
    expect(gitHubTiming.planBudgetMs).toBe(45_000);
  });

  it('finds its comment on page 3 and never edits a human comment quoting the marker', async () => {
    for (let i = 0; i < 230; i++) gh.addComment(7, `comment ${i}`, 'someone');
    await runAction(ws.dir, inputs(), prEvent());
    const ourFirstBody = gh.comments.get(7)?.at(-1)?.body ?? '';
    gh.addComment(7, ourFirstBody, 'a-human');
    for (let i = 0; i < 30; i++) gh.addComment(7, `more ${i}`, 'someone');
    await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), prEvent());
    const list = gh.comments.get(7) ?? [];
    expect(list.filter((c) => c.user.login === 'github-actions[bot]')).toHaveLength(1);
    expect(list.find((c) => c.user.login === 'a-human')?.body).toBe(ourFirstBody);
    expect(list.find((c) => c.user.login === 'github-actions[bot]')?.body).toContain(
      'allowed by the `allow-breaking` input',
    );
  });

  it('says "no changes" plainly when the files match live', async () => {
    ws.write('metrics/support-agent.yaml', readFileSync('examples/metrics/support-agent.yaml', 'utf8'));
    emu.simulateDashboardChange(AGENT, {
      dispositionMetrics: [
        {
          identifier: 'call_resolved',
          dispositionMetricType: 'BOOLEAN',
          dispositionMetricPrompt: "Was the customer's issue resolved during the call?",
        },
        {
          identifier: 'satisfaction_score',
          dispositionMetricType: 'INTEGER',
          dispositionMetricPrompt:
            'On a scale of 1 to 5, how satisfied was the customer by the end of the call? Answer with a single integer.',
        },
        {
          identifier: 'call_outcome',
          dispositionMetricType: 'ENUM',
          dispositionMetricPrompt: 'What was the outcome of the call?',
          choices: ['resolved', 'escalated', 'callback_scheduled', 'transferred', 'no_action'],
        },
        {
          identifier: 'follow_up_needed',
          dispositionMetricType: 'BOOLEAN',
          dispositionMetricPrompt: 'Did the agent promise the customer a follow-up after the call?',
        },
      ],
    });
    const result = await runAction(ws.dir, inputs(), prEvent());
    expect(result.failed).toBe(false);
    expect(result.outputs.changed).toBe('false');
    expect(gh.comments.get(7)?.[0]?.body).toContain('✅ **No changes.**');
  });

  it('a fork without secrets: validates, skips the live diff with one notice, does not fail', async () => {
    const result = await runAction(ws.dir, { ...inputs(), 'api-key': '' }, prEvent([], true));
    expect(result.failed).toBe(false);
    expect(result.stdout).toContain('::notice::This pull request comes from a fork');
    expect(emu.requests).toHaveLength(0);
  });

  it('a token that cannot comment (403) warns and keeps the plan in the summary', async () => {
    gh.failNext({ method: 'POST', path: /comments$/, status: 403 });
    const result = await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), prEvent());
    expect(result.failed).toBe(false);
    expect(result.stdout).toContain(
      "::warning::Could not write the pull-request comment (403: Resource not accessible by integration): the token needs 'pull-requests: write'. The plan is in the job summary.",
    );
    expect(result.summary).toContain('➕ `follow_up_needed`');
  });

  it("a locked conversation is reported with GitHub's reason, not as a missing permission", async () => {
    gh.failNext({
      method: 'POST',
      path: /comments$/,
      status: 403,
      message: 'Unable to create comment because issue is locked.',
    });
    const result = await runAction(ws.dir, inputs({ 'allow-breaking': 'true' }), prEvent());
    expect(result.failed).toBe(false);
    expect(result.stdout).toContain(
      '::warning::Could not write the pull-request comment: GitHub says "Unable to create comment because issue is locked." The plan is in the job summary.',
    );
    expect(result.stdout).not.toContain('pull-requests: write');
  });

  it('refuses pull_request_target unless enabled', async () => {
    const env = { ...prEvent(), GITHUB_EVENT_NAME: 'pull_request_target' };
    const result = await runAction(ws.dir, inputs(), env);
    expect(result.failed).toBe(true);
    expect(result.errors[0]).toContain('Refusing to run on pull_request_target');
  });

  it('an unknown agent fails with a clear message and no secret anywhere', async () => {
    ws.write(
      'metrics/support-agent.yaml',
      readFileSync('examples/metrics/support-agent.yaml', 'utf8').replace(AGENT, 'aaaaaaaaaaaaaaaaaaaaaaaa'),
    );
    const result = await runAction(ws.dir, inputs(), prEvent());
    expect(result.failed).toBe(true);
    expect(result.stdout).toContain('Agent aaaaaaaaaaaaaaaaaaaaaaaa was not found');
    const everything =
      result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n') +
      result.summary +
      JSON.stringify(result.outputs) +
      JSON.stringify([...gh.comments.values()]);
    expect(everything).not.toContain(KEY);
    expect(everything).not.toContain(TOKEN);
  });
});

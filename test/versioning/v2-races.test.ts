// The branch model on a busy day: people and other runs act between our calls. Each case drives the CLI (runCli) or
// the action against the emulator over HTTP, and checks what is left on the platform, not only what was said.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportTiming } from '../../src/action/apply-step.js';
import { runCli } from '../../src/cli/main.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { recordingIo } from '../support/cli-io.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const KEY = 'sk_emulator_key';
const ANA_KEY = 'sk_ana_key_123456';
const LIVE = {
  dispositionMetrics: [
    { identifier: 'call_resolved', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was it resolved?' },
  ],
};
const FILE = `agentId: "${AGENT}"
postCallAnalyticsConfig:
  dispositionMetrics:
    - identifier: call_resolved
      dispositionMetricType: BOOLEAN
      dispositionMetricPrompt: Was it resolved?
    - identifier: call_outcome
      dispositionMetricType: ENUM
      dispositionMetricPrompt: What was the outcome of the call?
      choices: [resolved, escalated]
`;
const DESIRED = normalizeConfig({
  dispositionMetrics: [
    ...LIVE.dispositionMetrics,
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'What was the outcome of the call?',
      choices: ['resolved', 'escalated'],
    },
  ],
});
const DRAFT_PUT = /^\/agent\/[a-f0-9]{24}\/branches\/[a-f0-9]{24}\/draft$/;
const PUBLISH = /\/draft\/publish$/;

let emu: RunningEmulator;
let ws: Workspace;

async function start(options: EmulatorOptions = {}) {
  emu = await startEmulator({
    versioning: 'v2',
    publishMode: 'sync',
    securityCheckMs: 0,
    keys: { [KEY]: { userId: 'user_ci', name: 'CI Bot' }, [ANA_KEY]: { userId: 'user_ana', name: 'Ana' } },
    seed: { agents: [{ _id: AGENT, versions: [{ label: 'Launch', postCallAnalyticsConfig: LIVE }] }] },
    ...(process.env.EMU_LOG ? { log: (line: string) => console.log(line) } : {}),
    ...options,
  });
}

async function apply(...args: string[]) {
  const cli = recordingIo(ws.dir, { SMALLEST_API_KEY: KEY, ATOMS_API_URL: emu.url });
  const code = await runCli(['apply', '--max-requests-per-second', '0', ...args], cli);
  return { code, out: cli.out, err: cli.err, all: `${cli.out}\n${cli.err}` };
}

/** Ana, a person with her own key, calls the API directly. */
async function asAna(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ANA_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { data?: unknown } };
}

const main = () => emu.getAgentState(AGENT)?.branches?.find((b) => b.name === 'Main');
const liveBranch = () => emu.getAgentState(AGENT)?.branches?.find((b) => b.isLive);
const branchPath = () => `/agent/${AGENT}/branches/${main()?.branchId ?? ''}`;
const writes = (from = 0) => emu.requests.slice(from).filter((r) => r.method !== 'GET');
const publishes = () => emu.requests.filter((r) => PUBLISH.test(r.path));
/** The change went live exactly once and nothing of ours is left open. */
function expectLiveOnce() {
  const branch = main();
  expect(
    branch?.revisions.filter((r) => normalizeConfig(r.postCallAnalyticsConfig).dispositionMetrics.length === 2),
  ).toHaveLength(1);
  expect(
    normalizeConfig(branch?.revisions.find((r) => r._id === branch.headRevisionId)?.postCallAnalyticsConfig),
  ).toEqual(DESIRED);
  expect(branch?.draft).toBeNull();
}

beforeEach(() => {
  ws = makeWorkspace({ 'metrics/agent.yaml': FILE });
});
afterEach(async () => {
  await emu?.close();
  ws.remove();
});

describe('1. a run that stopped half-way never blocks the next: it resumes or replaces its own leftover', () => {
  it('the draft PUT takes effect but every retry answers 502, and so does the discard: the re-run resumes the draft', async () => {
    await start();
    emu.injectFault({ method: 'PUT', path: DRAFT_PUT, status: 502, afterEffect: true, times: 20 });
    emu.injectFault({ method: 'DELETE', path: DRAFT_PUT, status: 502, times: 20 });
    const first = await apply();
    expect(first.code).toBe(1);
    expect(main()?.draft).not.toBeNull();
    emu.clearFaults();
    const again = await apply();
    expect(again.code).toBe(0);
    expect(again.all).toContain('resumed the draft an earlier run left');
    expect(again.all).toContain('verified: live metrics match the file');
    expectLiveOnce();
  });

  it('publish answers 403: our draft (ours alone) is taken back, and the re-run applies', async () => {
    await start();
    emu.injectFault({ method: 'POST', path: PUBLISH, status: 403 });
    const first = await apply();
    expect(first.code).toBe(1);
    expect(first.all).toContain('Our draft (holding only this change) was discarded');
    expect((await apply()).code).toBe(0);
    expectLiveOnce();
  });

  it('publish answers 403 and the discard fails too: the re-run resumes the leftover', async () => {
    await start();
    emu.injectFault({ method: 'POST', path: PUBLISH, status: 403 });
    emu.injectFault({ method: 'DELETE', path: DRAFT_PUT, status: 403, times: 20 });
    expect((await apply()).code).toBe(1);
    emu.clearFaults();
    const again = await apply();
    expect(again.all).toContain('resumed the draft an earlier run left');
    expectLiveOnce();
  });

  it('a leftover of ours whose head moved under it (a restore leaves the draft slot alone): discarded and written afresh on the new head, never published over it', async () => {
    await start();
    emu.injectFault({ method: 'POST', path: PUBLISH, status: 403 });
    emu.injectFault({ method: 'DELETE', path: DRAFT_PUT, status: 403, times: 20 });
    expect((await apply()).code).toBe(1);
    emu.clearFaults();
    const leftover = main()?.draft?.draftId;
    // A new head on the live branch that keeps the prompt but not the leftover's base: publishing the old draft would revert it.
    emu.simulateDashboardChange(AGENT, { ...LIVE, useReasoningModel: true });
    const again = await apply();
    expect(again.all).toContain('discarded the draft an earlier run left: it was opened from revision');
    expect(again.code).toBe(0);
    const branch = main();
    expect(branch?.revisions).toHaveLength(3);
    expect(normalizeConfig(branch?.revisions.at(-1)?.postCallAnalyticsConfig)).toEqual(DESIRED);
    expect(branch?.draft).toBeNull();
    expect(leftover).toBeTruthy();
  });

  it("someone's draft whose head moved under it is refused, and left as it is", async () => {
    await start();
    await asAna('PUT', `${branchPath()}/draft`, { globalPrompt: 'Ana prompt' });
    emu.simulateDashboardChange(AGENT, { ...LIVE, useReasoningModel: true });
    const before = emu.requests.length;
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.all).toContain('opened from revision');
    expect(run.all).toContain('Ana (workflow_prompt');
    expect(writes(before)).toEqual([]);
    expect(main()?.draft?.editHistory.map((e) => e.editorName)).toEqual(['Ana']);
  });

  it('a 423 freeze outlasts the wait on publish: "re-run when the window is over" is true', async () => {
    await start();
    emu.injectFault({
      method: 'POST',
      path: PUBLISH,
      status: 423,
      body: { status: false, error_type: 'config_freeze_active', errors: ['frozen'] },
      times: 100,
    });
    emu.injectFault({
      method: 'DELETE',
      path: DRAFT_PUT,
      status: 423,
      body: { status: false, error_type: 'config_freeze_active', errors: ['frozen'] },
      times: 100,
    });
    const first = await runWithFreezeBudget();
    expect(first.code).toBe(1);
    expect(first.all).toContain('re-run when the window is over');
    emu.clearFaults();
    expect((await apply()).code).toBe(0);
    expectLiveOnce();
  });

  it('the scan outlasts the run and then errors: the re-run writes the draft again, publishes, and it goes live once', async () => {
    await start({ publishMode: 'async', securityCheckMs: 1500 });
    emu.failNextSecurityCheck('scanner unavailable', AGENT, 'errored');
    const first = await apply('--security-check-timeout', '1');
    expect(first.code).toBe(1);
    expect(first.all).toContain('Re-run to resume');
    await new Promise((resolve) => setTimeout(resolve, 1600));
    emu.setSecurityCheckMs(0);
    const again = await apply();
    expect(again.all).toContain('its scan errored; writing it again');
    expect(again.code).toBe(0);
    expectLiveOnce();
  });

  it('the scan outlasts the run and then fails: the re-run says the scan failed this change, discards its own draft, publishes nothing', async () => {
    await start({ publishMode: 'async', securityCheckMs: 1500 });
    emu.failNextSecurityCheck('prompt injection suspected', AGENT, 'failed');
    expect((await apply('--security-check-timeout', '1')).code).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const before = publishes().length;
    const again = await apply();
    expect(again.code).toBe(1);
    expect(again.all).toContain('security scan failed the change');
    expect(again.all).toContain('prompt injection suspected');
    expect(publishes()).toHaveLength(before);
    expect(main()?.draft).toBeNull();
    expect(main()?.revisions).toHaveLength(1);
  });

  it("a leftover holding an earlier version of the file's metrics is replaced (known from git), a person's metrics-only draft is refused", async () => {
    await start();
    const earlier = normalizeConfig({
      dispositionMetrics: [
        ...LIVE.dispositionMetrics,
        { identifier: 'old_metric', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'Old?' },
      ],
    });
    await asAna('PUT', `${branchPath()}/draft`, {
      postCallAnalyticsConfig: {
        dispositionMetrics: [
          { identifier: 'anas_metric', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'Hers' },
        ],
      },
    });
    const refused = await apply();
    expect(refused.code).toBe(1);
    expect(refused.all).toContain("someone's unpublished work (edited by Ana (analytics");
    expect(refused.all).toContain('neither this change nor an earlier version of the file');
    expect(main()?.draft?.editHistory).toHaveLength(1);

    // The same, when git knows the draft's metrics as an earlier version of the file: an earlier run of ours left it.
    await asAna('DELETE', `${branchPath()}/draft`);
    await asAna('PUT', `${branchPath()}/draft`, { postCallAnalyticsConfig: earlier });
    const { execFileSync } = await import('node:child_process');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: ws.dir });
    git('init', '-q');
    writeFileSync(
      join(ws.dir, 'metrics/agent.yaml'),
      FILE.replace('call_outcome', 'old_metric')
        .replace('What was the outcome of the call?', 'Old?')
        .replace(/\n {6}choices: \[resolved, escalated\]/, '')
        .replace('ENUM', 'STRING'),
    );
    git('add', '.');
    git('commit', '-qm', 'earlier');
    writeFileSync(join(ws.dir, 'metrics/agent.yaml'), FILE);
    git('commit', '-qam', 'now');
    const replaced = await apply();
    expect(replaced.all).toContain('replacing the draft an earlier run left');
    expect(replaced.code).toBe(0);
    expectLiveOnce();
  });
});

/** The CLI has no input for the freeze budget; a short one through the environment would be a test-only knob, so
 * the 423 case runs the flow in-process with the same client, the way apply-command builds it. */
async function runWithFreezeBudget() {
  const { applyAll } = await import('../../src/apply/apply-all.js');
  const { AtomsClient } = await import('../../src/atoms/client.js');
  const lines: string[] = [];
  const [result] = await applyAll(
    [
      {
        agentId: AGENT,
        file: 'metrics/agent.yaml',
        desired: DESIRED,
        commitSha: 'local',
        label: 'x',
        description: 'x',
      },
    ],
    {
      api: new AtomsClient({ apiKey: KEY, baseUrl: emu.url }),
      sleep: async () => {},
      now: (() => {
        let t = 0;
        return () => (t += 10_000);
      })(),
      log: (line) => lines.push(line),
      securityCheckTimeoutMs: 60_000,
      onLiveChanged: 'apply',
      concurrency: 1,
      freezeWaitMs: 30_000,
    },
  );
  return { code: result?.status === 'failed' ? 1 : 0, all: `${lines.join('\n')}\n${result?.error ?? ''}` };
}

describe("2. someone else's content never goes out under our label", () => {
  it('someone edits the analytics in our draft after our PUT: nothing is published and the draft is left as it is', async () => {
    await start();
    emu.act({ method: 'PUT', path: DRAFT_PUT, action: 'edit-draft', arg: 'analytics', by: 'Ana' });
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.all).toContain('the draft no longer holds exactly metrics/agent.yaml');
    expect(run.all).toContain('Ana (analytics');
    expect(publishes()).toHaveLength(0);
    const draft = main()?.draft;
    expect(draft?.editHistory.map((e) => e.editorName)).toEqual(['CI Bot', 'Ana']);
    expect(normalizeConfig(draft?.postCallAnalyticsConfig).useReasoningModel).toBe(true);
    expect(main()?.revisions).toHaveLength(1);
  });

  it("a second PR's run writes its own metrics into the draft between our PUT and our publish: we stop; theirs stays", async () => {
    await start();
    let done = false;
    emu.onRequest(({ method, path }) => {
      if (done || method !== 'GET' || !path.endsWith('/draft')) return;
      done = true;
      // Synchronous, before the check's reads are answered: the other run's PUT lands between ours and our publish.
      emu.openForeignDraft(AGENT, {
        editorName: 'Run of #12',
        changedSections: ['analytics'],
        config: { ...LIVE, useReasoningModel: true },
      });
    });
    const run = await apply();
    expect(run.code).toBe(1);
    expect(publishes()).toHaveLength(0);
    expect(run.all).toContain('Run of #12 (analytics');
    expect(normalizeConfig(main()?.draft?.postCallAnalyticsConfig)).toEqual(
      normalizeConfig({ ...LIVE, useReasoningModel: true }),
    );
  });

  it('someone edits the prompt in the instant between our last check and the publish: the run says their edit went out with our label and fails', async () => {
    await start();
    emu.act({ method: 'GET', path: /\/diff$/, action: 'edit-draft', arg: 'workflow_prompt', by: 'Ana' });
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.all).toContain('it also changed workflow_prompt');
    expect(run.all).not.toContain('verified');
  });
});

describe("3. other people's drafts are never discarded or rewritten", () => {
  it("someone's publish fails its scan while we wait for it: their draft stays untouched, the failure is theirs", async () => {
    await start({ publishMode: 'async', securityCheckMs: 300 });
    emu.failNextSecurityCheck('prompt injection suspected', AGENT, 'failed');
    await asAna('PUT', `${branchPath()}/draft`, { globalPrompt: 'You are a helpful agent (Ana)' });
    expect((await asAna('POST', `${branchPath()}/draft/publish`, { label: 'Ana prompt' })).status).toBe(202);
    const before = emu.requests.length;
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.all).toContain("someone else's publish on branch Main");
    expect(run.all).toContain('prompt injection suspected');
    expect(run.all).toContain('Their draft stays open and untouched');
    expect(run.all).not.toContain('security scan failed the change');
    expect(writes(before)).toEqual([]);
    expect(main()?.draft?.editHistory.map((e) => e.editorName)).toEqual(['Ana']);
  });

  it("someone's publish in flight goes live while we wait: the run reads the branch again and applies over it", async () => {
    await start({ publishMode: 'async', securityCheckMs: 300 });
    await asAna('PUT', `${branchPath()}/draft`, { globalPrompt: 'You are a helpful agent (Ana)' });
    await asAna('POST', `${branchPath()}/draft/publish`, { label: 'Ana prompt' });
    const run = await apply();
    expect(run.all).toContain('their publish went live');
    expect(run.code).toBe(0);
    expect(main()?.revisions).toHaveLength(3);
    expectLiveOnce();
  });

  it('a person publishes our draft and opens a new one: hers is neither discarded nor rewritten, and live already holds the file', async () => {
    await start();
    emu.act({ method: 'PUT', path: DRAFT_PUT, action: 'publish-draft', by: 'Dana' });
    emu.act({ method: 'PUT', path: DRAFT_PUT, action: 'edit-draft', arg: 'workflow_prompt', by: 'Dana' });
    const run = await apply();
    expect(run.all).toContain('left as it is');
    expect(run.all).toContain('already matches');
    expect(run.code).toBe(0);
    expect(main()?.draft?.editHistory.map((e) => e.editorName)).toEqual(['Dana']);
    expect(emu.requests.filter((r) => r.method === 'DELETE' || r.method === 'PUT')).toHaveLength(1);
    expect(publishes()).toHaveLength(0);
  });

  it("someone's prompt edit joins our draft: we never take our edit back out by rewriting, nor discard the draft", async () => {
    await start();
    emu.act({ method: 'PUT', path: DRAFT_PUT, action: 'edit-draft', arg: 'workflow_prompt', by: 'Ana' });
    const run = await apply();
    expect(run.code).toBe(1);
    expect(emu.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    expect(emu.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(main()?.draft?.editHistory.map((e) => e.editorName)).toEqual(['CI Bot', 'Ana']);
  });
});

describe('4. "verified" only when it is true', () => {
  it('another branch is made live during our scan: the run says what is live and fails', async () => {
    await start({ publishMode: 'async', securityCheckMs: 200 });
    emu.act({ method: 'POST', path: PUBLISH, action: 'make-live', arg: 'hotfix', by: 'Ana' });
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.all).toContain('branch hotfix was made live meanwhile');
    expect(run.all).not.toContain('verified: live metrics match');
    expect(liveBranch()?.name).toBe('hotfix');
  });

  it("someone's revision lands right after ours and keeps our metrics: verified, and said so", async () => {
    await start();
    emu.act({ method: 'POST', path: PUBLISH, action: 'publish-edit', arg: 'workflow_prompt', by: 'Ana' });
    const run = await apply();
    expect(run.code).toBe(0);
    expect(run.all).toContain('published after it by Ana, is live now and still holds the metrics');
    expect(run.all).toContain('verified: live metrics match the file');
  });

  it("someone's revision lands right after ours with other metrics: not verified", async () => {
    await start();
    emu.act({ method: 'POST', path: PUBLISH, action: 'publish-edit', arg: 'analytics', by: 'Ana' });
    const run = await apply();
    expect(run.code).toBe(1);
    expect(run.all).toContain('with metrics that differ from metrics/agent.yaml');
    expect(run.all).not.toContain('verified: live metrics match');
  });
});

describe('the action, as the runner runs it', () => {
  const SHA = 'c0ffee0000000000000000000000000000000001';
  let gh: FakeGitHub;
  let restore = () => {};
  beforeEach(async () => {
    restore = instantGitHubWaits();
    reportTiming.settleMs = () => 5;
    gh = await startFakeGitHub();
    gh.branches.set('main', SHA);
    gh.pullsOfCommit.set(SHA, [{ number: 9, title: 'Track outcomes', merged_at: '2026-12-01T10:00:00Z', labels: [] }]);
  });
  afterEach(async () => {
    restore();
    await gh.close();
  });
  const push = () => {
    const path = join(ws.dir, '.event.json');
    writeFileSync(path, JSON.stringify({ ref: 'refs/heads/main', after: SHA, repository: { default_branch: 'main' } }));
    return {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: path,
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: SHA,
      GITHUB_REPOSITORY: 'acme/voice',
      GITHUB_API_URL: gh.url,
      GITHUB_WORKFLOW: 'metrics',
      GITHUB_JOB: 'apply',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '44',
    };
  };
  const inputs = () => ({
    'api-key': KEY,
    'api-url': emu.url,
    'github-token': 'ghs_token_abcdef',
    config: 'metrics/*.yaml',
    mode: 'apply',
    'max-requests-per-second': '0',
  });

  it("someone else's failed scan is not recorded as this change's: the next run, once their draft is gone, applies", async () => {
    await start({ publishMode: 'async', securityCheckMs: 1500 });
    emu.failNextSecurityCheck('prompt injection suspected', AGENT, 'failed');
    await asAna('PUT', `${branchPath()}/draft`, { globalPrompt: 'Ana prompt' });
    await asAna('POST', `${branchPath()}/draft/publish`, {});
    const first = await runAction(ws.dir, inputs(), push());
    expect(first.failed).toBe(true);
    expect(first.summary).toContain("someone else's publish");
    expect(first.summary).not.toContain('security scan failed the change');
    await asAna('DELETE', `${branchPath()}/draft`);
    emu.setSecurityCheckMs(0);
    const again = await runAction(ws.dir, inputs(), push());
    expect(again.errors).toEqual([]);
    expectLiveOnce();
  });

  it('another branch made live during the scan fails the job and the summary names what is live', async () => {
    await start({ publishMode: 'async', securityCheckMs: 200 });
    emu.act({ method: 'POST', path: PUBLISH, action: 'make-live', arg: 'hotfix' });
    const run = await runAction(ws.dir, inputs(), push());
    expect(run.failed).toBe(true);
    expect(run.summary).toContain('branch hotfix was made live meanwhile');
    expect(run.summary).not.toContain('verified: live metrics match');
  });
});

describe('rollback says "verified" only when it is true', () => {
  it.each([
    { scope: 'whole revision (restore)', args: ['--whole-revision'], path: /\/restore$/ },
    { scope: 'metrics only (publish)', args: [], path: PUBLISH },
  ])('another branch made live during the $scope: the rollback says what is live and fails', async ({ args, path }) => {
    await start({
      seed: {
        agents: [
          {
            _id: AGENT,
            versions: [
              { label: 'One', postCallAnalyticsConfig: DESIRED },
              { label: 'Two', postCallAnalyticsConfig: LIVE },
            ],
          },
        ],
      },
    });
    emu.act({ method: 'POST', path, action: 'make-live', arg: 'hotfix', by: 'Ana' });
    const cli = recordingIo(ws.dir, { SMALLEST_API_KEY: KEY, ATOMS_API_URL: emu.url });
    const code = await runCli(['rollback', AGENT, '--yes', '--allow-breaking', ...args], cli);
    const all = `${cli.out}\n${cli.err}`;
    expect(code).toBe(1);
    expect(all).toContain('branch hotfix was made live meanwhile');
    expect(all).not.toContain('verified: live metrics match');
  });
});

describe('a metrics-only rollback owns drafts as apply does', () => {
  it("someone's open draft on the live branch: the rollback writes nothing into it, publishes nothing, and says whose it is", async () => {
    await start({
      seed: {
        agents: [
          {
            _id: AGENT,
            versions: [
              { label: 'One', postCallAnalyticsConfig: DESIRED },
              { label: 'Two', postCallAnalyticsConfig: LIVE },
            ],
            drafts: [{ editorName: 'Ana', changedSections: ['workflow_prompt'] }],
          },
        ],
      },
    });
    const cli = recordingIo(ws.dir, { SMALLEST_API_KEY: KEY, ATOMS_API_URL: emu.url });
    const code = await runCli(['rollback', AGENT, '--yes', '--allow-breaking'], cli);
    expect(code).toBe(1);
    expect(cli.out).toContain("has an open draft with someone's unpublished work (edited by Ana");
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(emu.getAgentState(AGENT)?.branches?.[0]?.draft).not.toBeNull();
  });
});

describe.each([
  { diffPaths: 'indexed', metricsLocation: 'analytics' },
  { diffPaths: 'indexed', metricsLocation: 'analytics.postCallAnalyticsConfig' },
  { diffPaths: 'leaf', metricsLocation: 'postCallAnalyticsConfig' },
] as const)('whatever diff paths the platform answers ($diffPaths, metrics at $metricsLocation)', (switches) => {
  it("applies and verifies; a leftover of ours is resumed; a person's analytics edit is refused", async () => {
    await start(switches);
    emu.injectFault({ method: 'POST', path: PUBLISH, status: 403 });
    emu.injectFault({ method: 'DELETE', path: DRAFT_PUT, status: 403, times: 20 });
    expect((await apply()).code).toBe(1);
    emu.clearFaults();
    const resumed = await apply();
    expect(resumed.all).toContain('resumed the draft an earlier run left');
    expect(resumed.all).toContain('verified: live metrics match the file');
    expectLiveOnce();

    writeFileSync(join(ws.dir, 'metrics/agent.yaml'), FILE.replace('call_outcome', 'call_topic'));
    emu.act({ method: 'PUT', path: DRAFT_PUT, action: 'edit-draft', arg: 'analytics', by: 'Ana' });
    const refused = await apply('--allow-breaking');
    expect(refused.code).toBe(1);
    expect(refused.all).toContain('Ana (analytics');
    expect(publishes().filter((r) => r.status < 300)).toHaveLength(1);
  });
});

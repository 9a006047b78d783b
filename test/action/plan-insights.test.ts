// The plan step with recent-call insights, driven the way the runner drives the action, against the emulator and a fake GitHub.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { getInputs, InputError } from '../../src/action/inputs.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const HOUR = 3_600_000;
let emu: RunningEmulator;
let gh: FakeGitHub;
let ws: Workspace;

function prEvent(labels: string[]) {
  const path = join(ws.dir, '.event.json');
  writeFileSync(
    path,
    JSON.stringify({
      pull_request: {
        number: 7,
        labels: labels.map((name) => ({ name })),
        head: { repo: { full_name: 'acme/voice' } },
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
    GITHUB_REF: 'refs/pull/7/merge',
  };
}
const inputs = (extra: Record<string, string> = {}) => ({
  'api-key': emu.apiKey,
  'api-url': emu.url,
  'github-token': 'ghs_token',
  config: 'metrics/*.yaml',
  'max-requests-per-second': '0',
  ...extra,
});

beforeEach(async () => {
  // Calls are dated against the real clock here: the action reads `Date.now()`.
  emu = await startEmulator({
    versioning: 'v2',
    securityCheckMs: 0,
    seed: await loadSeedFile('examples/emulator-seed.json'),
  });
  gh = await startFakeGitHub();
  ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
});
afterEach(async () => {
  await emu.close();
  await gh.close();
  ws.remove();
});

/** 20 calls: `summary` has a value on 19 of them (95 %), `call_outcome` answered `callback` (outside choices) on 4. */
function addCalls() {
  const now = Date.now();
  emu.addCalls(
    Array.from({ length: 20 }, (_, i) => ({
      agentId: AGENT,
      createdAt: now - (i + 1) * HOUR,
      values: {
        call_resolved: i % 2 === 0 ? 'true' : 'false',
        satisfaction_score: String(1 + (i % 5)),
        call_outcome: i < 4 ? 'callback' : 'resolved',
        summary: i === 0 ? '' : 'billing question',
      },
    })),
  );
  emu.addCalls([{ agentId: AGENT, createdAt: now - 2 * HOUR, isTest: true, values: { summary: 'test call' } }]);
}

describe('plan with insights', () => {
  it('puts the blast radius next to the change and a section per agent in the comment and the job summary', async () => {
    addCalls();
    const result = await runAction(ws.dir, inputs(), prEvent(['allow-breaking-metrics']));
    expect(result.failed).toBe(false);
    const body = gh.comments.get(7)?.[0]?.body ?? '';
    for (const text of [body, result.summary]) {
      expect(text).toContain(
        '  - 📈 removing `summary`: it had a value on 95 % of the 20 analysed calls of the last day',
      );
      expect(text).toContain('#### 📈 What the live metrics produced on recent calls');
      expect(text).toContain('— 20 calls on the live version over 1 day</summary>');
      expect(text).toContain(
        '| `call_outcome` | ENUM | 100 % | 0 % | 0 % | `resolved` 80 % · `escalated` 0 % · `callback_scheduled` 0 % · `no_action` 0 % · outside choices 20 % (`callback` 20 %) |',
      );
      expect(text).toContain('Left out: 1 test call.');
    }
    expect(emu.requests.filter((r) => r.path === '/conversation')).toHaveLength(1);
  });

  it('says in the comment when every call is on an earlier revision: none on the live one yet, and how many were left out', async () => {
    const now = Date.now();
    emu.addCalls(
      Array.from({ length: 12 }, (_, i) => ({
        agentId: AGENT,
        versionId: 'a'.repeat(24),
        createdAt: now - (i + 1) * HOUR,
        values: { call_resolved: 'true' },
      })),
    );
    await runAction(ws.dir, inputs(), prEvent(['allow-breaking-metrics']));
    const body = gh.comments.get(7)?.[0]?.body ?? '';
    expect(body).toContain('#### 📈 What the live metrics produced on recent calls');
    expect(body).toContain(
      `📈 <code>${AGENT}</code> · <code>metrics/support-agent.yaml</code> — no calls on the live version yet; 12 calls on other versions or revisions were left out.`,
    );
  });

  it('is switched off by `insights: false`: no calls are read', async () => {
    addCalls();
    await runAction(ws.dir, inputs({ insights: 'false' }), prEvent(['allow-breaking-metrics']));
    expect(emu.requests.filter((r) => r.path === '/conversation')).toEqual([]);
    expect(gh.comments.get(7)?.[0]?.body).not.toContain('📈');
  });

  it('turns a failure to read calls into a warning in the comment and the log, never a failed plan', async () => {
    emu.injectFault({ path: '/conversation', status: 403, times: 10 });
    const result = await runAction(ws.dir, inputs(), prEvent(['allow-breaking-metrics']));
    expect(result.failed).toBe(false);
    expect(result.stdout).toMatch(
      /::warning::65f1a2b3c4d5e6f708192a3b \(metrics\/support-agent\.yaml\): Could not read recent calls: .*403/,
    );
    expect(gh.comments.get(7)?.[0]?.body).toMatch(
      /⚠️ `65f1a2b3c4d5e6f708192a3b`: Could not read recent calls: .*The plan itself is complete\./,
    );
  });

  it('reads the window inputs, and refuses values out of range', () => {
    expect(getInputs({})).toMatchObject({ insights: true, insightsCalls: 500, insightsDays: 14 });
    expect(
      getInputs({ INPUT_INSIGHTS: 'false', 'INPUT_INSIGHTS-CALLS': '1500', 'INPUT_INSIGHTS-DAYS': '90' }),
    ).toMatchObject({ insights: false, insightsCalls: 1500, insightsDays: 90 });
    expect(() => getInputs({ 'INPUT_INSIGHTS-CALLS': '1501' })).toThrow(
      new InputError("Input 'insights-calls' must be a whole number from 1 to 1500, got '1501'."),
    );
    expect(() => getInputs({ 'INPUT_INSIGHTS-DAYS': '0' })).toThrow(InputError);
  });
});

// The runner as it really ends a job: the built CLI in a child process, killed outright or cancelled (SIGINT, then
// SIGTERM 7.5 s later), against the emulator. What it leaves, the next run must finish; after a cancel, no write.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { recordingIo } from '../support/cli-io.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const CLI = resolve('dist/cli.js');
const AGENT = '65f1a2b3c4d5e6f708192a3b';
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
      dispositionMetricType: STRING
      dispositionMetricPrompt: What was the outcome of the call, in a few words?
`;
const DRAFT = /^\/agent\/[a-f0-9]{24}\/branches\/[a-f0-9]{24}\/draft$/;
const GRACE_MS = 7_500;

let emu: RunningEmulator;
let ws: Workspace;
/** Every request as it arrives (the emulator records at answer time; a cancel is about what starts). */
let arrivals: { method: string; path: string; at: number }[];

beforeEach(async () => {
  emu = await startEmulator({
    versioning: 'v2',
    publishMode: 'sync',
    securityCheckMs: 0,
    seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: LIVE }] }] },
  });
  arrivals = [];
  emu.onRequest(({ method, path }) => arrivals.push({ method, path, at: Date.now() }));
  ws = makeWorkspace({ 'metrics/agent.yaml': FILE });
});
afterEach(async () => {
  await emu.close();
  ws.remove();
});

function startApply(): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  // A runner's environment: no proxy variables, nothing of this machine's beyond PATH and HOME.
  const child = spawn(process.execPath, [CLI, 'apply', '--max-requests-per-second', '0'], {
    cwd: ws.dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SMALLEST_API_KEY: emu.apiKey,
      ATOMS_API_URL: emu.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => text, exited };
}

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const main = () => emu.getAgentState(AGENT)?.branches?.[0];

async function rerunInProcess() {
  const io = recordingIo(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
  const code = await runCli(['apply', '--max-requests-per-second', '0'], io);
  return { code, all: `${io.out}\n${io.err}` };
}

function expectLiveOnce() {
  const branch = main();
  expect(branch?.revisions).toHaveLength(2);
  expect(
    normalizeConfig(branch?.revisions.at(-1)?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier),
  ).toEqual(['call_resolved', 'call_outcome']);
  expect(branch?.headRevisionId).toBe(branch?.revisions.at(-1)?._id);
  expect(branch?.draft).toBeNull();
}

describe('the runner ends the job', () => {
  it('lost right after the draft PUT (killed, no chance to tidy): the next run resumes that draft and publishes once', async () => {
    // The PUT takes effect, its answer never comes in time: the runner dies while waiting for it.
    emu.injectFault({ method: 'PUT', path: DRAFT, status: 502, afterEffect: true, delayMs: 60_000 });
    const run = startApply();
    await until(() => main()?.draft !== null, 'the draft PUT to take effect');
    run.child.kill('SIGKILL');
    await run.exited;
    emu.clearFaults();
    const again = await rerunInProcess();
    expect(again.code).toBe(0);
    expect(again.all).toContain('resumed the draft an earlier run left');
    expectLiveOnce();
  });

  it('cancelled (SIGINT) while a slow answer is in flight: no write starts after it, it ends well inside the grace period and says where things stand', async () => {
    emu.injectFault({ method: 'PUT', path: DRAFT, status: 502, afterEffect: true, delayMs: 20_000 });
    const run = startApply();
    await until(() => main()?.draft !== null, 'the draft PUT to take effect');
    // What arrived before the signal, by count: a request and the signal can share a millisecond.
    const arrivedBefore = arrivals.length;
    const cancelledAt = Date.now();
    run.child.kill('SIGINT');
    const term = setTimeout(() => run.child.kill('SIGTERM'), GRACE_MS);
    const code = await run.exited;
    clearTimeout(term);
    const said = run.output();
    expect(Date.now() - cancelledAt, said).toBeLessThan(GRACE_MS);
    expect(code, said).toBe(1);
    expect(
      arrivals.slice(arrivedBefore).filter((r) => r.method !== 'GET'),
      said,
    ).toEqual([]);
    expect(said).toContain('no new request starts');
    expect(said).toContain('the next run resumes it if it holds only this change');
    emu.clearFaults();
    const again = await rerunInProcess();
    expect(again.code).toBe(0);
    expectLiveOnce();
  });

  it('cancelled during a 423 freeze wait: the retry loop stops at once, no PUT after the signal', async () => {
    emu.injectFault({
      method: 'PUT',
      path: DRAFT,
      status: 423,
      body: { status: false, error_type: 'config_freeze_active', errors: ['Agent config is frozen'] },
      times: 1000,
    });
    const run = startApply();
    await until(() => arrivals.some((r) => r.method === 'PUT'), 'the first frozen PUT');
    await new Promise((r) => setTimeout(r, 300));
    const arrivedBefore = arrivals.length;
    const cancelledAt = Date.now();
    run.child.kill('SIGINT');
    const code = await run.exited;
    expect(Date.now() - cancelledAt).toBeLessThan(3_000);
    expect(code).toBe(1);
    expect(arrivals.slice(arrivedBefore).filter((r) => r.method === 'PUT')).toEqual([]);
    expect(arrivals.filter((r) => r.method === 'PUT').length).toBeLessThanOrEqual(2);
    expect(run.output()).toMatch(/cancelled before the draft write|was not sent: the run was cancelled/);
  });
});

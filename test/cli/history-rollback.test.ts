// history and rollback through the CLI's own entry (runCli), on both versioning models, against the emulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const OLD = { dispositionMetrics: [{ identifier: 'call_resolved', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was the issue resolved?' }] };
const NEW = { dispositionMetrics: [...OLD.dispositionMetrics, { identifier: 'follow_up', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was a follow-up promised?' }] };
let emu: RunningEmulator;
let ws: Workspace;

afterEach(async () => {
  await emu.close();
  ws.remove();
});

const liveMetrics = (model: 'v1' | 'v2') => {
  const state = emu.getAgentState(AGENT);
  const live = model === 'v1' ? state?.versions.find((v) => v.isActive) : state?.branches?.[0]?.revisions.find((r) => r._id === state?.branches?.[0]?.headRevisionId);
  return normalizeConfig(live?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier);
};

describe.each(['v1', 'v2'] as const)('history and rollback on %s', (model) => {
  it('history names the model and marks live; rollback shows a plan, writes nothing without --yes, and goes back with it', async () => {
    emu = await startEmulator({ versioning: model, securityCheckMs: 0, seed: { agents: [{ _id: AGENT, versions: [{ label: 'first', postCallAnalyticsConfig: OLD }, { label: 'second', isActive: true, postCallAnalyticsConfig: NEW }] }] } });
    ws = makeWorkspace({ 'metrics/a.yaml': `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n` });
    const env = { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url };

    const history = io(ws.dir, env);
    expect(await runCli(['history', 'metrics/a.yaml'], history)).toBe(0);
    expect(history.out).toContain(model === 'v1' ? `${AGENT}: v1 versions, newest first` : `${AGENT}: v2 revisions of live branch Main, newest first`);
    expect(history.out).toMatch(/^\*\s+2\s/m);
    expect(history.out).toContain('"first"');

    const planned = io(ws.dir, env);
    expect(await runCli(['rollback', AGENT], planned)).toBe(0);
    expect(planned.out).toContain('- follow_up');
    expect(planned.out).toContain('Nothing was changed; run again with --yes');
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(liveMetrics(model)).toEqual(['call_resolved', 'follow_up']);

    const done = io(ws.dir, env);
    expect(await runCli(['rollback', AGENT, '--yes'], done)).toBe(0);
    expect(done.out).toContain(model === 'v1' ? 'Rolled back: v1 version 1' : 'Rolled back: v2 revision 3');
    expect(liveMetrics(model)).toEqual(['call_resolved']);

    const json = io(ws.dir, env);
    expect(await runCli(['history', AGENT, '--format', 'json'], json)).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ model, agentId: AGENT });
  });

  it('refuses a target whose security scan failed', async () => {
    emu = await startEmulator({ versioning: model, securityCheckMs: 0, seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: OLD, securityCheck: { status: 'failed', reason: 'flagged' } }, { isActive: true, postCallAnalyticsConfig: NEW }] }] } });
    ws = makeWorkspace({});
    const run = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['rollback', AGENT, '--to', '1', '--yes'], run)).toBe(1);
    expect(run.out).toContain('failed the platform');
    expect(run.out).toContain('flagged');
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});

it('a v2 restore whose scan fails does not go live, and the rollback says so', async () => {
  emu = await startEmulator({ versioning: 'v2', securityCheckMs: 0, scanOutcome: 'failed', scanReason: 'flagged', seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: OLD }, { isActive: true, postCallAnalyticsConfig: NEW }] }] } });
  ws = makeWorkspace({});
  const run = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
  expect(await runCli(['rollback', AGENT, '--yes', '--security-check-timeout', '1'], run)).toBe(1);
  expect(run.out).toContain('the restore did not go live within 1 s');
  expect(liveMetrics('v2')).toEqual(['call_resolved', 'follow_up']);
});

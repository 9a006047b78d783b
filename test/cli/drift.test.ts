// `atoms-metrics drift` through the CLI's own entry, against the v2 emulator: exit 0 in sync, exit 1 after a dashboard edit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const METRIC = {
  identifier: 'call_resolved',
  dispositionMetricType: 'BOOLEAN' as const,
  dispositionMetricPrompt: "Was the customer's issue resolved during the call?",
};
let emu: RunningEmulator;
let ws: Workspace;

beforeEach(async () => {
  emu = await startEmulator({
    securityCheckMs: 0,
    seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: { dispositionMetrics: [METRIC] } }] }] },
  });
  ws = makeWorkspace({ 'metrics/support.yaml': VALID_YAML });
});
afterEach(async () => {
  await emu.close();
  ws.remove();
});

describe('atoms-metrics drift', () => {
  it('exits 0 in sync, 1 after a dashboard edit, with the live revision, who and the ways out; --format json', async () => {
    const env = { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url };
    const clean = io(ws.dir, env);
    expect(await runCli(['drift'], clean)).toBe(0);
    expect(clean.out).toContain('No drift.');

    emu.simulateDashboardChange(AGENT, {
      dispositionMetrics: [{ ...METRIC, dispositionMetricPrompt: 'Was it resolved?' }],
    });
    const text = io(ws.dir, env);
    expect(await runCli(['drift'], text)).toBe(1);
    expect(text.out).toContain(
      `✗ ${AGENT} (metrics/support.yaml): drifted — v2 revision 2 of branch Main, published by Dashboard User at`,
    );
    expect(text.out).toContain('call_resolved differs: prompt');
    expect(text.out).toContain(`adopt: atoms-metrics pull ${AGENT} --force`);

    const json = io(ws.dir, env);
    expect(await runCli(['drift', '--format', 'json'], json)).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({
      drifted: true,
      agents: [
        {
          agentId: AGENT,
          status: 'drifted',
          breaking: false,
          live: { name: 'v2 revision 2 of branch Main', by: 'Dashboard User' },
        },
      ],
    });
    expect(emu.requests.every((r) => r.method === 'GET')).toBe(true);
  });
});

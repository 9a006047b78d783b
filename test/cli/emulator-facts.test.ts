// The CLI against the emulator's fact-sheet behaviours of issue 21: a branch before its first commit (head null,
// fact sheet v2 §1.2) beside the live one, and the publish-race switches — every command still works.
import { afterEach, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const OLD = {
  dispositionMetrics: [
    {
      identifier: 'call_resolved',
      dispositionMetricType: 'BOOLEAN',
      dispositionMetricPrompt: 'Was the issue resolved?',
    },
  ],
};
let emu: RunningEmulator;
let ws: Workspace;

afterEach(async () => {
  await emu.close();
  ws.remove();
});

it('plan, apply, history, rollback and drift cope with a branch that has no head yet', async () => {
  emu = await startEmulator({
    securityCheckMs: 0,
    seed: {
      agents: [
        {
          _id: AGENT,
          versions: [{ label: 'first', postCallAnalyticsConfig: OLD }],
          branches: [{ name: 'fresh', versions: [] }],
        },
      ],
    },
  });
  const main = emu.getAgentState(AGENT)?.branches?.[0];
  await fetch(`${emu.url}/agent/${AGENT}/branches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${emu.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sourceBranchId: main?.branchId, name: 'made-over-http' }),
  });
  expect(emu.getAgentState(AGENT)?.branches?.map((b) => [b.name, b.headRevisionId])).toEqual([
    ['Main', main?.headRevisionId],
    ['fresh', null],
    ['made-over-http', null],
  ]);
  ws = makeWorkspace({
    'metrics/a.yaml': `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: call_resolved\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was the issue resolved?\n    - identifier: follow_up\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was a follow-up promised?\n`,
  });
  const env = { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url };
  for (const args of [
    ['plan', 'metrics/a.yaml'],
    ['apply', 'metrics/a.yaml'],
    ['history', AGENT],
    ['rollback', AGENT],
    ['drift', 'metrics/a.yaml'],
  ]) {
    const run = io(ws.dir, env);
    const code = await runCli(args, run);
    expect([args[0], code]).toEqual([args[0], 0]);
    expect(run.err + run.out).not.toMatch(/fail|error|no committed revision/i);
  }
  const after = emu.getAgentState(AGENT)?.branches;
  expect(after?.[0]?.revisions.at(-1)?.postCallAnalyticsConfig).toMatchObject({
    dispositionMetrics: [{ identifier: 'call_resolved' }, { identifier: 'follow_up' }],
  });
  expect(after?.slice(1).map((b) => b.headRevisionId)).toEqual([null, null]);
});

it('apply goes live when the scanning row is not listed and a PUT during the scan would be accepted', async () => {
  emu = await startEmulator({
    securityCheckMs: 0,
    seed: {
      options: { scanningRowListed: false, putDuringScan: 'accept' },
      agents: [{ _id: AGENT, versions: [{ label: 'first', postCallAnalyticsConfig: OLD }] }],
    },
  });
  ws = makeWorkspace({
    'metrics/a.yaml': `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: call_resolved\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was the issue resolved?\n    - identifier: follow_up\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was a follow-up promised?\n`,
  });
  const run = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
  expect(await runCli(['apply', 'metrics/a.yaml'], run)).toBe(0);
  expect(run.out).toContain('applied: v2 revision 2');
  expect(emu.getAgentState(AGENT)?.branches?.[0]?.revisions.at(-1)?.postCallAnalyticsConfig).toMatchObject({
    dispositionMetrics: [{ identifier: 'call_resolved' }, { identifier: 'follow_up' }],
  });
});

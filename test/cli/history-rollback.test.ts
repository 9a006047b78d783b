// history and rollback through the CLI's own entry (runCli), on both versioning models, against the emulator over HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { EmulatorOptions, SeedVersion } from '../../src/emulator/types.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';
import { publishNonMetricsEdit } from '../support/person-edit.js';

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
const NEW = {
  dispositionMetrics: [
    ...OLD.dispositionMetrics,
    { identifier: 'follow_up', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was a follow-up promised?' },
  ],
};
/** Metrics that break today's rules four ways; an older revision may hold them. */
const INVALID = {
  dispositionMetrics: [
    { identifier: 'outcome', dispositionMetricType: 'ENUM', dispositionMetricPrompt: 'What was the outcome?' },
    { identifier: 'Bad-Id', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Bad?' },
    { identifier: 'dup', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'One?' },
    { identifier: 'dup', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Two?' },
    { identifier: 'blank', dispositionMetricType: 'STRING', dispositionMetricPrompt: '   ' },
  ],
};
let emu: RunningEmulator;
let ws: Workspace;

afterEach(async () => {
  await emu.close();
  ws.remove();
});

const liveMetrics = (model: 'v1' | 'v2') => {
  const state = emu.getAgentState(AGENT);
  const live =
    model === 'v1'
      ? state?.versions.find((v) => v.isActive)
      : state?.branches?.[0]?.revisions.find((r) => r._id === state?.branches?.[0]?.headRevisionId);
  return normalizeConfig(live?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier);
};
const writes = () => emu.requests.filter((r) => r.method !== 'GET');

async function start(model: 'v1' | 'v2', versions: SeedVersion[], options: Partial<EmulatorOptions> = {}) {
  emu = await startEmulator({
    versioning: model,
    securityCheckMs: 0,
    ...options,
    seed: { agents: [{ _id: AGENT, versions }] },
  });
  ws = makeWorkspace({ 'metrics/a.yaml': `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n` });
}
async function cli(...args: string[]) {
  const run = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
  const code = await runCli(args, run);
  return { code, out: run.out, err: run.err };
}
const otherSection = (model: 'v1' | 'v2') =>
  model === 'v1' ? 'call_handling: 1 line changed' : 'workflow_prompt: 1 line changed';

describe.each(['v1', 'v2'] as const)('history and rollback on %s', (model) => {
  it('history names the model and marks live; rollback previews, refuses a breaking removal without --allow-breaking, and publishes the metrics with it', async () => {
    await start(model, [
      { label: 'first', postCallAnalyticsConfig: OLD },
      { label: 'second', isActive: true, postCallAnalyticsConfig: NEW },
    ]);

    const history = await cli('history', 'metrics/a.yaml');
    expect(history.code).toBe(0);
    expect(history.out).toContain(
      model === 'v1'
        ? `${AGENT}: v1 versions, newest first`
        : `${AGENT}: v2 revisions of live branch Main, newest first`,
    );
    expect(history.out).toMatch(/^\*\s+2\s/m);
    expect(history.out).toContain('"first"');

    const planned = await cli('rollback', AGENT);
    expect(planned.code).toBe(0);
    expect(planned.out).toContain('- follow_up');
    expect(planned.out).toContain('Scope: metrics only (the default)');
    expect(planned.out).toContain(
      'Would be refused: this rollback breaks consumers of the metrics: follow_up is removed',
    );
    expect(planned.out).toContain('Nothing was changed; as it stands, --yes would be refused');
    expect(writes()).toEqual([]);

    const refused = await cli('rollback', AGENT, '--yes');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      'Rollback refused: this rollback breaks consumers of the metrics: follow_up is removed',
    );
    expect(refused.out).toContain('Pass --allow-breaking to roll back anyway');
    expect(writes()).toEqual([]);
    expect(liveMetrics(model)).toEqual(['call_resolved', 'follow_up']);

    const done = await cli('rollback', AGENT, '--yes', '--allow-breaking');
    expect(done.code).toBe(0);
    // A normal publish: a new revision (v2) or version (v1) holding the target's metrics, not a re-activation.
    expect(done.out).toContain(model === 'v1' ? 'Rolled back: v1 version 3' : 'Rolled back: v2 revision 3');
    expect(done.out).toContain(`atoms-metrics pull ${AGENT} --force`);
    expect(done.out).toContain('revert the pull request');
    expect(liveMetrics(model)).toEqual(['call_resolved']);
    const after = await cli('history', AGENT);
    expect(after.out).toContain('"atoms-metrics rollback to');
    // The next drift check names the rollback as why live differs from the file.
    const drift = await cli('drift', 'metrics/a.yaml');
    expect(drift.code).toBe(1);
    expect(drift.out).toContain(`live was rolled back to ${model === 'v1' ? 'v1 version 1' : 'v2 revision 1'}`);
    expect(drift.out).toContain('restore: run the workflow (workflow_dispatch) with input mode: apply');

    const json = await cli('history', AGENT, '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ model, agentId: AGENT });
  });

  it('a rollback over a non-metrics fix: the preview names the other section; the default keeps it, --whole-revision reverts it', async () => {
    await start(model, [
      { label: 'first', postCallAnalyticsConfig: OLD },
      { label: 'second', isActive: true, postCallAnalyticsConfig: NEW },
    ]);
    await publishNonMetricsEdit(emu, AGENT, model);

    // Live (3) is a legal fix outside the metrics, on top of 2: going back to 2 changes no metric, but not nothing.
    const preview = await cli('rollback', AGENT);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain("Metrics: no change (live already holds the target's metrics).");
    expect(preview.out).toContain(
      'Other sections that differ (they stay as live has them; metrics-only is the default, --whole-revision reverts them too):',
    );
    expect(preview.out).toContain(otherSection(model));

    const writesBefore = writes().length;
    const nothing = await cli('rollback', AGENT, '--yes');
    expect(nothing.code).toBe(0);
    expect(nothing.out).toContain('Nothing to publish: live already holds the metrics of');
    expect(writes()).toHaveLength(writesBefore);

    // Metrics only: the fix stays live (compared with revision/version 3, no other section differs).
    const metricsOnly = await cli('rollback', AGENT, '--to', '1', '--yes', '--allow-breaking');
    expect(metricsOnly.code).toBe(0);
    expect(liveMetrics(model)).toEqual(['call_resolved']);
    expect((await cli('rollback', AGENT, '--to', '3')).out).toContain('Other sections: none differ between live and');

    // The whole revision, asked for: the fix is reverted with the metrics.
    const whole = await cli('rollback', AGENT, '--to', '2', '--whole-revision');
    expect(whole.out).toContain('(whole revision: these are reverted to');
    expect(whole.out).toContain(otherSection(model));
    expect(whole.out).toContain('Scope: whole revision.');
    expect((await cli('rollback', AGENT, '--to', '2', '--whole-revision', '--yes')).code).toBe(0);
    expect(liveMetrics(model)).toEqual(['call_resolved', 'follow_up']);
    expect((await cli('rollback', AGENT, '--to', '3')).out).toContain(otherSection(model));
  });

  it('refuses a target whose metrics are invalid today, naming each error; --allow-invalid goes ahead and says so loudly', async () => {
    await start(model, [{ postCallAnalyticsConfig: INVALID }, { isActive: true, postCallAnalyticsConfig: OLD }], {
      validateMetrics: false,
    });
    const refused = await cli('rollback', AGENT, '--yes', '--allow-breaking');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("the target's metrics are invalid under today's rules");
    for (const rule of ['enum', 'identifier', 'duplicate-identifier', 'prompt'])
      expect(refused.out).toMatch(new RegExp(`\\([a-z-]*${rule}[a-z-]*\\)`));
    expect(refused.out).toContain('Pass --allow-invalid');
    expect(writes()).toEqual([]);

    const forced = await cli('rollback', AGENT, '--yes', '--allow-breaking', '--allow-invalid');
    expect(forced.code).toBe(0);
    expect(forced.err).toContain("warning: ⚠️ the target's metrics are invalid");
    expect(forced.out).toContain('Going ahead because --allow-invalid is set: invalid metrics go live.');
    expect(liveMetrics(model)).toContain('Bad-Id');
  });

  it('refuses a target whose security scan failed', async () => {
    emu = await startEmulator({
      versioning: model,
      securityCheckMs: 0,
      seed: {
        agents: [
          {
            _id: AGENT,
            versions: [
              { postCallAnalyticsConfig: OLD, securityCheck: { status: 'failed', reason: 'flagged' } },
              { isActive: true, postCallAnalyticsConfig: NEW },
            ],
          },
        ],
      },
    });
    ws = makeWorkspace({});
    const run = await cli('rollback', AGENT, '--to', '1', '--yes');
    expect(run.code).toBe(1);
    expect(run.out).toContain('failed the platform');
    expect(run.out).toContain('flagged');
    expect(writes()).toEqual([]);
  });
});

it('a v2 whole-revision restore whose scan fails does not go live, and the rollback says so', async () => {
  emu = await startEmulator({
    versioning: 'v2',
    securityCheckMs: 0,
    scanOutcome: 'failed',
    scanReason: 'flagged',
    seed: {
      agents: [
        { _id: AGENT, versions: [{ postCallAnalyticsConfig: OLD }, { isActive: true, postCallAnalyticsConfig: NEW }] },
      ],
    },
  });
  ws = makeWorkspace({});
  const run = await cli(
    'rollback',
    AGENT,
    '--yes',
    '--whole-revision',
    '--allow-breaking',
    '--security-check-timeout',
    '1',
  );
  expect(run.code).toBe(1);
  expect(run.out).toContain('the restore did not go live within 1 s');
  expect(liveMetrics('v2')).toEqual(['call_resolved', 'follow_up']);
});

// mode: rollback from workflow_dispatch, driven the way the runner drives the action, on both versioning models:
// the summary shows every section that differs; the metrics go back by default and the rest stays; a whole-revision
// restore is asked for with rollback-scope: whole; an invalid target and a breaking removal are refused unless allowed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import type { SeedVersion } from '../../src/emulator/types.js';
import { publishNonMetricsEdit } from '../support/person-edit.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

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
const INVALID = {
  dispositionMetrics: [
    { identifier: 'outcome', dispositionMetricType: 'ENUM', dispositionMetricPrompt: 'What was the outcome?' },
  ],
};
let emu: RunningEmulator;
let ws: Workspace;

afterEach(async () => {
  await emu.close();
  ws.remove();
});

async function start(model: 'v1' | 'v2', versions: SeedVersion[], validateMetrics = true) {
  emu = await startEmulator({
    versioning: model,
    securityCheckMs: 0,
    validateMetrics,
    seed: { agents: [{ _id: AGENT, versions }] },
  });
  ws = makeWorkspace({ 'metrics/a.yaml': `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n` });
}
function dispatchEnv(event: 'workflow_dispatch' | 'pull_request' = 'workflow_dispatch', labels: string[] = []) {
  const path = join(ws.dir, '.event.json');
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
      : { inputs: { mode: 'rollback' }, repository: { default_branch: 'main' } };
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'acme/voice',
    GITHUB_WORKFLOW: 'metrics',
    GITHUB_JOB: 'drift',
  };
}
const rollback = (extra: Record<string, string> = {}, env = dispatchEnv()) =>
  runAction(
    ws.dir,
    {
      mode: 'rollback',
      'api-key': emu.apiKey,
      'api-url': emu.url,
      'github-token': '',
      config: 'metrics/*.yaml',
      'max-requests-per-second': '0',
      ...extra,
    },
    env,
  );
const liveMetrics = (model: 'v1' | 'v2') => {
  const state = emu.getAgentState(AGENT);
  const live =
    model === 'v1'
      ? state?.versions.find((v) => v.isActive)
      : state?.branches?.[0]?.revisions.find((r) => r._id === state?.branches?.[0]?.headRevisionId);
  return normalizeConfig(live?.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier);
};
/** The summary without markdown's escapes, to read as text. */
const plain = (summary: string) => summary.replace(/\\/g, '');
const writes = () => emu.requests.filter((r) => r.method !== 'GET');
const otherSection = (model: 'v1' | 'v2') =>
  model === 'v1' ? 'call_handling: 1 line changed' : 'workflow_prompt: 1 line changed';

describe.each(['v1', 'v2'] as const)('mode rollback on %s', (model) => {
  it('a breaking removal is refused without allow-breaking, and goes with the input or the label', async () => {
    await start(model, [{ postCallAnalyticsConfig: OLD }, { isActive: true, postCallAnalyticsConfig: NEW }]);
    const refused = await rollback();
    expect(refused.failed).toBe(true);
    expect(refused.errors.join('\n')).toContain('this rollback breaks consumers of the metrics: follow_up is removed');
    expect(refused.errors.join('\n')).toContain(
      "Pass the input 'allow-breaking: true' (or the 'allow-breaking-metrics' label)",
    );
    expect(writes()).toEqual([]);

    const labelled = await rollback({}, dispatchEnv('pull_request', ['allow-breaking-metrics']));
    expect(labelled.errors).toEqual([]);
    expect(liveMetrics(model)).toEqual(['call_resolved']);
    expect(labelled.summary).toContain('**The repository must change:**');
    expect(plain(labelled.summary)).toContain(`atoms-metrics pull ${AGENT} --force`);
    expect(labelled.summary).toContain('revert the pull request');
  });

  it('over a non-metrics fix: the summary names the other section; metrics-only keeps it, rollback-scope: whole reverts it', async () => {
    await start(model, [{ postCallAnalyticsConfig: OLD }, { isActive: true, postCallAnalyticsConfig: NEW }]);
    await publishNonMetricsEdit(emu, AGENT, model);

    const before = writes().length;
    const nothing = await rollback();
    expect(nothing.errors).toEqual([]);
    expect(plain(nothing.summary)).toContain('Live already holds these metrics; nothing was published');
    expect(plain(nothing.summary)).toContain(
      'Other sections that differ (they stay as live has them; metrics-only is the default, rollback-scope: whole reverts them too):',
    );
    expect(plain(nothing.summary)).toContain(otherSection(model));
    expect(writes()).toHaveLength(before);

    const whole = await rollback({ 'rollback-scope': 'whole' });
    expect(whole.errors).toEqual([]);
    expect(plain(whole.summary)).toContain('whole revision: these are reverted to');
    expect(whole.summary).toContain('Scope: whole revision.');
    expect(JSON.parse(whole.outputs['rolled-back'] ?? '{}')[AGENT]).toBeTruthy();
    expect(liveMetrics(model)).toEqual(['call_resolved', 'follow_up']);
  });

  it('an invalid target is refused naming its error; allow-invalid goes ahead with a warning in the log and the summary', async () => {
    await start(model, [{ postCallAnalyticsConfig: INVALID }, { isActive: true, postCallAnalyticsConfig: OLD }], false);
    const refused = await rollback({ 'allow-breaking': 'true' });
    expect(refused.failed).toBe(true);
    expect(refused.errors.join('\n')).toContain('is an ENUM but has no "choices"');
    expect(refused.errors.join('\n')).toContain("Pass the input 'allow-invalid: true'");
    expect(writes()).toEqual([]);

    const forced = await rollback({ 'allow-breaking': 'true', 'allow-invalid': 'true' });
    expect(forced.errors).toEqual([]);
    expect(forced.stdout).toMatch(/::warning::.*invalid metrics go live/);
    expect(plain(forced.summary)).toMatch(/> \*\*⚠️ the target's metrics are invalid/);
    expect(liveMetrics(model)).toEqual(['outcome']);
  });
});

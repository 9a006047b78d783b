// The v2 (branch model) apply through the real client against the emulator over HTTP, with a fake clock shared by both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyAll } from '../../src/apply/apply-all.js';
import type { ApplyDeps, ApplyTarget } from '../../src/versioning/apply-types.js';
import { AtomsClient } from '../../src/atoms/client.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { buildPlan } from '../../src/plan/run-plan.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const V1_AGENT = '65f1a2b3c4d5e6f708192a3c';
const LIVE = {
  dispositionMetrics: [
    { identifier: 'call_resolved', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was it resolved?' },
  ],
};
const DESIRED = normalizeConfig({
  dispositionMetrics: [
    ...LIVE.dispositionMetrics,
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'What was the outcome?',
      choices: ['resolved', 'escalated'],
    },
  ],
});

let clock: number;
let emu: RunningEmulator;
let log: string[];
const sleep = async (ms: number) => {
  clock += ms;
};

async function start(options: EmulatorOptions = {}) {
  emu = await startEmulator({
    securityCheckMs: 6000,
    now: () => clock,
    seed: {
      agents: [
        { _id: AGENT, versions: [{ isActive: true, postCallAnalyticsConfig: LIVE }] },
        { _id: V1_AGENT, versioning: 'v1', versions: [{ isActive: true, postCallAnalyticsConfig: LIVE }] },
      ],
    },
    ...options,
  });
}

function deps(overrides: Partial<ApplyDeps> = {}): ApplyDeps & { concurrency: number } {
  const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url, sleep, now: () => clock, random: () => 0.5 });
  return {
    api,
    sleep,
    now: () => clock,
    log: (line) => log.push(line),
    securityCheckTimeoutMs: 180_000,
    onLiveChanged: 'fail',
    concurrency: 4,
    ...overrides,
  };
}
const target = (overrides: Partial<ApplyTarget> = {}): ApplyTarget => ({
  agentId: AGENT,
  file: 'metrics/a.yaml',
  desired: DESIRED,
  commitSha: 'abcdef1234567890',
  label: 'Add call_outcome (#7)',
  description: 'Merged from #7',
  ...overrides,
});
const apply = async (t: ApplyTarget = target(), d = deps()) => (await applyAll([t], d))[0];
const main = () => emu.getAgentState(AGENT)?.branches?.[0];
const writes = () => emu.requests.filter((r) => r.method !== 'GET');

beforeEach(() => {
  clock = 1_000_000;
  log = [];
});
afterEach(() => emu.close());

describe('apply on the branch model (v2)', () => {
  it('publishes on the live branch, waits for the scan, verifies — one new revision, no activate, 10 requests plus polls', async () => {
    await start();
    const result = await apply();
    expect(result?.status).toBe('applied');
    expect(result?.model).toBe('v2');
    const branch = main();
    expect(branch?.revisions).toHaveLength(2);
    expect(branch?.headRevisionId).toBe(result?.versionId);
    expect(normalizeConfig(branch?.revisions.at(-1)?.postCallAnalyticsConfig)).toEqual(DESIRED);
    expect(branch?.revisions.at(-1)?.label).toMatch(/^Add call_outcome \(#7\) \[atoms-metrics:[a-f0-9]{16}\]$/);
    expect(branch?.draft).toBeNull();
    expect(emu.requests.some((r) => r.path.includes('/activate') || r.path.endsWith('/live'))).toBe(false);
    // Outside the wait: branches (detection), head revision, PUT, the check before publishing (branch, draft, diff of
    // the draft), publish, and what is live after (the new revision, its diff from the old head, the branch list) = 10.
    const published = emu.requests.findIndex((r) => r.path.endsWith('/draft/publish'));
    const polls = emu.requests
      .slice(published + 1)
      .filter((r) => r.method === 'GET' && /\/branches\/[a-f0-9]{24}(\/draft)?$/.test(r.path)).length;
    expect(emu.requests.length - polls).toBe(10);
    expect(polls).toBeGreaterThan(0);
    expect(log.join('\n')).toContain('v2 revision 2');
  });

  it('a re-run after success writes nothing', async () => {
    await start();
    await apply();
    const before = emu.requests.length;
    const again = await apply();
    expect(again?.status).toBe('unchanged');
    expect(emu.requests.slice(before).every((r) => r.method === 'GET')).toBe(true);
    expect(main()?.revisions).toHaveLength(2);
  });

  it('handles a synchronous 200 committed publish', async () => {
    await start({ publishMode: 'sync' });
    const result = await apply();
    expect(result?.status).toBe('applied');
    expect(main()?.revisions).toHaveLength(2);
  });

  it("refuses someone's open draft, names who edited what, and leaves it untouched", async () => {
    await start();
    emu.openForeignDraft(AGENT, { editorName: 'Ana', changedSections: ['workflow_prompt'] });
    const result = await apply();
    expect(result?.status).toBe('failed');
    expect(result?.error).toContain('open draft');
    expect(result?.error).toContain('Ana (workflow_prompt');
    expect(writes()).toHaveLength(0);
    expect(main()?.draft?.editHistory).toHaveLength(1);
    expect(main()?.revisions).toHaveLength(1);
  });

  it('a failed scan fails the step with the reason and leaves nothing of ours in the draft slot', async () => {
    await start();
    emu.failNextSecurityCheck('prompt injection suspected', AGENT);
    const result = await apply();
    expect(result?.status).toBe('failed');
    expect(result?.error).toContain('prompt injection suspected');
    expect(result?.error).toContain('discarded');
    expect(main()?.draft).toBeNull();
    expect(main()?.revisions).toHaveLength(1);
  });

  it('an errored scan says it was the platform and that a re-run may pass', async () => {
    await start();
    emu.failNextSecurityCheck('scanner unavailable', AGENT, 'errored');
    const result = await apply();
    expect(result?.error).toContain('errored');
    expect(result?.error).toContain('re-run');
    expect(main()?.draft).toBeNull();
  });

  it('a human publish between our read and our publish: our draft (ours alone) is taken back, the branch read again, and the file applied over the new head', async () => {
    await start();
    let done = false;
    emu.onRequest(({ method, path }) => {
      if (!done && method === 'PUT' && path.endsWith('/draft')) {
        done = true;
        emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
      }
    });
    const result = await apply();
    expect(result?.status).toBe('applied');
    expect(log.join('\n')).toMatch(/someone published revision 2/);
    expect(log.join('\n')).toContain('Our draft (holding only this change) was discarded');
    expect(main()?.revisions).toHaveLength(3);
    expect(normalizeConfig(main()?.revisions.at(-1)?.postCallAnalyticsConfig)).toEqual(DESIRED);
    expect(emu.requests.filter((r) => r.path.endsWith('/draft/publish'))).toHaveLength(1);
  });

  it("someone's edit merged into our draft before publishing stops the run and leaves the draft as it is: theirs, and ours in it", async () => {
    await start();
    let done = false;
    emu.onRequest(({ method, path }) => {
      if (!done && method === 'GET' && /\/branches\/[a-f0-9]{24}$/.test(path) && main()?.draft) {
        done = true;
        emu.openForeignDraft(AGENT, { editorName: 'Ben', changedSections: ['llm'] });
      }
    });
    const result = await apply();
    expect(result?.status).toBe('failed');
    expect(result?.error).toContain('Ben (llm');
    expect(result?.error).toContain('changes to llm');
    expect(result?.error).toContain('left as it is');
    expect(emu.requests.some((r) => r.path.endsWith('/draft/publish'))).toBe(false);
    expect(emu.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE')).toHaveLength(1);
    const draft = main()?.draft;
    expect(draft?.editHistory.map((e) => e.editorName)).toContain('Ben');
    expect(normalizeConfig(draft?.postCallAnalyticsConfig)).toEqual(DESIRED);
    expect(main()?.revisions).toHaveLength(1);
  });

  it('a config freeze is waited out within its budget, then named', async () => {
    await start();
    emu.freezeWrites(2);
    expect((await apply())?.status).toBe('applied');
    expect(log.join('\n')).toContain('froze agent configuration');
    await emu.close();
    await start();
    emu.freezeWrites(100);
    const frozen = await apply(target(), deps({ freezeWaitMs: 20_000 }));
    expect(frozen?.status).toBe('failed');
    expect(frozen?.error).toContain('maintenance window');
    expect(main()?.revisions).toHaveLength(1);
  });

  it('a publish that times out after taking effect is reconciled by reading, never sent twice', async () => {
    await start();
    emu.injectFault({ method: 'POST', path: /\/draft\/publish$/, status: 502, afterEffect: true });
    const result = await apply();
    expect(result?.status).toBe('applied');
    expect(emu.requests.filter((r) => r.path.endsWith('/draft/publish'))).toHaveLength(1);
    expect(main()?.revisions).toHaveLength(2);
  });

  it('a publish_in_progress answer is waited out, then what went live is checked', async () => {
    await start();
    emu.injectFault({
      method: 'POST',
      path: /\/draft\/publish$/,
      status: 409,
      afterEffect: true,
      body: {
        status: false,
        error_type: 'publish_in_progress',
        errors: ['A publish is already in progress for this branch'],
      },
    });
    const result = await apply();
    expect(result?.status).toBe('applied');
    expect(main()?.revisions).toHaveLength(2);
  });

  it('two identical runs at the same moment end with one new revision', async () => {
    await start();
    const [a, b] = await Promise.all([apply(target(), deps()), apply(target(), deps())]);
    expect([a?.status, b?.status].every((s) => s === 'applied' || s === 'resumed' || s === 'unchanged')).toBe(true);
    expect(main()?.revisions).toHaveLength(2);
    expect(main()?.draft).toBeNull();
  });

  it('live changed since the reviewed plan → fails with the new diff, names both revisions', async () => {
    await start();
    const planned = main()?.headRevisionId ?? '';
    const edited = emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
    const result = await apply(target({ reviewed: { liveVersionId: planned } }));
    expect(result?.status).toBe('failed');
    expect(result?.error).toContain(`it was made against revision ${planned}, live is now ${edited}`);
    expect(writes()).toHaveLength(0);
  });

  it.each(['analytics.postCallAnalyticsConfig', 'analytics', 'postCallAnalyticsConfig'] as const)(
    'reads the metrics wherever the revision keeps them (%s)',
    async (metricsLocation) => {
      await start({ metricsLocation });
      expect((await apply())?.status).toBe('applied');
      expect((await apply())?.status).toBe('unchanged');
    },
  );
});

describe('plan on both models', () => {
  it('reads a mixed fleet in one run: 2 requests per v2 agent, and names the branch and revision', async () => {
    await start();
    const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const plan = await buildPlan({
      api,
      concurrency: 4,
      diagnostics: [],
      files: [],
      targets: [
        { agentId: AGENT, file: 'a.yaml', desired: DESIRED },
        { agentId: V1_AGENT, file: 'b.yaml', desired: DESIRED },
      ],
    });
    expect(plan.agents.map((a) => [a.model, a.status])).toEqual([
      ['v2', 'changed'],
      ['v1', 'changed'],
    ]);
    expect(plan.agents[0]?.liveLabel).toMatch(/^v2 revision 1 \([a-f0-9]{24}\) of branch Main$/);
    expect(emu.requests.filter((r) => r.path.includes(AGENT))).toHaveLength(2);
    expect(emu.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('an unrecognised read shape is an error naming the agent, never "no metrics"', async () => {
    await start();
    emu.injectFault({
      method: 'GET',
      path: /\/revisions\/[a-f0-9]{24}$/,
      status: 200,
      body: { status: true, data: { revision: { _id: 'x' }, resolvedConfig: { analytics: { somethingElse: true } } } },
    });
    const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const plan = await buildPlan({
      api,
      concurrency: 1,
      diagnostics: [],
      files: [],
      targets: [{ agentId: AGENT, file: 'a.yaml', desired: DESIRED }],
    });
    expect(plan.agents[0]?.status).toBe('error');
    expect(plan.agents[0]?.message).toContain(`agent ${AGENT}`);
    expect(plan.agents[0]?.message).toContain('dispositionMetrics');
  });

  it('the v1 read needs _resolvedConfig: a top-level postCallAnalyticsConfig alone is not taken as live', async () => {
    await start();
    emu.injectFault({
      method: 'GET',
      path: `/agent/${V1_AGENT}`,
      status: 200,
      body: { status: true, data: { _id: V1_AGENT, activeVersionId: 'a'.repeat(24), postCallAnalyticsConfig: LIVE } },
    });
    const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const plan = await buildPlan({
      api,
      concurrency: 1,
      diagnostics: [],
      files: [],
      targets: [{ agentId: V1_AGENT, file: 'b.yaml', desired: DESIRED }],
    });
    expect(plan.agents[0]?.status).toBe('error');
    expect(plan.agents[0]?.message).toContain('_resolvedConfig');
  });
});

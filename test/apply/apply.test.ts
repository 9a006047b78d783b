// Apply through the real client against the emulator over HTTP, with a fake clock shared by both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyAgent } from '../../src/versioning/v1/apply.js';
import { applyAll } from '../../src/apply/apply-all.js';
import { changeMarker } from '../../src/versioning/change-marker.js';
import type { ApplyDeps, ApplyTarget } from '../../src/versioning/apply-types.js';
import { AtomsClient } from '../../src/atoms/client.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const OTHER = '65f1a2b3c4d5e6f708192a3c';
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

function deps(overrides: Partial<ApplyDeps> = {}): ApplyDeps {
  const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url, sleep, now: () => clock, random: () => 0.5 });
  return {
    api,
    sleep,
    now: () => clock,
    log: (line) => log.push(line),
    securityCheckTimeoutMs: 180_000,
    onLiveChanged: 'fail',
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
/** Someone activates a dashboard edit while the apply polls its security check (the first GET of a version). */
function editInDashboardOnFirstPoll(): { versionId: string } {
  const edit = { versionId: '' };
  emu.onRequest(({ method, path }) => {
    if (method === 'GET' && /\/versions\/[a-f0-9]{24}$/.test(path) && !edit.versionId)
      edit.versionId = emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
  });
  return edit;
}

const writes = () => emu.requests.filter((r) => r.method !== 'GET');
const state = () => emu.getAgentState(AGENT);

beforeEach(async () => {
  clock = 1_000_000;
  log = [];
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 6000,
    now: () => clock,
    seed: { agents: [{ _id: AGENT, versions: [{ isActive: true, postCallAnalyticsConfig: LIVE }] }, { _id: OTHER }] },
  });
});
afterEach(() => emu.close());

describe('applyAgent', () => {
  it('publishes once, waits for the check, activates, verifies — in 7 requests plus the reads while waiting', async () => {
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('applied');
    const s = state();
    expect(s?.versions).toHaveLength(2);
    expect(s?.activeVersionId).toBe(result.versionId);
    expect(normalizeConfig(s?.versions[1]?.postCallAnalyticsConfig)).toEqual(DESIRED);
    const activations = emu.requests.filter((r) => r.path.endsWith('/activate'));
    expect(activations.map((r) => r.status)).toEqual([200]);
    // The reads while waiting: every version read after the publish (the last one is also the compare-and-swap read).
    const published = emu.requests.findIndex((r) => r.path.endsWith('/publish'));
    const polls = emu.requests
      .slice(published + 1)
      .filter((r) => r.method === 'GET' && /\/versions(\/[a-f0-9]{24})?$/.test(r.path)).length;
    expect(emu.requests.length - polls).toBe(7);
    expect(polls).toBeLessThanOrEqual(7);
    expect(s?.versions[1]?.description).toContain('atoms-metrics:');
    expect(log.some((l) => l.includes('waiting for the security check'))).toBe(true);
  });

  it('does nothing when live already matches', async () => {
    await applyAgent(target(), deps());
    emu.requests.length = 0;
    const again = await applyAgent(target(), deps());
    expect(again.status).toBe('unchanged');
    expect(writes()).toEqual([]);
  });

  it('a publish that failed after taking effect yields exactly one new version', async () => {
    emu.injectFault({ method: 'POST', path: /\/publish$/, status: 502, afterEffect: true });
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('applied');
    expect(state()?.versions).toHaveLength(2);
    expect(emu.requests.filter((r) => r.path.endsWith('/publish'))).toHaveLength(1);
  });

  it('a draft creation reset after taking effect reuses that draft', async () => {
    emu.injectFault({ method: 'POST', path: /\/drafts$/, reset: true, afterEffect: true });
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('applied');
    expect(state()?.drafts).toHaveLength(1);
  });

  it('rides out 503, 429 and resets on every call', async () => {
    for (const path of [
      /^\/agent\/[a-f0-9]{24}$/,
      /\/versions$/,
      /\/drafts$/,
      /\/config$/,
      /\/publish$/,
      /\/activate$/,
      /\/versions\/[a-f0-9]{24}$/,
    ]) {
      emu.injectFault({ path, status: 503 });
      emu.injectFault({ path, status: 429, headers: { 'retry-after': '1' } });
    }
    emu.injectFault({ method: 'GET', path: /^\/agent\/[a-f0-9]{24}$/, reset: true });
    const result = await applyAgent(target(), deps());
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('applied');
    expect(state()?.versions).toHaveLength(2);
  });

  it('a failed security check leaves live untouched and reports the reason', async () => {
    emu.failNextSecurityCheck('prompt contains a jailbreak');
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('failed');
    expect(result.error).toContain('prompt contains a jailbreak');
    expect(state()?.activeVersionId).toBe(state()?.versions[0]?._id);
    expect(emu.requests.filter((r) => r.path.endsWith('/activate'))).toEqual([]);
  });

  it('refuses to activate over a dashboard change made mid-flight', async () => {
    const dashboard = editInDashboardOnFirstPoll();
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('failed');
    expect(result.error).toContain(`someone activated version ${dashboard.versionId}`);
    expect(state()?.activeVersionId).toBe(dashboard.versionId);
  });

  it('a slow check times out, and the re-run resumes without publishing again', async () => {
    emu.setSecurityCheckMs(300_000);
    const first = await applyAgent(target(), deps({ securityCheckTimeoutMs: 30_000 }));
    expect(first.status).toBe('failed');
    expect(first.error).toContain('Re-run to resume');
    clock += 300_000;
    const second = await applyAgent(target(), deps());
    expect(second.status).toBe('resumed');
    expect(second.versionId).toBe(first.versionId);
    expect(state()?.versions).toHaveLength(2);
    expect(state()?.activeVersionId).toBe(first.versionId);
  });

  it('two applies of the same change at once: one version published, one activation', async () => {
    const [a, b] = await Promise.all([applyAgent(target(), deps()), applyAgent(target(), deps())]);
    expect([a.error, b.error].filter(Boolean)).toEqual([]);
    expect(state()?.versions).toHaveLength(2);
    // Both runs may send the earliest draft's publish; the draft publishes once and the other answer is a refusal.
    expect(emu.requests.filter((r) => r.path.endsWith('/publish') && r.status < 300)).toHaveLength(1);
    expect(state()?.drafts.filter((d) => !d.discarded && !d.published)).toEqual([]);
    const activated = new Set(
      emu.requests.filter((r) => r.path.endsWith('/activate') && r.status === 200).map((r) => r.path),
    );
    expect(activated.size).toBe(1);
    // Both report the version that is live, not one that was published and left inactive.
    expect([a.versionId, b.versionId]).toEqual([state()?.activeVersionId, state()?.activeVersionId]);
    expect(
      normalizeConfig(emu.getAgentState(AGENT)?.versions.find((v) => v.isActive)?.postCallAnalyticsConfig),
    ).toEqual(DESIRED);
  });

  it('a runner lost right after creating its draft: the next run publishes that draft at once, without waiting for the lost run', async () => {
    const active = state()?.activeVersionId ?? '';
    const lost = emu.load({
      agents: [
        {
          _id: AGENT,
          versions: [{ _id: active, isActive: true, postCallAnalyticsConfig: LIVE }],
          drafts: [{ draftName: `${changeMarker(DESIRED, active)} abcdef1`, postCallAnalyticsConfig: LIVE }],
        },
      ],
    }).agents[0]?.draftIds[0];
    clock += 5_000;
    const started = clock;
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('resumed');
    expect(clock - started).toBeLessThan(10_000);
    expect(state()?.versions).toHaveLength(2);
    expect(state()?.versions.find((v) => v.isActive)?.draftId).toBe(lost);
    expect(normalizeConfig(state()?.versions.find((v) => v.isActive)?.postCallAnalyticsConfig)).toEqual(DESIRED);
    expect(state()?.drafts.filter((d) => !d.discarded && !d.published)).toEqual([]);
    expect(result.steps.join('\n')).toContain('publishing that one and discarding ours');
  });

  it('removes a draft of this change left by an earlier run that did not finish', async () => {
    const active = state()?.activeVersionId ?? '';
    const leftover = emu.load({
      agents: [
        {
          _id: AGENT,
          versions: [{ _id: active, isActive: true, postCallAnalyticsConfig: LIVE }],
          drafts: [{ draftName: `${changeMarker(DESIRED, active)} abcdef1`, postCallAnalyticsConfig: LIVE }],
        },
      ],
    }).agents[0]?.draftIds[0];
    clock += 60 * 60_000;
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('applied');
    expect(state()?.drafts.find((d) => d.draftId === leftover)?.discarded).toBe(true);
    expect(result.steps.join('\n')).toContain('left by an earlier run of this change');
    expect(state()?.versions).toHaveLength(2);
  });

  it('fails when live changed since the reviewed plan, unless told to apply', async () => {
    const reviewed = { liveVersionId: 'a'.repeat(24) };
    const failed = await applyAgent(target({ reviewed }), deps());
    expect(failed.error).toContain(`it was made against version ${'a'.repeat(24)}`);
    expect(failed.error).toContain('Against the current live version this change adds call_outcome.');
    expect(writes()).toEqual([]);
    expect((await applyAgent(target({ reviewed }), deps({ onLiveChanged: 'apply' }))).status).toBe('applied');
  });

  it('a revert to metrics applied before, and a re-apply after a dashboard edit, are new changes', async () => {
    const first = await applyAgent(target(), deps());
    const other = normalizeConfig({ dispositionMetrics: LIVE.dispositionMetrics });
    const second = await applyAgent(target({ desired: other }), deps());
    const revert = await applyAgent(target(), deps());
    expect([first.status, second.status, revert.status]).toEqual(['applied', 'applied', 'applied']);
    expect(revert.versionId).not.toBe(first.versionId);
    expect(state()?.activeVersionId).toBe(revert.versionId);
    const dashboard = emu.simulateDashboardChange(AGENT, { dispositionMetrics: [] });
    const reapply = await applyAgent(target(), deps());
    expect(reapply.status).toBe('applied');
    expect(state()?.activeVersionId).toBe(reapply.versionId);
    expect(reapply.versionId).not.toBe(dashboard);
  });

  it('a re-run after a failed security check reports it again and publishes nothing', async () => {
    emu.failNextSecurityCheck('prompt contains a jailbreak');
    const first = await applyAgent(target(), deps());
    expect(first.status).toBe('failed');
    emu.requests.length = 0;
    const rerun = await applyAgent(target(), deps());
    expect(rerun.status).toBe('failed');
    expect(rerun.error).toContain("failed the platform's security check: prompt contains a jailbreak");
    expect(writes()).toEqual([]);
    expect(state()?.versions).toHaveLength(2);
  });

  it('a re-run after a refused compare-and-swap applies over the new live version', async () => {
    const dashboard = editInDashboardOnFirstPoll();
    const refused = await applyAgent(target(), deps());
    expect(refused.status).toBe('failed');
    const rerun = await applyAgent(target(), deps());
    expect(rerun.status).toBe('applied');
    expect(rerun.previousVersionId).toBe(dashboard.versionId);
    expect(rerun.versionId).not.toBe(refused.versionId);
    expect(state()?.activeVersionId).toBe(rerun.versionId);
  });

  it('discards its own draft when a step before publish fails', async () => {
    emu.injectFault({
      method: 'PATCH',
      path: /\/config$/,
      status: 400,
      body: { status: false, errors: ['postCallAnalyticsConfig: Invalid'] },
    });
    const result = await applyAgent(target(), deps());
    expect(result.status).toBe('failed');
    expect(state()?.drafts.map((d) => d.discarded)).toEqual([true]);
    expect(state()?.versions).toHaveLength(1);
  });
});

describe('applyAll', () => {
  it("one agent's failure does not stop the others", async () => {
    const results = await applyAll([target({ agentId: 'b'.repeat(24) }), target({ agentId: OTHER })], {
      ...deps(),
      concurrency: 2,
    });
    expect(results.map((r) => r.status)).toEqual(['failed', 'applied']);
    expect(results[0]?.error).toContain('was not found');
  });
});

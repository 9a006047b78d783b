// Each v2 switch of the emulator (fact sheet v2 §6 unknowns), over real HTTP.
import type { Json } from '../support/json.js';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSeed, startEmulator } from '../../src/emulator/index.js';
import { AGENT, METRICS, NEW_METRICS, startV2, type Harness } from './v2-helpers.js';

let h: Harness;
afterEach(() => h?.emu.close());

async function publishNew(label = 'x') {
  const base = await h.base();
  await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
  return h.call('POST', `${base}/draft/publish`, { label });
}

describe('v2 switches', () => {
  it('metricsLocation places the metrics in resolvedConfig; getAgentState stays flat', async () => {
    const expected = {
      analytics: (r: Json) => r.analytics.dispositionMetrics,
      'analytics.postCallAnalyticsConfig': (r: Json) => r.analytics.postCallAnalyticsConfig.dispositionMetrics,
      postCallAnalyticsConfig: (r: Json) => r.postCallAnalyticsConfig.dispositionMetrics,
    };
    for (const [location, read] of Object.entries(expected)) {
      h = await startV2({ metricsLocation: location as never });
      const live = await h.live();
      const rev = await h.call(
        'GET',
        `/agent/${AGENT}/branches/${live.branch._id}/revisions/${live.branch.headRevisionId}`,
      );
      expect([location, read(rev.json.data.resolvedConfig)]).toEqual([location, METRICS.dispositionMetrics]);
      expect(h.emu.getAgentState(AGENT)?.branches?.[0]?.revisions[0]?.postCallAnalyticsConfig).toMatchObject(METRICS);
      await h.emu.close();
    }
  });

  it('publishMode sync commits at once; scanAnalyticsChanges false commits an analytics-only publish even when async', async () => {
    h = await startV2({ publishMode: 'sync' });
    expect((await publishNew()).json.data.state).toBe('committed');
    await h.emu.close();
    h = await startV2({ publishMode: 'async', scanAnalyticsChanges: false });
    const analyticsOnly = await publishNew();
    expect([analyticsOnly.status, analyticsOnly.json.data.state]).toEqual([200, 'committed']);
    const base = await h.base();
    await h.call('PUT', `${base}/draft`, { firstMessage: 'Hi there' });
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
  });

  it('async scan lasts securityCheckMs on the injectable clock; errored scans keep the draft open too', async () => {
    h = await startV2({ securityCheckMs: 6000 });
    expect((await publishNew()).status).toBe(202);
    h.clock.now += 5999;
    expect((await h.live()).hasOpenDraft).toBe(true);
    h.clock.now += 1;
    expect((await h.live()).headRevisionNumber).toBe(2);
    h.emu.failNextSecurityCheck('scanner down', undefined, 'errored');
    expect((await publishNew()).status).toBe(202);
    h.clock.now += 6000;
    const draft = await h.call('GET', `${await h.base()}/draft`);
    expect(draft.json.data.latest.securityCheck).toMatchObject({ status: 'errored', reason: 'scanner down' });
    const rows = await h.call('GET', `${await h.base()}/revisions?limit=1`);
    expect(rows.json.data.revisions[0]).toMatchObject({ status: 'draft', securityCheck: { status: 'errored' } });
  });

  it('agentReadFollowsLive false: GET /agent keeps the config from the migration', async () => {
    h = await startV2({ agentReadFollowsLive: false, publishMode: 'sync' });
    const before = (await h.call('GET', `/agent/${AGENT}`)).json.data;
    await publishNew();
    const after = (await h.call('GET', `/agent/${AGENT}`)).json.data;
    expect(after.activeVersionId).toBe(before.activeVersionId);
    expect(after._resolvedConfig.postCallAnalyticsConfig.dispositionMetrics).toEqual(METRICS.dispositionMetrics);
  });

  it('keptV1Reads: GET /versions/{id} and /drafts/{id} answer for v2 agents, or 404', async () => {
    h = await startV2();
    const live = await h.live();
    const base = await h.base();
    const put = await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    const version = await h.call('GET', `/agent/${AGENT}/versions/${live.branch.headRevisionId}`);
    expect([version.status, version.json.data.version._id]).toEqual([200, live.branch.headRevisionId]);
    expect(version.headers.get('deprecation')).toBeNull();
    expect((await h.call('GET', `/agent/${AGENT}/drafts/${put.json.data.draftId}`)).json.data.editCount).toBe(1);
    h.emu.setSwitches({ keptV1Reads: false });
    expect((await h.call('GET', `/agent/${AGENT}/versions/${live.branch.headRevisionId}`)).status).toBe(404);
    expect((await h.call('GET', `/agent/${AGENT}/drafts/${put.json.data.draftId}`)).status).toBe(404);
  });

  it('conflictBody lean and rich; base_revision_unavailable', async () => {
    h = await startV2({ conflictBody: 'lean' });
    const base = await h.base();
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    const stale = (await h.call('GET', `${base}/draft`)).json.data.latest.draftRevision;
    expect((await h.call('PUT', `${base}/draft`, { firstMessage: 'Hey', expectedRevision: stale })).status).toBe(200);
    expect(
      (await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: METRICS, expectedRevision: stale })).status,
    ).toBe(200);
    const lean = await h.call('PUT', `${base}/draft`, {
      postCallAnalyticsConfig: NEW_METRICS,
      expectedRevision: stale,
    });
    expect([lean.status, lean.json]).toEqual([409, { status: false, errors: ['analytics.postCallAnalyticsConfig'] }]);
    h.emu.setSwitches({ conflictBody: 'rich' });
    const rich = await h.call('PUT', `${base}/draft`, {
      postCallAnalyticsConfig: NEW_METRICS,
      expectedRevision: stale,
    });
    expect(rich.json).toMatchObject({
      status: false,
      errors: ['analytics.postCallAnalyticsConfig'],
      data: { conflict: { expectedRevision: stale, latestRevision: 3, diffs: [{ section: 'analytics' }] } },
    });
    const unavailable = await h.call('PUT', `${base}/draft`, { firstMessage: 'x', expectedRevision: 99 });
    expect([unavailable.status, unavailable.json]).toEqual([
      409,
      { status: false, errors: ['base_revision_unavailable'] },
    ]);
  });

  it('putMerge deep keeps omitted postCallAnalyticsConfig keys; replace drops them; lists are replaced either way', async () => {
    for (const [mode, expected] of [
      ['deep', { useReasoningModel: false }],
      ['replace', {}],
    ] as const) {
      h = await startV2({ putMerge: mode });
      const base = await h.base();
      await h.call('PUT', `${base}/draft`, {
        postCallAnalyticsConfig: { dispositionMetrics: NEW_METRICS.dispositionMetrics },
      });
      const draft = h.emu.getAgentState(AGENT)?.branches?.[0]?.draft?.postCallAnalyticsConfig as Record<
        string,
        unknown
      >;
      expect(draft.dispositionMetrics).toEqual(NEW_METRICS.dispositionMetrics);
      expect([mode, draft.useReasoningModel]).toEqual([mode, (expected as Record<string, unknown>).useReasoningModel]);
      await h.emu.close();
    }
  });

  it('labelPersisted false drops the label', async () => {
    h = await startV2({ labelPersisted: false, publishMode: 'sync' });
    expect((await publishNew('PR #7')).json.data.revision.label).toBeNull();
  });

  it('freeze: freezeWrites(n) and freezeMs answer 423 on v2 writes only', async () => {
    h = await startV2({ freezeMs: 1000 });
    const base = await h.base();
    const frozen = await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    expect([frozen.status, frozen.json]).toEqual([
      423,
      {
        status: false,
        error_type: 'config_freeze_active',
        errors: ['Agent config is frozen for a maintenance window'],
      },
    ]);
    expect((await h.call('GET', `/agent/${AGENT}/branches`)).status).toBe(200);
    h.clock.now += 1000;
    expect((await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS })).status).toBe(200);
    h.emu.freezeWrites(2);
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(423);
    expect((await h.call('POST', `${base}/live`)).status).toBe(423);
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
  });

  it('v1Branches empty: an unmigrated v1 agent lists no branches', async () => {
    h = await startV2({ versioning: 'v1', v1Branches: 'empty' });
    const list = await h.call('GET', `/agent/${AGENT}/branches`);
    expect([list.status, list.json]).toEqual([200, { status: true, data: { branches: [] } }]);
    expect((await h.call('GET', `/agent/${AGENT}/versions?limit=1`)).status).toBe(200);
  });

  it("a seed file's options set switches; explicit options win; bad options are named", async () => {
    const seed = checkSeed({
      options: { publishMode: 'sync', metricsLocation: 'postCallAnalyticsConfig', securityCheckMs: 5 },
      agents: [{ _id: AGENT }],
    });
    const emu = await startEmulator({ seed, metricsLocation: 'analytics' });
    expect(emu.getSwitches()).toMatchObject({
      publishMode: 'sync',
      metricsLocation: 'analytics',
      securityCheckMs: 5,
      versioning: 'v2',
    });
    await emu.close();
    expect(() => checkSeed({ options: { publishMode: 'later' }, agents: [] })).toThrow(
      'seed: options.publishMode must be one of sync, async, got "later"',
    );
    expect(() => checkSeed({ options: { bogus: 1 }, agents: [] })).toThrow(/options.bogus is not a switch/);
  });

  it('the legacy branchModel option and setBranchModel still work', async () => {
    const emu = await startEmulator({ branchModel: false, seed: { agents: [{ _id: AGENT }] } });
    expect(emu.getAgentState(AGENT)?.versioning).toBe('v1');
    emu.setBranchModel(true);
    const res = await fetch(`${emu.url}/agent/${AGENT}/versions`, {
      headers: { authorization: `Bearer ${emu.apiKey}` },
    });
    expect([res.status, res.headers.get('deprecation')]).toEqual([409, 'true']);
    await emu.close();
  });
});

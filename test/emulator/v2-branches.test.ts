// v2 branches beyond the happy path: restore, make live, create, diff, other editors, the dashboard, faults — over real HTTP.
import type { Json } from '../support/json.js';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT, METRICS, NEW_METRICS, startV2, type Harness } from './v2-helpers.js';

let h: Harness;
afterEach(() => h?.emu.close());

const SEED = {
  agents: [
    {
      _id: AGENT,
      versions: [
        { label: 'one', postCallAnalyticsConfig: METRICS },
        { label: 'bad', securityCheck: { status: 'failed', reason: 'flagged' } },
        { label: 'three', postCallAnalyticsConfig: NEW_METRICS },
      ],
      drafts: [
        { editorName: 'Priya', changedSections: ['workflow_prompt', 'analytics'], postCallAnalyticsConfig: METRICS },
      ],
      branches: [
        { name: 'experiment' },
        { name: 'staging', versions: [{ label: 'staged', securityCheck: { status: 'failed' } }] },
      ],
    },
  ],
};

describe('v2 branches', () => {
  it('seeds Main (revisions, open draft by another editor) and extra branches; load() returns their ids', async () => {
    h = await startV2();
    const ids = h.emu.load(SEED).agents[0];
    expect(ids?.branchIds).toHaveLength(3);
    expect(ids?.versionIds).toHaveLength(3);
    const state = h.emu.getAgentState(AGENT);
    expect(state?.branches?.map((b) => [b.name, b.isLive, b.isDefault, b.revisions.length])).toEqual([
      ['Main', true, true, 3],
      ['experiment', false, false, 1],
      ['staging', false, false, 1],
    ]);
    expect(state?.branches?.[0]).toMatchObject({
      branchId: ids?.branchIds[0],
      headRevisionId: ids?.versionIds[2],
      draft: {
        draftId: ids?.draftIds[0],
        editHistory: [{ editorName: 'Priya', changedSections: ['workflow_prompt', 'analytics'] }],
      },
    });
    const main = await h.live();
    expect(main).toMatchObject({
      hasOpenDraft: true,
      headRevisionNumber: 3,
      branch: { openDraftId: ids?.draftIds[0] },
    });
    const draft = await h.call('GET', `${await h.base()}/draft`);
    expect(draft.json.data.editHistory[0]).toMatchObject({
      editorName: 'Priya',
      changedSections: ['workflow_prompt', 'analytics'],
      revision: { status: 'draft' },
    });
    const diff = await h.call('GET', `/agent/${AGENT}/diff?a=${main.branch.headRevisionId}&b=${main.branch._id}:draft`);
    expect(diff.json.data.diffs.map((d: Json) => d.section).sort()).toEqual(['analytics', 'workflow_prompt']);
    expect(diff.json.data.diffs.find((d: Json) => d.section === 'analytics').changes).toEqual([
      { path: 'dispositionMetrics', oldValue: NEW_METRICS.dispositionMetrics, newValue: METRICS.dispositionMetrics },
    ]);
  });

  it('restore: a new head copying the source; 403 on a failed source; 409 on the current head', async () => {
    h = await startV2();
    const [ids] = h.emu.load(SEED).agents;
    const base = await h.base();
    const restored = await h.call('POST', `${base}/revisions/${ids?.versionIds[0]}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.json.data).toMatchObject({
      state: 'committed',
      revision: {
        revisionNumber: 4,
        restoredFromRevisionId: ids?.versionIds[0],
        restoredFromLabel: 'one',
        isActive: true,
      },
    });
    expect(
      (await h.call('GET', `/agent/${AGENT}`)).json.data._resolvedConfig.postCallAnalyticsConfig.dispositionMetrics,
    ).toEqual(METRICS.dispositionMetrics);
    expect((await h.live()).hasOpenDraft).toBe(true);
    expect((await h.call('POST', `${base}/revisions/${ids?.versionIds[1]}/restore`)).status).toBe(403);
    const head = await h.call('POST', `${base}/revisions/${restored.json.data.revision._id}/restore`);
    expect([head.status, head.json.error_type]).toEqual([409, 'publish_in_progress']);
    const history = await h.call('GET', `${base}/revisions/${ids?.versionIds[0]}/history`);
    expect(history.json.data).toMatchObject({ revision: { _id: ids?.versionIds[0] }, trail: [] });
  });

  it('/live swaps isLive, 200 on the live branch, 403 when the head did not pass its scan', async () => {
    h = await startV2();
    const [ids] = h.emu.load(SEED).agents;
    const [main, experiment, staging] = ids?.branchIds ?? [];
    expect((await h.call('POST', `/agent/${AGENT}/branches/${main}/live`, {})).json.data).toMatchObject({
      isLive: true,
      branch: { _id: main },
    });
    expect((await h.call('POST', `/agent/${AGENT}/branches/${staging}/live`)).status).toBe(403);
    const swap = await h.call('POST', `/agent/${AGENT}/branches/${experiment}/live`);
    expect([swap.status, swap.json.data.isLive]).toEqual([200, true]);
    const list = (await h.call('GET', `/agent/${AGENT}/branches`)).json.data.branches;
    expect(list.map((b: Json) => [b.branch.name, b.isLive])).toEqual([
      ['Main', false],
      ['experiment', true],
      ['staging', false],
    ]);
    expect((await h.call('GET', `/agent/${AGENT}`)).json.data.activeVersionId).toBe(list[1].branch.headRevisionId);
  });

  it('create, rename and archive branches with their 4xx', async () => {
    h = await startV2();
    const main = (await h.live()).branch;
    const created = await h.call('POST', `/agent/${AGENT}/branches`, { sourceBranchId: main._id, name: 'trial' });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({
      name: 'trial',
      isDefault: false,
      sourceBranchId: main._id,
      sourceRevisionId: main.headRevisionId,
      status: 'active',
    });
    expect(
      (await h.call('POST', `/agent/${AGENT}/branches`, { sourceBranchId: main._id, name: 'Trial' })).json.error_type,
    ).toBe('branch_name_exists');
    expect(
      (await h.call('POST', `/agent/${AGENT}/branches`, { sourceBranchId: main._id, name: 'main' })).json.error_type,
    ).toBe('branch_name_exists');
    expect((await h.call('POST', `/agent/${AGENT}/branches`, { name: 'x' })).status).toBe(400);
    expect((await h.call('PATCH', `/agent/${AGENT}/branches/${main._id}`, { name: 'Renamed' })).status).toBe(403);
    expect(
      (await h.call('PATCH', `/agent/${AGENT}/branches/${created.json.data._id}`, { name: 'trial-2' })).json.data.name,
    ).toBe('trial-2');
    expect((await h.call('POST', `/agent/${AGENT}/branches/${main._id}/archive`)).status).toBe(403);
    expect((await h.call('POST', `/agent/${AGENT}/branches/${created.json.data._id}/archive`)).json.data).toEqual({
      archived: true,
    });
    expect((await h.call('GET', `/agent/${AGENT}/branches`)).json.data.branches).toHaveLength(1);
  });

  it("revision reads: 400 for another branch's revision, 404 unknown; list paging", async () => {
    h = await startV2();
    const [ids] = h.emu.load(SEED).agents;
    const [main, experiment] = ids?.branchIds ?? [];
    expect((await h.call('GET', `/agent/${AGENT}/branches/${experiment}/revisions/${ids?.versionIds[0]}`)).status).toBe(
      400,
    );
    expect((await h.call('GET', `/agent/${AGENT}/branches/${main}/revisions/${'f'.repeat(24)}`)).status).toBe(404);
    const page = await h.call('GET', `/agent/${AGENT}/branches/${main}/revisions?limit=2&skip=1`);
    expect([page.json.data.total, page.json.data.revisions.map((r: Json) => r.label)]).toEqual([3, ['bad', 'one']]);
    expect((await h.call('GET', `/agent/${AGENT}/branches/${main}/revisions?limit=0`)).status).toBe(400);
    expect((await h.call('GET', `/agent/${AGENT}/branches/${'f'.repeat(24)}`)).status).toBe(404);
    expect((await h.call('GET', `/agent/${AGENT}/diff?a=${ids?.versionIds[0]}`)).status).toBe(400);
  });

  it('draft discard and publish cancel; publish with no draft is 404; label over 200 is 400', async () => {
    h = await startV2({ securityCheckMs: 6000 });
    const base = await h.base();
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(404);
    expect((await h.call('DELETE', `${base}/draft`)).status).toBe(404);
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    expect((await h.call('POST', `${base}/draft/publish`, { label: 'x'.repeat(201) })).status).toBe(400);
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
    expect((await h.call('POST', `${base}/draft/publish/cancel`)).json).toEqual({
      status: true,
      data: { cancelled: true },
    });
    h.clock.now += 6000;
    expect((await h.live()).headRevisionNumber).toBe(1);
    expect((await h.call('POST', `${base}/draft/publish/cancel`)).status).toBe(200);
    expect((await h.call('DELETE', `${base}/draft`)).json).toEqual({ status: true, data: { discarded: true } });
    expect((await h.live()).hasOpenDraft).toBe(false);
  });

  it('publish_in_progress: natural (second publish or a restore during a scan) and injected', async () => {
    h = await startV2({ securityCheckMs: 6000 });
    const base = await h.base();
    const head = (await h.live()).branch.headRevisionId;
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    await h.call('POST', `${base}/draft/publish`);
    expect((await h.call('POST', `${base}/revisions/${head}/restore`)).json.error_type).toBe('publish_in_progress');
    expect((await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: METRICS })).json.error_type).toBe(
      'publish_in_progress',
    );
    h.clock.now += 6000;
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: METRICS });
    h.emu.injectFault({
      method: 'POST',
      path: /\/draft\/publish$/,
      status: 409,
      body: { status: false, error_type: 'publish_in_progress', errors: ['busy'] },
    });
    expect((await h.call('POST', `${base}/draft/publish`)).json.error_type).toBe('publish_in_progress');
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
  });

  it('openForeignDraft and simulateDashboardChange: another editor, and a human publish mid-flight', async () => {
    h = await startV2();
    const draftId = h.emu.openForeignDraft(AGENT, { editorName: 'Sam', changedSections: ['workflow_prompt'] });
    const live = await h.live();
    expect(live).toMatchObject({ hasOpenDraft: true, branch: { openDraftId: draftId } });
    const revisionId = h.emu.simulateDashboardChange(AGENT, NEW_METRICS);
    const after = await h.live();
    expect(after.branch.headRevisionId).toBe(revisionId);
    expect(after.headRevisionNumber).toBe(2);
    expect(after.hasOpenDraft).toBe(true);
    const rev = await h.call('GET', `${await h.base()}/revisions/${revisionId}`);
    expect(rev.json.data.revision).toMatchObject({ label: 'Dashboard edit', publishedByName: 'Dashboard User' });
  });

  it('createAgent() on v2: Main, live, V1 committed with its scan passed; POST /agent too', async () => {
    h = await startV2();
    const id = h.emu.createAgent();
    expect(h.emu.getAgentState(id)?.branches).toMatchObject([
      {
        name: 'Main',
        isLive: true,
        isDefault: true,
        revisions: [{ revisionNumber: 1, securityCheck: { status: 'passed' } }],
        draft: null,
      },
    ]);
    const created = await h.call('POST', '/agent', { name: 'New' });
    expect(h.emu.getAgentState(created.json.data)?.versioning).toBe('v2');
  });

  it('latency, rate limit and faults apply to v2 routes too', async () => {
    h = await startV2({ rateLimitPerSecond: 1 });
    expect((await h.call('GET', `/agent/${AGENT}/branches`)).status).toBe(200);
    const limited = await h.call('GET', `/agent/${AGENT}/branches`);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '1']);
  });
});

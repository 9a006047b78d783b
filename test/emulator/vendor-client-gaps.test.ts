// What the vendor's own client needs of the emulator (issue 21): test-call routes, a new branch without a head,
// PUT during a scan, the publish race and restoring the head — over real HTTP.
import type { Json } from '../support/json.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { readSwitchFlags } from '../../src/emulator/switches.js';
import { AGENT, METRICS, NEW_METRICS, callerOf, startV2, type Harness } from './v2-helpers.js';

let h: Harness;
afterEach(() => h?.emu.close());

const CALL_ID = /^CALL-\d{13}-[a-f\d]{6}$/;

describe('test-call', () => {
  it('v2 branch test-call: the head by default, the draft, a revision; 400 for both, 404 with no draft', async () => {
    h = await startV2();
    const base = await h.base();
    const head = (await h.live()).branch.headRevisionId;
    const webcall = await h.call('POST', `${base}/test-call`, { mode: 'webcall' });
    expect(webcall.status).toBe(200);
    expect(webcall.json.data).toMatchObject({
      conversationId: expect.stringMatching(/^[a-f\d]{24}$/),
      callId: expect.stringMatching(CALL_ID),
      token: expect.any(String),
      roomName: expect.any(String),
      host: expect.any(String),
    });
    const chat = await h.call('POST', `${base}/test-call`, { mode: 'chat', revisionId: head });
    expect([chat.status, Object.keys(chat.json.data).sort()]).toEqual([200, ['callId', 'conversationId']]);
    expect((await h.call('POST', `${base}/test-call`, { mode: 'webcall', includeDraft: true })).status).toBe(404);
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    expect((await h.call('POST', `${base}/test-call`, { mode: 'webcall', includeDraft: true })).status).toBe(200);
    const both = await h.call('POST', `${base}/test-call`, { mode: 'webcall', includeDraft: true, revisionId: head });
    expect([both.status, both.json.status]).toEqual([400, false]);
    expect((await h.call('POST', `${base}/test-call`, { mode: 'fax' })).status).toBe(400);
    expect((await h.call('POST', `${base}/test-call`, { mode: 'telephony' })).status).toBe(400);
    expect((await h.call('POST', `${base}/test-call`, { mode: 'telephony', toPhone: '+15550100' })).status).toBe(200);
    expect((await h.call('POST', `${base}/test-call`, { mode: 'webcall', revisionId: 'f'.repeat(24) })).status).toBe(
      404,
    );
  });

  it('v2 branch test-call: 409 no_committed_revision on a branch before its first commit; test calls work during a freeze', async () => {
    h = await startV2();
    const main = (await h.live()).branch;
    const created = await h.call('POST', `/agent/${AGENT}/branches`, { sourceBranchId: main._id, name: 'fresh' });
    const call = await h.call('POST', `/agent/${AGENT}/branches/${created.json.data._id}/test-call`, {
      mode: 'webcall',
    });
    expect([call.status, call.json.error_type]).toEqual([409, 'no_committed_revision']);
    h.emu.freezeWrites(5);
    expect((await h.call('POST', `/agent/${AGENT}/branches/${main._id}/test-call`, { mode: 'chat' })).status).toBe(200);
  });

  it('the kept v1 test-calls answer on a v2 agent (not 409 migration-required), and 404 once keptV1Reads is off', async () => {
    h = await startV2();
    const base = await h.base();
    const head = (await h.live()).branch.headRevisionId;
    const version = await h.call('POST', `/agent/${AGENT}/versions/${head}/test-call`, { mode: 'webcall' });
    expect([version.status, version.headers.get('deprecation')]).toEqual([200, null]);
    expect(version.json.data).toMatchObject({
      conversationId: expect.any(String),
      callId: expect.stringMatching(CALL_ID),
    });
    const put = await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    const draft = await h.call('POST', `/agent/${AGENT}/drafts/${put.json.data.draftId}/test-call`, {});
    expect([draft.status, Object.keys(draft.json.data)]).toEqual([200, ['callId']]);
    expect((await h.call('POST', `/agent/${AGENT}/drafts/${'f'.repeat(24)}/test-call`, {})).status).toBe(404);
    expect((await h.call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: head })).json.error_type).toBe(
      'versioning_v2_migration_required',
    );
    h.emu.setSwitches({ keptV1Reads: false });
    expect((await h.call('POST', `/agent/${AGENT}/versions/${head}/test-call`, { mode: 'webcall' })).status).toBe(404);
  });

  it('the v1 test-calls answer on a v1 agent', async () => {
    const emu = await startEmulator({
      versioning: 'v1',
      seed: { agents: [{ _id: AGENT, versions: [{ isActive: true, postCallAnalyticsConfig: METRICS }] }] },
    });
    try {
      const call = callerOf(emu);
      const versionId = (await call('GET', `/agent/${AGENT}/versions`)).json.data.versions[0]._id;
      expect((await call('POST', `/agent/${AGENT}/versions/${versionId}/test-call`, { mode: 'chat' })).status).toBe(
        200,
      );
      const draft = await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: versionId });
      const test = await call('POST', `/agent/${AGENT}/drafts/${draft.json.data.draftId}/test-call`, {
        mode: 'webcall',
      });
      expect([test.status, test.json.data.callId]).toEqual([200, expect.stringMatching(CALL_ID)]);
    } finally {
      await emu.close();
    }
  });
});

describe('a new branch', () => {
  it('has no head until its first commit; its first draft starts from the source revision', async () => {
    h = await startV2({ publishMode: 'sync' });
    const main = (await h.live()).branch;
    const created = await h.call('POST', `/agent/${AGENT}/branches`, { sourceBranchId: main._id, name: 'fresh' });
    expect(created.json.data).toMatchObject({
      headRevisionId: null,
      sourceRevisionId: main.headRevisionId,
      openDraftId: null,
    });
    const path = `/agent/${AGENT}/branches/${created.json.data._id}`;
    expect((await h.call('GET', path)).json.data).toMatchObject({
      revisionsCount: 0,
      headRevisionNumber: null,
      hasOpenDraft: false,
    });
    expect((await h.call('GET', `${path}/revisions`)).json.data).toEqual({ revisions: [], total: 0 });
    expect((await h.call('POST', `${path}/live`)).json.error_type).toBe('no_committed_revision');
    expect(
      (await h.call('POST', `/agent/${AGENT}/branches`, { sourceBranchId: created.json.data._id, name: 'child' })).json
        .error_type,
    ).toBe('source_has_no_commit');
    await h.call('PUT', `${path}/draft`, { firstMessage: 'Hello from the fork' });
    const diff = await h.call('GET', `/agent/${AGENT}/diff?a=${main.headRevisionId}&b=${created.json.data._id}:draft`);
    expect(diff.json.data.diffs.map((d: Json) => d.section)).toEqual(['call_handling']);
    const published = await h.call('POST', `${path}/draft/publish`, { label: 'first' });
    expect(published.json.data).toMatchObject({
      state: 'committed',
      revision: { revisionNumber: 1, sourceVersionId: main.headRevisionId },
    });
    const rev = await h.call('GET', `${path}/revisions/${published.json.data.revision._id}`);
    expect(rev.json.data.resolvedConfig.analytics.dispositionMetrics).toEqual(METRICS.dispositionMetrics);
    expect((await h.call('POST', `${path}/live`)).json.data).toMatchObject({ isLive: true, headRevisionNumber: 1 });
  });

  it('a seeded branch with `versions: []` has no head either', async () => {
    h = await startV2();
    const [ids] = h.emu.load({ agents: [{ _id: AGENT, branches: [{ name: 'empty', versions: [] }] }] }).agents;
    expect(h.emu.getAgentState(AGENT)?.branches?.[1]).toMatchObject({
      name: 'empty',
      headRevisionId: null,
      revisions: [],
    });
    expect(ids?.branchIds).toHaveLength(2);
  });
});

describe('switches the fact sheet leaves open', () => {
  it('putDuringScan: 409 publish_in_progress by default; accept lands the edit and cancels the publish', async () => {
    h = await startV2({ securityCheckMs: 6000 });
    const base = await h.base();
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
    expect((await h.call('PUT', `${base}/draft`, { firstMessage: 'x' })).json.error_type).toBe('publish_in_progress');
    h.emu.setSwitches({ putDuringScan: 'accept' });
    const put = await h.call('PUT', `${base}/draft`, { firstMessage: 'x' });
    expect([put.status, put.json.data.pendingPublish?.state, put.json.data.securityCheck]).toEqual([
      200,
      'cancelled',
      null,
    ]);
    h.clock.now += 6000;
    expect(await h.live()).toMatchObject({ headRevisionNumber: 1, hasOpenDraft: true });
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
  });

  it('scanningRowListed: the scanning draft row leads GET …/revisions by default; false lists the old head first (the SDK race)', async () => {
    h = await startV2({ securityCheckMs: 6000 });
    const base = await h.base();
    const head = (await h.live()).branch.headRevisionId;
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    await h.call('POST', `${base}/draft/publish`);
    expect((await h.call('GET', `${base}/revisions?limit=1`)).json.data.revisions[0]).toMatchObject({
      status: 'draft',
      pendingPublish: { state: 'active' },
    });
    h.emu.setSwitches({ scanningRowListed: false });
    const listed = (await h.call('GET', `${base}/revisions?limit=1`)).json.data;
    expect([listed.total, listed.revisions[0]._id, listed.revisions[0].status]).toEqual([1, head, 'published']);
  });

  it('both switches are seed options and emulator flags', async () => {
    expect(readSwitchFlags({ 'put-during-scan': 'accept', 'scanning-row-listed': 'false' })).toEqual({
      putDuringScan: 'accept',
      scanningRowListed: false,
    });
    h = await startV2({
      seed: { options: { putDuringScan: 'accept', scanningRowListed: false }, agents: [{ _id: AGENT }] },
    });
    expect(h.emu.getSwitches()).toMatchObject({ putDuringScan: 'accept', scanningRowListed: false });
  });

  it('restoring the current head is a 409 with a documented ConflictErrorResponse type', async () => {
    h = await startV2();
    const head = (await h.live()).branch.headRevisionId;
    const restore = await h.call('POST', `${await h.base()}/revisions/${head}/restore`);
    expect([restore.status, restore.json.error_type]).toEqual([409, 'publish_in_progress']);
    expect([
      'branch_name_exists',
      'source_has_no_commit',
      'source_scanning',
      'publish_in_progress',
      'no_committed_revision',
    ]).toContain(restore.json.error_type);
  });
});

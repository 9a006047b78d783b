// The v2 branch model over real HTTP (fact sheet v2 §1): branches, draft, publish sync/async, revisions, detection.
import type { Json } from '../support/json.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';
import { AGENT, METRICS, NEW_METRICS, callerOf } from './v2-helpers.js';

const V1_AGENT = '65f1a2b3c4d5e6f708192a3c';
let clock = 1_000_000;
let emu: RunningEmulator;

async function start(options: EmulatorOptions = {}) {
  clock = 1_000_000;
  emu = await startEmulator({
    securityCheckMs: 6000,
    now: () => clock,
    seed: {
      agents: [
        { _id: AGENT, versions: [{ label: 'Launch', postCallAnalyticsConfig: METRICS }] },
        { _id: V1_AGENT, versioning: 'v1' },
      ],
    },
    ...options,
  });
  return emu;
}
afterEach(() => emu?.close());

function call(method: string, path: string, body?: unknown) {
  return callerOf(emu)(method, path, body);
}

async function liveBranch(agent = AGENT) {
  const list = await call('GET', `/agent/${agent}/branches`);
  return list.json.data.branches.find((b: Json) => b.isLive);
}

describe('v2 branch model', () => {
  it('lists Main as the live default branch with its seeded head', async () => {
    await start();
    const list = await call('GET', `/agent/${AGENT}/branches`);
    expect(list.status).toBe(200);
    expect(list.json.status).toBe(true);
    const [main] = list.json.data.branches;
    expect(Object.keys(main).sort()).toEqual([
      'branch',
      'createdByName',
      'hasOpenDraft',
      'headRevisionNumber',
      'isLive',
      'revisionsCount',
      'updatedByName',
    ]);
    expect(Object.keys(main.branch)).toEqual(
      expect.arrayContaining([
        '_id',
        'agent',
        'name',
        'isDefault',
        'sourceBranchId',
        'sourceRevisionId',
        'headRevisionId',
        'openDraftId',
        'status',
        'createdBy',
        'updatedBy',
        'createdAt',
        'updatedAt',
      ]),
    );
    expect(main).toMatchObject({
      isLive: true,
      hasOpenDraft: false,
      revisionsCount: 1,
      headRevisionNumber: 1,
      branch: {
        name: 'Main',
        isDefault: true,
        sourceBranchId: null,
        openDraftId: null,
        status: 'active',
        agent: AGENT,
      },
    });
    const one = await call('GET', `/agent/${AGENT}/branches/${main.branch._id}`);
    expect(one.json.data).toEqual(main);
    const rev = await call(
      'GET',
      `/agent/${AGENT}/branches/${main.branch._id}/revisions/${main.branch.headRevisionId}`,
    );
    expect(rev.json.data.revision).toMatchObject({
      _id: main.branch.headRevisionId,
      status: 'published',
      revisionNumber: 1,
      label: 'Launch',
      branch: main.branch._id,
      securityCheck: { status: 'passed' },
      isActive: true,
    });
    expect(rev.json.data.resolvedConfig.analytics).toMatchObject(METRICS);
  });

  it('PUT draft → publish (async: 202 scanning) → head moves after the scan; GET /agent follows live', async () => {
    await start();
    const live = await liveBranch();
    const base = `/agent/${AGENT}/branches/${live.branch._id}`;
    const put = await call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    expect(put.status).toBe(200);
    expect(put.json.data).toMatchObject({ status: 'draft', draftRevision: 1, revisionNumber: null });
    expect(JSON.stringify(put.json.data)).not.toContain('call_outcome');
    const detail = await call('GET', `${base}/draft`);
    expect(detail.json.data).toMatchObject({
      editCount: 1,
      editHistory: [
        {
          changedSections: ['analytics'],
          editorName: 'Emulator User',
          revision: { status: 'draft', draftRevision: 1 },
        },
      ],
    });
    const diff = await call('GET', `/agent/${AGENT}/diff?a=${live.branch.headRevisionId}&b=${live.branch._id}:draft`);
    expect(diff.json.data.diffs.map((d: Json) => d.section)).toEqual(['analytics']);
    const publish = await call('POST', `${base}/draft/publish`, { label: 'PR #12' });
    expect([publish.status, publish.json]).toEqual([202, { status: true, data: { state: 'scanning' } }]);
    expect((await call('POST', `${base}/draft/publish`)).json).toMatchObject({
      status: false,
      error_type: 'publish_in_progress',
    });
    const scanning = await call('GET', `${base}/revisions?limit=1`);
    const row = scanning.json.data.revisions[0];
    expect(row).toMatchObject({
      status: 'draft',
      pendingPublish: { state: 'active' },
      securityCheck: { status: 'queued' },
    });
    clock += 6000;
    const done = await call('GET', `${base}/revisions/${row._id}`);
    expect(done.json.data.revision).toMatchObject({
      _id: row._id,
      status: 'published',
      revisionNumber: 2,
      label: 'PR #12',
      securityCheck: { status: 'passed' },
      isActive: true,
    });
    expect((await call('GET', `${base}/draft`)).status).toBe(404);
    expect((await liveBranch()).branch.headRevisionId).toBe(row._id);
    const agent = await call('GET', `/agent/${AGENT}`);
    expect(agent.json.data.activeVersionId).toBe(row._id);
    expect(agent.json.data._resolvedConfig.postCallAnalyticsConfig.dispositionMetrics).toEqual(
      NEW_METRICS.dispositionMetrics,
    );
    const list = await call('GET', `${base}/revisions`);
    expect(list.json.data.total).toBe(2);
    expect(list.json.data.revisions.map((r: Json) => r.revisionNumber)).toEqual([2, 1]);
    expect((await call('POST', `${base}/draft/publish`)).status).toBe(404);
  });

  it('sync publish answers 200 committed with the revision', async () => {
    await start({ publishMode: 'sync' });
    const live = await liveBranch();
    await call('PUT', `/agent/${AGENT}/branches/${live.branch._id}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    const publish = await call('POST', `/agent/${AGENT}/branches/${live.branch._id}/draft/publish`, { label: 'x' });
    expect(publish.status).toBe(200);
    expect(publish.json.data).toMatchObject({
      state: 'committed',
      revision: { status: 'published', revisionNumber: 2, label: 'x' },
    });
    expect(emu.getAgentState(AGENT)?.branches?.[0]).toMatchObject({
      name: 'Main',
      isLive: true,
      headRevisionId: publish.json.data.revision._id,
      draft: null,
    });
  });

  it('a failed scan keeps the draft open, re-publish is 409 until edited', async () => {
    await start({ securityCheckMs: 0 });
    const live = await liveBranch();
    const base = `/agent/${AGENT}/branches/${live.branch._id}`;
    await call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    emu.failNextSecurityCheck('prompt injection', AGENT);
    expect((await call('POST', `${base}/draft/publish`)).status).toBe(202);
    const draft = await call('GET', `${base}/draft`);
    expect(draft.json.data.latest.securityCheck).toMatchObject({ status: 'failed', reason: 'prompt injection' });
    expect((await liveBranch()).branch.headRevisionId).toBe(live.branch.headRevisionId);
    const again = await call('POST', `${base}/draft/publish`);
    expect([again.status, again.json.error_type]).toEqual([409, 'draft_scan_failed']);
    await call('PUT', `${base}/draft`, { postCallAnalyticsConfig: METRICS });
    expect((await call('POST', `${base}/draft/publish`)).status).toBe(202);
    expect((await liveBranch()).headRevisionNumber).toBe(2);
  });

  it('v1 writes and lists on a v2 agent are 409 migration-required with Deprecation: true; a v1 agent in the same fleet works', async () => {
    await start();
    for (const [method, path] of [
      ['GET', `/agent/${AGENT}/versions?limit=1`],
      ['GET', `/agent/${AGENT}/drafts`],
      ['POST', `/agent/${AGENT}/drafts`],
      ['PATCH', `/agent/${AGENT}/drafts/${'a'.repeat(24)}/config`],
      ['PATCH', `/agent/${AGENT}/versions/${'a'.repeat(24)}/activate`],
    ] as const) {
      const res = await call(method, path, method === 'GET' ? undefined : {});
      expect([path, res.status, res.headers.get('deprecation'), res.json.error_type]).toEqual([
        path,
        409,
        'true',
        'versioning_v2_migration_required',
      ]);
    }
    expect((await call('GET', `/agent/${V1_AGENT}/versions?limit=1`)).status).toBe(200);
    const v1Branches = await call('GET', `/agent/${V1_AGENT}/branches`);
    expect([v1Branches.status, v1Branches.text]).toEqual([
      404,
      expect.stringContaining(`Cannot GET /atoms/v1/agent/${V1_AGENT}/branches`),
    ]);
    expect(emu.getAgentState(V1_AGENT)?.versioning).toBe('v1');
    expect(emu.getAgentState(AGENT)?.versioning).toBe('v2');
  });

  it('PUT draft: 400 on no recognised field, section names and bad metrics', async () => {
    await start();
    const live = await liveBranch();
    const put = (body: unknown) => call('PUT', `/agent/${AGENT}/branches/${live.branch._id}/draft`, body);
    for (const body of [{}, { prompt: 'x' }, { voice: {} }, { analytics: {} }])
      expect((await put(body)).json).toEqual({
        status: false,
        errors: ['No recognized config fields in request body'],
      });
    const bad = await put({
      postCallAnalyticsConfig: {
        dispositionMetrics: [{ identifier: 'Bad Id', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'x' }],
      },
    });
    expect([bad.status, bad.json.errors]).toEqual([
      400,
      ['Invalid config: postCallAnalyticsConfig.dispositionMetrics.0.identifier: Invalid'],
    ]);
    expect((await liveBranch()).hasOpenDraft).toBe(false);
  });
});

// The scanOutcome / scanReason switches: every publish (v1 version, v2 publish, v2 restore) ends as told, over real HTTP.
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT, NEW_METRICS, startV2, type Harness } from './v2-helpers.js';

let h: Harness;
afterEach(() => h?.emu.close());

describe('scan outcome switch', () => {
  it('v2: a publish scans (202) and ends failed with the reason; the head stays, the draft stays open', async () => {
    h = await startV2({ publishMode: 'sync', scanOutcome: 'failed', scanReason: 'prompt injection' });
    const base = await h.base();
    const head = (await h.live()).branch.headRevisionId;
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
    h.clock.now += 1;
    expect((await h.call('GET', `${base}/draft`)).json.data.latest.securityCheck).toMatchObject({
      status: 'failed',
      reason: 'prompt injection',
    });
    expect((await h.live()).branch.headRevisionId).toBe(head);
    expect(h.emu.getSwitches()).toMatchObject({ scanOutcome: 'failed', scanReason: 'prompt injection' });
  });

  it('v2: errored with no reason gives reason null; setSwitches back to passed lets the next publish through', async () => {
    h = await startV2({ scanOutcome: 'errored' });
    const base = await h.base();
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    await h.call('POST', `${base}/draft/publish`);
    h.clock.now += 1;
    expect((await h.call('GET', `${base}/draft`)).json.data.latest.securityCheck).toMatchObject({
      status: 'errored',
      reason: null,
    });
    h.emu.setSwitches({ scanOutcome: 'passed' });
    await h.call('PUT', `${base}/draft`, { firstMessage: 'Hi' });
    expect((await h.call('POST', `${base}/draft/publish`)).status).toBe(202);
    h.clock.now += 1;
    expect((await h.live()).headRevisionNumber).toBe(2);
  });

  it('v2: a restore scans (202), holds the branch (409 publish_in_progress) and never moves the head when it fails', async () => {
    h = await startV2({ securityCheckMs: 1000 });
    const base = await h.base();
    const first = (await h.live()).branch.headRevisionId;
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: NEW_METRICS });
    await h.call('POST', `${base}/draft/publish`);
    h.clock.now += 1000;
    const second = (await h.live()).branch.headRevisionId;
    expect(second).not.toBe(first);
    h.emu.setSwitches({ scanOutcome: 'failed', scanReason: 'tool misuse' });
    expect((await h.call('POST', `${base}/revisions/${first}/restore`)).status).toBe(202);
    const busy = await h.call('PUT', `${base}/draft`, { firstMessage: 'Hi' });
    expect([busy.status, busy.json.error_type]).toEqual([409, 'publish_in_progress']);
    h.clock.now += 1000;
    expect((await h.live()).branch.headRevisionId).toBe(second);
    h.emu.setSwitches({ scanOutcome: 'passed' });
    const again = await h.call('POST', `${base}/revisions/${first}/restore`);
    expect([again.status, again.json.data.state]).toEqual([200, 'committed']);
  });

  it('v1: every published version ends its check as told', async () => {
    h = await startV2({ versioning: 'v1', scanOutcome: 'failed', scanReason: 'prompt injection', securityCheckMs: 0 });
    const active = (await h.call('GET', `/agent/${AGENT}`)).json.data.activeVersionId;
    const draft = (await h.call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: active })).json.data.draftId;
    await h.call('PATCH', `/agent/${AGENT}/drafts/${draft}/config`, { postCallAnalyticsConfig: NEW_METRICS });
    const versionId = (await h.call('POST', `/agent/${AGENT}/drafts/${draft}/publish`, {})).json.data._id;
    const version = (await h.call('GET', `/agent/${AGENT}/versions/${versionId}`)).json.data.version;
    expect(version.securityCheck).toMatchObject({ status: 'failed', reason: 'prompt injection' });
  });
});

// The emulator's call logs: `GET /conversation` (paging, clamping, filters) and `/conversation/{id}`, and seeded generation.
import { afterEach, describe, expect, it } from 'vitest';
import { AtomsClient } from '../../src/atoms/client.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { AGENT, METRICS, startV2, type Harness } from './v2-helpers.js';

const OTHER = '65f1a2b3c4d5e6f708192a3c';
const DAY = 86_400_000;
let h: Harness;
let extra: RunningEmulator | undefined;
afterEach(async () => {
  await h.emu.close();
  await extra?.close();
  extra = undefined;
});

describe('GET /conversation', () => {
  it('pages newest-updated first, clamps the limit at 500, and filters by agentIds, versionFilter and isTest', async () => {
    h = await startV2();
    const head = (await h.live()).branch.headRevisionId;
    h.emu.addCalls(
      Array.from({ length: 7 }, (_, i) => ({
        agentId: AGENT,
        createdAt: h.clock.now - i * 60_000,
        isTest: i === 3,
        values: { call_resolved: 'true' },
      })),
    );
    h.emu.addCalls([{ agentId: AGENT, versionId: 'aaaaaaaaaaaaaaaaaaaaaaaa', createdAt: h.clock.now - DAY }]);
    const page1 = (await h.call('GET', `/conversation?agentIds=${AGENT}&limit=3`)).json.data;
    expect(page1.pagination).toEqual({ total: 8, page: 1, limit: 3, hasMore: true, totalPages: 3 });
    expect(page1.logs.map((l: { callId: string }) => l.callId.slice(-1))).toEqual(['1', '2', '3']);
    expect(page1.logs[0]).toMatchObject({
      agentId: AGENT,
      status: 'completed',
      versionId: head,
      isTest: false,
      dispositionMetrics: { call_resolved: 'true' },
      postCallAnalytics: { dispositionMetrics: [{ identifier: 'call_resolved', value: 'true', confidence: 0.9 }] },
    });
    expect(page1.logs[0]).not.toHaveProperty('transcript');
    expect(page1.dispositionMetricsConfig).toEqual([{ identifier: 'call_resolved', type: 'BOOLEAN' }]);
    const last = (await h.call('GET', `/conversation?agentIds=${AGENT}&limit=3&page=3`)).json.data;
    expect(last.pagination).toEqual({ total: 8, page: 3, limit: 3, hasMore: false, totalPages: 3 });
    expect(last.logs).toHaveLength(2);
    expect((await h.call('GET', '/conversation?limit=5000')).json.data.pagination.limit).toBe(500);
    expect(
      (await h.call('GET', `/conversation?agentIds=${AGENT}&isTest=false&versionFilter=${head}&limit=500`)).json.data
        .pagination.total,
    ).toBe(6);
    expect((await h.call('GET', `/conversation?agentIds=${OTHER}`)).json.data.pagination.total).toBe(0);
    expect((await h.call('GET', '/conversation?page=0')).status).toBe(400);
  });

  it('answers one call with its transcript, and 404 for an unknown id', async () => {
    h = await startV2();
    const [id] = h.emu.addCalls([{ agentId: AGENT, values: null }]);
    const one = (await h.call('GET', `/conversation/${id}`)).json.data;
    expect(one).toMatchObject({ callId: id, postCallAnalytics: null, dispositionMetrics: {} });
    expect(one.transcript).toHaveLength(1);
    expect((await h.call('GET', '/conversation/CALL-0-ffffff')).status).toBe(404);
  });

  it('reaches the client as aggregates need it: no transcript, phone number or summary is kept', async () => {
    h = await startV2({ callsSeed: 1, callsPerAgent: 20 });
    const api = new AtomsClient({ apiKey: h.emu.apiKey, baseUrl: h.emu.url });
    const page = await api.conversations.listConversations({ agentIds: [AGENT], limit: 20 });
    const talked = page.logs.find((l) => l.hadConversation && l.analytics !== null);
    const one = await api.conversations.getConversation(talked?.id ?? '');
    expect(one).toEqual(talked);
    expect(Object.keys(one).sort()).toEqual([
      'agentId',
      'analytics',
      'createdAt',
      'hadConversation',
      'id',
      'isTest',
      'metricTypes',
      'status',
      'updatedAt',
      'versionId',
    ]);
    expect(JSON.stringify(page)).not.toMatch(/\+1555|Caller|call me back/);
  });
});

describe('synthetic calls from a seed number', () => {
  it("are the same for the same seed, differ for another, and carry the platform's rough edges", async () => {
    h = await startV2({ callsSeed: 7, callsPerAgent: 300 });
    extra = await startEmulator({
      callsSeed: 7,
      callsPerAgent: 300,
      now: () => h.clock.now,
      seed: { agents: [{ _id: AGENT, versions: [{ postCallAnalyticsConfig: METRICS }] }] },
    });
    const api = (emu: RunningEmulator) => new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const a = await api(h.emu).conversations.listConversations({ agentIds: [AGENT], limit: 500 });
    const b = await api(extra).conversations.listConversations({ agentIds: [AGENT], limit: 500 });
    expect(a.total).toBe(300);
    // Ids of revisions are random per start; everything else is reproduced.
    const strip = (logs: typeof a.logs) => logs.map(({ versionId: _, ...rest }) => rest);
    expect(strip(a.logs)).toEqual(strip(b.logs));
    expect(h.emu.generateCalls(8, 300)).toBe(300);
    const c = await api(h.emu).conversations.listConversations({ agentIds: [AGENT], limit: 500 });
    expect(strip(c.logs)).not.toEqual(strip(a.logs));
    const logs = a.logs;
    const values = logs.flatMap((l) => l.analytics ?? []).map((m) => m.value);
    expect(logs.filter((l) => l.isTest).length).toBeGreaterThan(0);
    expect(
      logs.filter((l) => l.status === 'completed' && l.hadConversation && l.analytics === null).length,
    ).toBeGreaterThan(0);
    expect(logs.filter((l) => !l.hadConversation).length).toBeGreaterThan(0);
    expect(values.filter((v) => v === '' || v === null).length).toBeGreaterThan(0);
    expect(values.filter((v) => v !== null && !['', 'true', 'True', 'false'].includes(v)).length).toBeGreaterThan(0);
    const days = (Date.parse(logs.at(0)?.createdAt ?? '') - Date.parse(logs.at(-1)?.createdAt ?? '')) / DAY;
    expect(days).toBeGreaterThan(19);
    expect(days).toBeLessThan(20);
  });

  it("come from the seed file's options and the --calls-seed flag, and load() regenerates them", async () => {
    h = await startV2({ seed: { options: { callsSeed: 3, callsPerAgent: 10 }, agents: [{ _id: AGENT }] } });
    expect((await h.call('GET', '/conversation')).json.data.pagination.total).toBe(10);
    h.emu.load({ agents: [{ _id: AGENT }, { _id: OTHER }], options: { callsSeed: 3, callsPerAgent: 4 } });
    expect((await h.call('GET', '/conversation')).json.data.pagination.total).toBe(8);
    const { parseEmulatorArgs } = await import('../../src/cli/emulator-args.js');
    expect(parseEmulatorArgs(['--calls-seed', '42', '--calls-per-agent', '100'])).toMatchObject({
      switches: { callsSeed: 42, callsPerAgent: 100 },
    });
  });
});

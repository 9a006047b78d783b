// Insights over real HTTP: a hand-made call set read through the client from the emulator, aggregated to exact numbers.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomsClient } from '../../src/atoms/client.js';
import { validateText } from '../../src/config/validate-text.js';
import { startEmulator, type CallSpec, type RunningEmulator } from '../../src/emulator/index.js';
import { addPlanInsights } from '../../src/insights/plan-insights.js';
import { readRecentCalls } from '../../src/insights/read-calls.js';
import { buildPlan, planTargets } from '../../src/plan/run-plan.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const NOW = Date.UTC(2026, 10, 20, 12);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const seed = JSON.parse(readFileSync('examples/emulator-seed.json', 'utf8'));
let emu: RunningEmulator;
let api: AtomsClient;

const col = <T>(list: T[], i: number): T => list[i] as T;
const LONG = 'The customer called about a duplicate charge and asked to be called back at +1 555 010 7788 tomorrow.';

/** Ten analysed calls with known values, then calls that must be left out or counted apart. */
function callSet(): CallSpec[] {
  const analysed: CallSpec[] = Array.from({ length: 10 }, (_, i) => ({
    agentId: AGENT,
    createdAt: NOW - (i + 1) * HOUR,
    values: {
      call_resolved: col(['true', 'true', 'true', 'True', 'true', 'false', 'false', 'N/A', '', null], i),
      satisfaction_score: col(['5', '4', '4', '3', '1', '2', 'N/A', '3.5', '', ' 5 '], i),
      call_outcome: col(
        ['resolved', 'resolved', 'resolved', 'escalated', 'callback', 'callback', 'no_action', 'Resolved', '', null],
        i,
      ),
      summary: col(
        [
          'billing question',
          'billing question',
          'billing question',
          'order status',
          'order status',
          LONG,
          `${LONG} Again.`,
          'refund',
          '',
          '',
        ],
        i,
      ),
    },
    ...(i < 2 ? { confidence: { call_resolved: 0.3 } } : {}),
  }));
  return [
    ...analysed,
    { agentId: AGENT, createdAt: NOW - 2 * DAY, values: null },
    { agentId: AGENT, createdAt: NOW - 2 * DAY - HOUR, values: null },
    { agentId: AGENT, createdAt: NOW - 3 * DAY, status: 'no_answer', values: { call_resolved: null } },
    { agentId: AGENT, createdAt: NOW - 30_000, values: null },
    ...[1, 2, 3].map((i) => ({
      agentId: AGENT,
      createdAt: NOW - i * HOUR,
      isTest: true,
      values: { call_outcome: 'transferred' },
    })),
    ...[1, 2].map((i) => ({
      agentId: AGENT,
      createdAt: NOW - i * HOUR,
      versionId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      values: { call_outcome: 'transferred' },
    })),
    ...[15, 20].map((d) => ({ agentId: AGENT, createdAt: NOW - d * DAY, values: { call_outcome: 'resolved' } })),
  ];
}

beforeEach(async () => {
  emu = await startEmulator({ versioning: 'v2', securityCheckMs: 0, now: () => NOW, seed });
  api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
});
afterEach(() => emu.close());

async function planWithInsights(window = { maxCalls: 500, days: 14 }) {
  const file = validateText(
    'metrics/support-agent.yaml',
    readFileSync('examples/metrics/support-agent.yaml', 'utf8'),
  ).file;
  if (!file) throw new Error('the example file is invalid');
  const plan = await buildPlan({
    targets: planTargets([file]),
    diagnostics: [],
    files: [file.path],
    api,
    concurrency: 2,
  });
  return addPlanInsights(plan, { api, window, now: NOW, concurrency: 2 });
}

describe('insights from a seeded call set, over real HTTP', () => {
  it('counts exactly: test calls, other versions and old calls left out; dropped analytics, off-type and out-of-choice answers found', async () => {
    emu.addCalls(callSet());
    const insights = (await planWithInsights()).agents[0]?.insights;
    expect(insights).toMatchObject({
      calls: 14,
      analysed: 10,
      dropped: 2,
      noConversation: 1,
      pending: 1,
      days: 3,
      excluded: { test: 3, otherVersion: 2, outsideWindow: 2 },
    });
    expect(insights?.versionId).toBe(emu.getAgentState(AGENT)?.branches?.[0]?.headRevisionId);
    expect(insights?.metrics).toEqual([
      {
        identifier: 'call_resolved',
        type: 'BOOLEAN',
        analysed: 10,
        withValue: 8,
        empty: 2,
        lowConfidence: 2,
        detail: { type: 'BOOLEAN', true: 5, false: 2, offType: 1 },
      },
      {
        identifier: 'satisfaction_score',
        type: 'INTEGER',
        analysed: 10,
        withValue: 9,
        empty: 1,
        lowConfidence: 0,
        detail: { type: 'INTEGER', min: 1, median: 4, max: 5, offType: 2 },
      },
      {
        identifier: 'call_outcome',
        type: 'ENUM',
        analysed: 10,
        withValue: 8,
        empty: 2,
        lowConfidence: 0,
        detail: {
          type: 'ENUM',
          choices: [
            { value: 'resolved', count: 3 },
            { value: 'escalated', count: 1 },
            { value: 'callback_scheduled', count: 0 },
            { value: 'no_action', count: 1 },
          ],
          outside: 3,
          outsideTop: [{ value: 'callback', count: 2 }],
        },
      },
      {
        identifier: 'summary',
        type: 'STRING',
        analysed: 10,
        withValue: 8,
        empty: 2,
        lowConfidence: 0,
        detail: {
          type: 'STRING',
          distinct: 5,
          top: [
            { value: 'billing question', count: 3 },
            { value: 'order status', count: 2 },
          ],
        },
      },
    ]);
  });

  it('honours the call limit of the window: the newest calls first', async () => {
    emu.addCalls(callSet());
    const insights = (await planWithInsights({ maxCalls: 5, days: 14 })).agents[0]?.insights;
    expect(insights).toMatchObject({
      calls: 5,
      analysed: 4,
      pending: 1,
      days: 1,
      excluded: { test: 3, otherVersion: 2, outsideWindow: 11 },
    });
  });

  it('reads at most three pages per agent, with the default sort and agentIds, and stops past the window', async () => {
    emu.generateCalls(5, 2000);
    const live = emu.getAgentState(AGENT)?.branches?.[0]?.headRevisionId ?? '';
    const wide = await readRecentCalls(api.conversations, {
      agentId: AGENT,
      liveVersionId: live,
      window: { maxCalls: 1500, days: 14 },
      now: NOW,
    });
    expect(wide.pages).toBe(3);
    const conversationReads = emu.requests.filter((r) => r.path === '/conversation');
    expect(conversationReads.map((r) => new URLSearchParams(r.query).get('page'))).toEqual(['1', '2', '3']);
    expect(
      conversationReads.every(
        (r) =>
          new URLSearchParams(r.query).get('agentIds') === AGENT &&
          !r.query.includes('sort') &&
          !r.query.includes('date'),
      ),
    ).toBe(true);
    const narrow = await readRecentCalls(api.conversations, {
      agentId: AGENT,
      liveVersionId: live,
      window: { maxCalls: 500, days: 1 },
      now: NOW,
    });
    expect(narrow.pages).toBe(1);
  });

  it('turns a failure to read calls into a warning on the agent, never a failed plan', async () => {
    emu.injectFault({ path: '/conversation', status: 403, times: 10 });
    const agent = (await planWithInsights()).agents[0];
    expect(agent?.status).toBe('changed');
    expect(agent?.insights).toBeUndefined();
    expect(agent?.insightsWarning).toMatch(/^Could not read recent calls: .*403/);
  });
});

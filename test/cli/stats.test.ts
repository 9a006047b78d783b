// `atoms-metrics stats` through the CLI's own entry (runCli), against the emulator over HTTP.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/main.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const HOUR = 3_600_000;
let emu: RunningEmulator;
let ws: Workspace;

beforeEach(async () => {
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 0,
    seed: await loadSeedFile('examples/emulator-seed.json'),
  });
  ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
  const now = Date.now();
  emu.addCalls([
    ...Array.from({ length: 8 }, (_, i) => ({
      agentId: AGENT,
      createdAt: now - (i + 1) * HOUR,
      values: {
        call_resolved: i < 6 ? 'true' : 'maybe',
        satisfaction_score: String(i + 1),
        call_outcome: i < 7 ? 'resolved' : 'callback',
        summary: i < 4 ? 'order status' : `Call back on +1 555 010 77${i}0 please, about the order.`,
      },
    })),
    { agentId: AGENT, createdAt: now - 2 * HOUR, values: null },
    { agentId: AGENT, createdAt: now - 2 * HOUR, isTest: true, values: { call_resolved: 'true' } },
    { agentId: AGENT, createdAt: now - 30 * 24 * HOUR, values: { call_resolved: 'true' } },
  ]);
});
afterEach(async () => {
  await emu.close();
  ws.remove();
});

describe('atoms-metrics stats', () => {
  it('prints a table per agent and metric with exact numbers, and never a phone number or free text', async () => {
    const out = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['stats', '--days', '7'], out)).toBe(0);
    expect(
      out.out.replace(/live v1 version \S+/, 'live v1 version <id>'),
    ).toBe(`Recent calls: the last 500 non-test calls on the live version, or 7 days, whichever is smaller. Aggregates only.

${AGENT} (metrics/support-agent.yaml): live v1 version <id> — 9 calls on the live version over 1 day; 1 with dropped analytics (11 % of conversations)
  metric              type     value  empty  low conf.  distribution
  call_resolved       BOOLEAN  100 %  0 %    0 %        true 75 % · false 0 % · off-type 25 %
  satisfaction_score  INTEGER  100 %  0 %    0 %        min 1 · median 4.5 · max 8
  call_outcome        ENUM     100 %  0 %    0 %        "resolved" 88 % · "escalated" 0 % · "callback_scheduled" 0 % · "no_action" 0 % · outside choices 13 %
  summary             STRING   100 %  0 %    0 %        5 distinct · "order status" 50 %
  Left out: 1 test call, 1 outside the window.
`);
    expect(out.out).not.toMatch(/555|Call back/);
  });

  it('--format json and --calls: the newest calls only', async () => {
    const out = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['stats', 'metrics/support-agent.yaml', '--format', 'json', '--calls', '3'], out)).toBe(0);
    const json = JSON.parse(out.out);
    expect(json.window).toEqual({ maxCalls: 3, days: 14 });
    expect(json.agents[0].insights).toMatchObject({
      calls: 3,
      analysed: 2,
      dropped: 1,
      excluded: { test: 1, outsideWindow: 7 },
    });
    expect(json.agents[0].insights.metrics[0]).toEqual({
      identifier: 'call_resolved',
      type: 'BOOLEAN',
      analysed: 2,
      withValue: 2,
      empty: 0,
      lowConfidence: 0,
      detail: { type: 'BOOLEAN', true: 2, false: 0, offType: 0 },
    });
  });

  it('exits 1 with the reason when calls cannot be read', async () => {
    emu.injectFault({ path: '/conversation', status: 403, times: 10 });
    const out = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['stats'], out)).toBe(1);
    expect(out.out).toMatch(/metrics\/support-agent\.yaml\): Could not read recent calls: .*403/);
  });

  it("accepts --disable like the other commands: the rule's warning is gone", async () => {
    ws.write(
      'metrics/support-agent.yaml',
      readFileSync('examples/metrics/support-agent.yaml', 'utf8').replace(
        /dispositionMetricPrompt: .*/,
        'dispositionMetricPrompt: Resolved?',
      ),
    );
    const env = { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url };
    const warned = io(ws.dir, env);
    expect(await runCli(['stats'], warned)).toBe(0);
    expect(warned.out + warned.err).toContain('[vague-prompt]');
    const quiet = io(ws.dir, env);
    expect(await runCli(['stats', '--disable', 'vague-prompt'], quiet)).toBe(0);
    expect(quiet.out + quiet.err).not.toContain('[vague-prompt]');
    expect(parseCliArgs(['stats', '--disable', 'vague-prompt,too-many-metrics'], {})).toMatchObject({
      kind: 'stats',
      disabledRules: ['vague-prompt', 'too-many-metrics'],
    });
  });

  it('a redacted 403 keeps the text around the credential, closing parenthesis included', async () => {
    emu.injectFault({
      path: '/conversation',
      status: 403,
      times: 10,
      body: {
        status: false,
        errors: ['Token not allowed to read calls (Authorization: Bearer eyJhbGciOi.J9-x_y). Ask an admin'],
      },
    });
    const out = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['stats'], out)).toBe(1);
    expect(out.out).toContain(
      'Could not read recent calls: The Atoms API refused GET /conversation (403): Token not allowed to read calls (Authorization: Bearer ***). Ask an admin. The key may belong',
    );
    expect(out.out).not.toContain('eyJhbGciOi');
  });

  it('checks its options', () => {
    expect(parseCliArgs(['stats', 'a.yaml', '--calls', '20', '--days', '3'], {})).toMatchObject({
      kind: 'stats',
      patterns: ['a.yaml'],
      calls: 20,
      days: 3,
      format: 'text',
      maxRequestsPerSecond: 8,
      concurrency: 8,
    });
    expect(() => parseCliArgs(['stats', '--days', '91'], {})).toThrow(
      "--days must be a whole number from 1 to 90, got '91'",
    );
    expect(() => parseCliArgs(['stats', '--calls', '0'], {})).toThrow(
      "--calls must be a whole number from 1 to 1500, got '0'",
    );
    expect(() => parseCliArgs(['stats', '--format', 'markdown'], {})).toThrow('--format must be one of text, json');
    expect(() => parseCliArgs(['plan', '--calls', '3'], {})).toThrow("unknown option '--calls' for plan");
  });
});

describe('atoms-metrics stats on v2: what the calls say', () => {
  const run = async (
    calls: (versionOf: { live: string; older: string }) => Parameters<RunningEmulator['addCalls']>[0],
  ) => {
    await emu.close();
    emu = await startEmulator({
      securityCheckMs: 0,
      publishMode: 'sync',
      seed: await loadSeedFile('examples/emulator-seed.json'),
    });
    const live = emu.getAgentState(AGENT)?.branches?.[0]?.headRevisionId ?? '';
    // An earlier revision's id: calls keep the revision they were made on.
    const older = 'a'.repeat(24);
    emu.addCalls(calls({ live, older }));
    const out = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['stats', 'metrics/support-agent.yaml'], out)).toBe(0);
    return out.out;
  };

  it('counts BOOLEAN "yes"/"no" (any case, trimmed) as true/false and keeps truly off-type values apart', async () => {
    const now = Date.now();
    const answers = [...Array(58).fill('yes'), ' Yes ', 'YES', ...Array(37).fill('no'), 'No', ' NO', 'maybe', 'N/A'];
    const out = await run(({ live }) =>
      answers.map((answer, i) => ({
        agentId: AGENT,
        versionId: live,
        createdAt: now - (i + 1) * 60_000,
        values: { call_resolved: answer },
      })),
    );
    expect(out).toMatch(/call_resolved\s+BOOLEAN\s+100 %.*true 59 % · false 39 % · off-type 2 %/);
  });

  it('says there are no calls on the live revision yet, and how many older calls were left out', async () => {
    const now = Date.now();
    const out = await run(({ older }) =>
      Array.from({ length: 40 }, (_, i) => ({
        agentId: AGENT,
        versionId: older,
        createdAt: now - (i + 1) * HOUR,
        values: { call_resolved: 'true' },
      })),
    );
    expect(out).toMatch(
      /metrics\/support-agent\.yaml\): live .* — no calls on the live version yet; 40 calls on other versions or revisions were left out\n/,
    );
  });
});

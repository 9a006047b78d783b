// Insights at fleet scale: a plan of 200 agents with insights on (one page of up to 500 recent calls per agent, read and
// aggregated) against the same plan with insights off. The emulator runs in its own process, as the API is remote: its
// cost of serving 100,000 call logs is not ours to measure. Interleaved runs, median of 5, simulated latency.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomsClient } from '../src/atoms/client.js';
import { normalizeConfig } from '../src/config/normalize.js';
import { addPlanInsights } from '../src/insights/plan-insights.js';
import { DEFAULT_WINDOW } from '../src/insights/types.js';
import { createRateLimiter } from '../src/fleet/rate-limiter.js';
import { buildPlan } from '../src/plan/run-plan.js';

const AGENTS = 200;
const LATENCY_MS = 15;
const RUNS = 5;
const DEFAULT_RATE = 8;
const METRICS = [
  {
    identifier: 'call_resolved',
    dispositionMetricType: 'BOOLEAN',
    dispositionMetricPrompt: 'Was the issue resolved during the call?',
  },
  {
    identifier: 'satisfaction_score',
    dispositionMetricType: 'INTEGER',
    dispositionMetricPrompt: 'How satisfied was the customer, from 1 to 5?',
  },
  {
    identifier: 'call_outcome',
    dispositionMetricType: 'ENUM',
    dispositionMetricPrompt: 'What was the outcome of the call?',
    choices: ['resolved', 'escalated', 'callback_scheduled', 'no_action'],
  },
  {
    identifier: 'summary',
    dispositionMetricType: 'STRING',
    dispositionMetricPrompt: 'Summarise the call in two sentences.',
  },
];
const desired = normalizeConfig({ dispositionMetrics: METRICS.slice(0, 3) });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** `atoms-metrics emulator` from dist/ in a child process; resolves with its base URL once it listens. */
async function startChildEmulator(seedPath: string): Promise<{ url: string; child: ChildProcess }> {
  // 600 calls per agent over 20 days: about 390 in the default window, so each agent reads one page of 500.
  const child = spawn(
    process.execPath,
    [
      'dist/cli.js',
      'emulator',
      '--port',
      '0',
      '--seed',
      seedPath,
      '--calls-seed',
      '1',
      '--latency-ms',
      String(LATENCY_MS),
      '--security-check-ms',
      '0',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`bench: the emulator exited (${code})`)));
  });
  return { url, child };
}

export async function benchInsights() {
  const ids = Array.from({ length: AGENTS }, () => randomBytes(12).toString('hex'));
  const seedPath = join(mkdtempSync(join(tmpdir(), 'atoms-bench-')), 'seed.json');
  writeFileSync(
    seedPath,
    JSON.stringify({
      agents: ids.map((_id) => ({ _id, versions: [{ postCallAnalyticsConfig: { dispositionMetrics: METRICS } }] })),
    }),
  );
  const { url, child } = await startChildEmulator(seedPath);
  const targets = ids.map((agentId) => ({ agentId, file: 'f', desired }));
  const requests = { on: 0, off: 0 };
  const plan = async (insights: boolean, requestsPerSecond: number) => {
    const limiter = createRateLimiter({ requestsPerSecond });
    // Every request of a run passes the limiter once per attempt: counting there counts what the API saw.
    const counting = {
      acquire: () => (requests[insights ? 'on' : 'off']++, limiter.acquire()),
      onRateLimited: (ms: number | undefined) => limiter.onRateLimited(ms),
    };
    const api = new AtomsClient({ apiKey: 'sk_emulator_key', baseUrl: url, limiter: counting });
    const start = performance.now();
    const built = await buildPlan({ targets, diagnostics: [], files: [], api, concurrency: 16 });
    const done = insights
      ? await addPlanInsights(built, { api, window: DEFAULT_WINDOW, now: Date.now(), concurrency: 16 })
      : built;
    const ms = performance.now() - start;
    if (insights && done.agents.some((a) => !a.insights || a.insights.calls === 0))
      throw new Error(
        `bench insights: an agent had no insights (${done.agents.find((a) => a.insightsWarning)?.insightsWarning ?? ''})`,
      );
    return ms;
  };
  try {
    // The action's default pace (8 requests/s, shared): what a real run spends, one run each (the limiter makes it steady).
    const paced = { off: await plan(false, DEFAULT_RATE), on: await plan(true, DEFAULT_RATE) };
    // Limiter off: what reading and aggregating ~100,000 call logs costs this machine's CPU.
    const off: number[] = [];
    const on: number[] = [];
    await plan(true, 0); // warm-up: JIT and sockets
    for (let i = 0; i < RUNS; i++) {
      off.push(await plan(false, 0));
      on.push(await plan(true, 0));
    }
    const pagesPerAgent = (requests.on / (RUNS + 2) - requests.off / (RUNS + 1)) / AGENTS;
    return [
      {
        benchmark: `insights-1. plan ${AGENTS} agents, default limiter ${DEFAULT_RATE}/s, insights on vs off`,
        'median ms': paced.on.toFixed(0),
        'baseline ms': paced.off.toFixed(0),
        ratio: `${(paced.on / paced.off).toFixed(2)}×`,
        target: '≤ 3×',
      },
      {
        benchmark: `insights-2. the same, limiter off (${LATENCY_MS} ms latency; client CPU bound)`,
        'median ms': median(on).toFixed(0),
        'baseline ms': median(off).toFixed(0),
        ratio: `${(median(on) / median(off)).toFixed(2)}×`,
        target: '—',
      },
      {
        benchmark: 'insights-3. pages of calls read per agent (≤ 500 calls each)',
        'median ms': pagesPerAgent.toFixed(2),
        'baseline ms': '—',
        ratio: '—',
        target: '≤ 3',
      },
    ];
  } finally {
    child.kill();
  }
}

// What the fleet benchmarks share: one emulator full of agents whose live metrics differ from the file, and a timer.
import { normalizeConfig } from '../src/config/normalize.js';
import { startEmulator } from '../src/emulator/index.js';

export const LATENCY_MS = 15;
const metric = (i: number) => ({
  identifier: `m${i}`,
  dispositionMetricType: 'BOOLEAN',
  dispositionMetricPrompt: `Was point ${i} covered in the call?`,
});
export const desired = normalizeConfig({ dispositionMetrics: [metric(1), metric(2), metric(3)] });

/** An emulator (responses delayed LATENCY_MS) holding `count` agents on `versioning`; returns it and their ids. */
export async function fleet(versioning: 'v1' | 'v2', count: number, securityCheckMs: number) {
  const emu = await startEmulator({ versioning, securityCheckMs, latencyMs: LATENCY_MS });
  const ids = emu
    .load({
      agents: Array.from({ length: count }, () => ({
        versions: [{ isActive: true, postCallAnalyticsConfig: { dispositionMetrics: [metric(1)] } }],
      })),
    })
    .agents.map((a) => a.agentId);
  return { emu, ids };
}

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

// Shared by the v2 emulator tests: start a v2 emulator with a clock, call it over real HTTP.
import type { Json } from '../support/json.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export const AGENT = '65f1a2b3c4d5e6f708192a3b';
export const METRICS = {
  dispositionMetrics: [
    { identifier: 'call_resolved', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was it resolved?' },
  ],
  useInternalAnalyticsModel: true,
  useReasoningModel: false,
};
export const NEW_METRICS = {
  dispositionMetrics: [
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'Outcome?',
      choices: ['a', 'b'],
    },
  ],
  useInternalAnalyticsModel: true,
  useReasoningModel: false,
};

export interface Harness {
  emu: RunningEmulator;
  clock: { now: number };
  call(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; headers: Headers; text: string; json: Json }>;
  /** The live branch's summary. */
  live(agent?: string): Promise<Json>;
  /** `/agent/{AGENT}/branches/{live branch id}`. */
  base(agent?: string): Promise<string>;
}

/** Calls a running emulator over real HTTP with its key; `json` is the parsed body when it is JSON. */
export function callerOf(emu: RunningEmulator): Harness['call'] {
  return async (method, path, body) => {
    const res = await fetch(`${emu.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${emu.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, headers: res.headers, text, json };
  };
}

export async function startV2(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = { now: 1_000_000 };
  const emu = await startEmulator({
    securityCheckMs: 0,
    now: () => clock.now,
    seed: { agents: [{ _id: AGENT, versions: [{ label: 'Launch', postCallAnalyticsConfig: METRICS }] }] },
    ...options,
  });
  const call = callerOf(emu);
  const live = async (agent = AGENT) =>
    (await call('GET', `/agent/${agent}/branches`)).json.data.branches.find((b: Json) => b.isLive);
  const base = async (agent = AGENT) => `/agent/${agent}/branches/${(await live(agent)).branch._id}`;
  return { emu, clock, call, live, base };
}

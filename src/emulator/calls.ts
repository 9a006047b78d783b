/**
 * Synthetic call logs for `GET /conversation` (fact sheet v2 §5): generated deterministically from a seed number for each
 * agent's live metrics, with the platform's rough edges — empty and off-type values, answers outside `choices`, dropped
 * analytics, unanswered calls, test calls, calls on another version — so insights show real distributions.
 */
import type { AgentRecord, EmulatorState } from './state.js';
import { headOf, liveBranchOf } from './state-v2.js';
import type { CallMetricValue, CallRecord } from './records.js';

export type { CallMetricValue, CallRecord } from './records.js';

/** How many calls and over how many days (the newest first, ending now). */
export interface CallGeneration {
  seed: number;
  perAgent: number;
  days: number;
}

export const DEFAULT_CALLS_PER_AGENT = 600;
export const CALL_DAYS = 20;
const DAY_MS = 86_400_000;

/** mulberry32: a tiny PRNG whose whole state is one 32-bit number, so a seed number reproduces every call. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a string, mixed with the seed: each agent gets its own reproducible stream. */
function streamSeed(seed: number, agentId: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < agentId.length; i++) h = Math.imul(h ^ agentId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface LiveMetric {
  identifier: string;
  type: string;
  choices: string[];
}

interface AgentLive {
  id: string | null;
  number: number | null;
  previous: { id: string; number: number | null } | null;
  metrics: LiveMetric[];
}

function readMetrics(config: Record<string, unknown> | undefined): LiveMetric[] {
  const pca = config?.postCallAnalyticsConfig;
  const list =
    typeof pca === 'object' && pca !== null && 'dispositionMetrics' in pca && Array.isArray(pca.dispositionMetrics)
      ? pca.dispositionMetrics
      : [];
  return list.flatMap((m: unknown) => {
    if (typeof m !== 'object' || m === null || !('identifier' in m) || typeof m.identifier !== 'string') return [];
    const type =
      'dispositionMetricType' in m && typeof m.dispositionMetricType === 'string' ? m.dispositionMetricType : 'STRING';
    const choices =
      'choices' in m && Array.isArray(m.choices) ? m.choices.filter((c): c is string => typeof c === 'string') : [];
    return [{ identifier: m.identifier, type, choices }];
  });
}

/** The live version (v1) or live head revision (v2), the one before it, and its metrics. */
export function agentLive(state: EmulatorState, agent: AgentRecord): AgentLive {
  if (agent.versioning === 'v2') {
    const branch = liveBranchOf(agent);
    const head = branch ? headOf(branch) : undefined;
    const index = branch && head ? branch.revisions.indexOf(head) : -1;
    const before = branch && index > 0 ? branch.revisions[index - 1] : undefined;
    return {
      id: head?._id ?? null,
      number: head?.versionNumber ?? null,
      previous: before ? { id: before._id, number: before.versionNumber } : null,
      metrics: readMetrics(head?.config),
    };
  }
  const active = state.activeVersion(agent);
  const before = active ? agent.versions.filter((v) => v.versionNumber < active.versionNumber).at(-1) : undefined;
  return {
    id: active?._id ?? null,
    number: active?.versionNumber ?? null,
    previous: before ? { id: before._id, number: before.versionNumber } : null,
    metrics: readMetrics(active?.config),
  };
}

const SHORT_LABELS = ['billing question', 'password reset', 'order status', 'wrong number', 'refund request'];
const TOPICS = ['a delayed delivery', 'a duplicate charge', 'an address change', 'a broken handset', 'a plan upgrade'];
const OUTSIDE = ['callback', 'other', 'Transferred to billing'];

/** One value for a metric of a call that had a conversation; rates are the generator's, not the platform's. */
function valueFor(metric: LiveMetric, rnd: () => number, phone: string): string | null {
  const r = rnd();
  if (r < 0.03) return null;
  if (r < 0.05) return '';
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length) % list.length] as T;
  switch (metric.type) {
    case 'BOOLEAN':
      return r < 0.09 ? pick(['N/A', 'unknown', 'maybe']) : rnd() < 0.62 ? pick(['true', 'True']) : 'false';
    case 'INTEGER':
      return r < 0.09 ? pick(['N/A', 'four', '3.5']) : String(1 + (Math.floor(rnd() * rnd() * 5 + rnd() * 2) % 5));
    case 'ENUM': {
      if (r < 0.12 || metric.choices.length === 0) return pick(OUTSIDE);
      // The first choices are the common answers, as in real call mixes.
      const index = Math.floor(rnd() * rnd() * metric.choices.length);
      return metric.choices[index] ?? null;
    }
    case 'DATETIME':
      return r < 0.12
        ? pick(['tomorrow afternoon', 'next week', 'N/A'])
        : new Date(Date.UTC(2026, 10, 1 + Math.floor(rnd() * 28), 9 + Math.floor(rnd() * 8))).toISOString();
    default:
      return r < 0.35
        ? pick(SHORT_LABELS)
        : `The customer called about ${pick(TOPICS)} and asked to be reached at ${phone}; the agent explained the next steps and confirmed the details.`;
  }
}

const hex = (rnd: () => number, length: number) =>
  Array.from({ length }, () => Math.floor(rnd() * 16).toString(16)).join('');

/** Calls for one agent, newest first, ending at `now`; the same seed, agent and live metrics give the same calls. */
export function generateCalls(state: EmulatorState, agent: AgentRecord, generation: CallGeneration): CallRecord[] {
  const rnd = createRandom(streamSeed(generation.seed, agent._id));
  const live = agentLive(state, agent);
  const now = state.now();
  const step = (generation.days * DAY_MS) / Math.max(1, generation.perAgent);
  const calls: CallRecord[] = [];
  for (let i = 0; i < generation.perAgent; i++) {
    const createdAt = Math.round(now - (i + 0.1 + rnd() * 0.8) * step);
    const roll = rnd();
    const status = roll < 0.08 ? 'no_answer' : roll < 0.11 ? 'failed' : 'completed';
    const talked = status === 'completed';
    const duration = talked ? 30 + Math.floor(rnd() * 400) : 0;
    const phone = `+1555${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
    const onPrevious = live.previous !== null && rnd() < 0.08;
    const version = onPrevious && live.previous ? live.previous : { id: live.id, number: live.number };
    const dropped = talked && rnd() < 0.05;
    const metrics: CallMetricValue[] = live.metrics.map((m) => {
      // No conversation: the platform's deterministic fallback is a null value with confidence 0.
      if (!talked) return { identifier: m.identifier, value: null, confidence: 0 };
      const value = valueFor(m, rnd, phone);
      return {
        identifier: m.identifier,
        value,
        confidence:
          value === null || value === ''
            ? 0
            : rnd() < 0.1
              ? Math.round(rnd() * 45) / 100
              : 0.5 + Math.round(rnd() * 50) / 100,
      };
    });
    calls.push({
      _id: hex(rnd, 24),
      callId: `CALL-${createdAt}-${hex(rnd, 6)}`,
      agentId: agent._id,
      status,
      type: rnd() < 0.5 ? 'telephony_inbound' : 'telephony_outbound',
      duration,
      createdAt,
      // Analytics land 10–30 s after the call ends; the list is sorted by this.
      updatedAt: createdAt + duration * 1000 + 10_000 + Math.floor(rnd() * 20_000),
      disconnectionReason: talked ? 'user_hangup' : status === 'no_answer' ? 'no_answer' : 'error',
      callCost: Math.round(duration * 0.6) / 100,
      versionId: version.id,
      versionNumber: version.number,
      isTest: rnd() < 0.06,
      fromNumber: phone,
      toNumber: '+15550100000',
      transcript: talked
        ? [
            { role: 'agent', content: 'Hello! How can I help?', timestamp: new Date(createdAt).toISOString() },
            {
              role: 'user',
              content: `Hi, please call me back at ${phone}.`,
              timestamp: new Date(createdAt + 4000).toISOString(),
            },
          ]
        : [],
      agentDispositionConfig: live.metrics.map((m) => ({ identifier: m.identifier, type: m.type })),
      postCallAnalytics: dropped
        ? null
        : { summary: talked ? `Caller ${phone} asked for help.` : '', dispositionMetrics: metrics },
    });
  }
  return calls;
}

/** Stores calls in both of the state's lists (the per-agent one keeps a fleet-sized list read from scanning every call). */
export function storeCalls(state: EmulatorState, calls: readonly CallRecord[]): void {
  for (const call of calls) {
    state.calls.push(call);
    const list = state.callsByAgent.get(call.agentId);
    if (list) list.push(call);
    else state.callsByAgent.set(call.agentId, [call]);
  }
}

export function clearCalls(state: EmulatorState): void {
  state.calls.length = 0;
  state.callsByAgent.clear();
}

/** Replaces every agent's calls with freshly generated ones. */
export function generateAllCalls(state: EmulatorState, generation: CallGeneration): void {
  clearCalls(state);
  for (const agent of state.agents.values()) storeCalls(state, generateCalls(state, agent, generation));
}

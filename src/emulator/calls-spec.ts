/** Hand-made calls for tests: exact values, so insights can be checked to the call (see `RunningEmulator.addCalls`). */
import { agentLive, type CallRecord } from './calls.js';
import type { AgentRecord, EmulatorState } from './state.js';

/** A hand-made call for tests (see `RunningEmulator.addCalls`). */
export interface CallSpec {
  agentId: string;
  /** Default: the agent's live version (v1) or live head revision (v2). */
  versionId?: string | null;
  /** Milliseconds since the epoch; default now. */
  createdAt?: number;
  status?: CallRecord['status'];
  isTest?: boolean;
  /** identifier → value as the platform sends it (a string, or null); `null`: the call's analytics were dropped. */
  values?: Record<string, string | null> | null;
  /** identifier → confidence (default 0.9, or 0 for an empty value). */
  confidence?: Record<string, number>;
  /** Seconds; default 120 for a completed call, else 0. */
  duration?: number;
}

/** Builds a stored call from a test's spec; ids count up so a test can name them. */
export function callFromSpec(state: EmulatorState, agent: AgentRecord, spec: CallSpec): CallRecord {
  const live = agentLive(state, agent);
  const createdAt = spec.createdAt ?? state.now();
  const status = spec.status ?? 'completed';
  const duration = spec.duration ?? (status === 'completed' ? 120 : 0);
  const n = String(state.calls.length + 1);
  const values = spec.values === undefined ? {} : spec.values;
  return {
    _id: n.padStart(24, 'c'),
    callId: `CALL-${createdAt}-${n.padStart(6, '0').slice(-6)}`,
    agentId: agent._id,
    status,
    type: 'telephony_inbound',
    duration,
    createdAt,
    updatedAt: createdAt + duration * 1000 + 15_000,
    disconnectionReason: 'user_hangup',
    callCost: 0,
    versionId: spec.versionId === undefined ? live.id : spec.versionId,
    versionNumber: null,
    isTest: spec.isTest === true,
    fromNumber: '+15550199999',
    toNumber: '+15550100000',
    transcript: duration > 0 ? [{ role: 'user', content: 'Hello', timestamp: new Date(createdAt).toISOString() }] : [],
    agentDispositionConfig: live.metrics.map((m) => ({ identifier: m.identifier, type: m.type })),
    postCallAnalytics:
      values === null
        ? null
        : {
            summary: '',
            dispositionMetrics: Object.entries(values).map(([identifier, value]) => ({
              identifier,
              value,
              confidence: spec.confidence?.[identifier] ?? (value === null || value === '' ? 0 : 0.9),
            })),
          },
  };
}

/** Starts the local Atoms emulator: a real HTTP server on 127.0.0.1 with test controls (see ./types.ts). */
import type { AddressInfo } from 'node:net';
import { openForeignDraft, publishFromDashboard, snapshotBranches } from './controls-v2.js';
import { DEFAULT_CALLS_PER_AGENT, CALL_DAYS, clearCalls, generateAllCalls, storeCalls } from './calls.js';
import { callFromSpec } from './calls-spec.js';
import { addSeedAgent } from './seed.js';
import { BASE_PATH } from './constants.js';
import { createEmulatorServer, type ServerHooks } from './server.js';
import { EmulatorState, defaultConfig, type AgentRecord } from './state.js';
import { definedOnly, resolveSwitches } from './switches.js';
import type { AgentStateSnapshot, EmulatorOptions, FaultSpec, RunningEmulator } from './types.js';

export { loadSeedFile, checkSeed, SeedError } from './seed.js';
export { SWITCH_SPECS, readSwitch } from './switches.js';
export { ActSpecError, parseActFlag, type ActSpec } from './act-spec.js';
export { FaultSpecError, checkSeedFaults, describeFault, parseFaultFlag, parseFaultFlags } from './fault-spec.js';
export type * from './types.js';

export const DEFAULT_EMULATOR_KEY = 'sk_emulator_key';

export async function startEmulator(given: EmulatorOptions = {}): Promise<RunningEmulator> {
  // A seed file's `options` sit under the explicit options.
  const options: EmulatorOptions = { ...definedOnly(given.seed?.options ?? {}), ...definedOnly(given) };
  const keys = options.keys ?? {
    [DEFAULT_EMULATOR_KEY]: { userId: 'user_emulator', admin: true, name: 'Emulator User' },
  };
  const state = new EmulatorState(options.now ?? Date.now, options.securityCheckMs ?? 6000);
  state.switches = resolveSwitches(given, given.seed?.options);
  for (const key of Object.values(keys)) state.userNames.set(key.userId, key.name ?? key.userId);
  const hooks: ServerHooks = {
    faults: [],
    requests: [],
    onRequest: null,
    acts: (given.acts ?? []).map((act) => ({ ...act, seen: 0, done: 0 })),
  };
  const { server, closeSockets } = createEmulatorServer(state, { ...options, keys }, hooks);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const load: RunningEmulator['load'] = (seed) => {
    state.agents.clear();
    if (seed.options) {
      state.switches = resolveSwitches(
        { ...state.switches, ...seed.options, ...definedOnly(given), branchModel: given.branchModel },
        undefined,
      );
      if (seed.options.securityCheckMs !== undefined && given.securityCheckMs === undefined)
        state.securityCheckMs = seed.options.securityCheckMs;
    }
    for (const fault of seed.faults ?? []) injectFault(fault);
    const ids = { agents: seed.agents.map((agent) => addSeedAgent(state, agent)) };
    const callsSeed = given.callsSeed ?? seed.options?.callsSeed ?? options.callsSeed;
    if (callsSeed !== undefined)
      generateAllCalls(state, {
        seed: callsSeed,
        perAgent:
          given.callsPerAgent ?? seed.options?.callsPerAgent ?? options.callsPerAgent ?? DEFAULT_CALLS_PER_AGENT,
        days: CALL_DAYS,
      });
    else clearCalls(state);
    return ids;
  };
  const injectFault = (fault: FaultSpec) => void hooks.faults.push({ ...fault, remaining: fault.times ?? 1 });
  for (const fault of given.faults ?? []) injectFault(fault);
  if (options.seed) load({ agents: options.seed.agents, faults: options.seed.faults });
  const agentOf = (agentId: string): AgentRecord => {
    const agent = state.agents.get(agentId);
    if (!agent) throw new Error(`emulator: no agent ${agentId}`);
    return agent;
  };

  return {
    url: `http://${host}:${address.port}${BASE_PATH}`,
    port: address.port,
    apiKey: Object.keys(keys)[0] ?? DEFAULT_EMULATOR_KEY,
    requests: hooks.requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        closeSockets();
      }),
    injectFault,
    act: (spec) => void hooks.acts.push({ ...spec, seen: 0, done: 0 }),
    clearFaults: () => void hooks.faults.splice(0),
    load,
    createAgent: (agent = {}) => addSeedAgent(state, agent).agentId,
    getAgentState: (agentId): AgentStateSnapshot | undefined => {
      const agent = state.agents.get(agentId);
      if (!agent) return undefined;
      const v2 = agent.versioning === 'v2' ? { branches: snapshotBranches(state, agent) } : {};
      return {
        agentId,
        versioning: agent.versioning,
        activeVersionId: agent.activeVersionId,
        versions: agent.versions.map((v) => ({
          _id: v._id,
          versionNumber: v.versionNumber,
          isActive: agent.activeVersionId === v._id,
          securityCheck: state.securityCheckOf(v),
          label: v.label,
          description: v.description,
          draftId: v.draftId,
          postCallAnalyticsConfig: structuredClone(v.config.postCallAnalyticsConfig),
        })),
        drafts: agent.drafts.map((d) => ({
          draftId: d.draftId,
          draftRevision: d.draftRevision,
          discarded: d.discarded,
          published: d.published,
          postCallAnalyticsConfig: structuredClone(d.config.postCallAnalyticsConfig),
        })),
        ...v2,
      };
    },
    failNextSecurityCheck: (reason, agentId, status = 'failed') =>
      void state.pendingFailures.set(agentId ?? '*', { reason, status }),
    simulateDashboardChange: (agentId, config) => {
      const agent = agentOf(agentId);
      if (agent.versioning === 'v2') return publishFromDashboard(state, agent, config);
      const base = state.activeVersion(agent)?.config ?? defaultConfig();
      const version = state.publish(
        agent,
        { ...structuredClone(base), postCallAnalyticsConfig: structuredClone(config) },
        { publishedBy: 'user_dashboard', label: 'Dashboard edit', checkMs: 0 },
      );
      state.activate(agent, version, 'user_dashboard');
      return version._id;
    },
    openForeignDraft: (agentId, spec) => openForeignDraft(state, agentOf(agentId), spec),
    freezeWrites: (count) => void (state.freezeCount = count),
    getSwitches: () => ({ ...state.switches, securityCheckMs: state.securityCheckMs }),
    setSwitches: (switches) => void (state.switches = { ...state.switches, ...definedOnly(switches) }),
    onRequest: (hook) => void (hooks.onRequest = hook),
    setSecurityCheckMs: (ms) => void (state.securityCheckMs = ms),
    addCalls: (calls) =>
      calls.map((spec) => {
        const call = callFromSpec(state, agentOf(spec.agentId), spec);
        storeCalls(state, [call]);
        return call.callId;
      }),
    generateCalls: (seed, perAgent = options.callsPerAgent ?? DEFAULT_CALLS_PER_AGENT) => {
      generateAllCalls(state, { seed, perAgent, days: CALL_DAYS });
      return state.calls.length;
    },
    setBranchModel: (on) => void (state.blockV1Everywhere = on),
  };
}

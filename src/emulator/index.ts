/** Starts the local Atoms emulator: a real HTTP server on 127.0.0.1 with test controls (see ./types.ts). */
import type { AddressInfo } from 'node:net';
import { addSeedAgent } from './seed.js';
import { BASE_PATH, createEmulatorServer, type ServerHooks } from './server.js';
import { EmulatorState, defaultConfig } from './state.js';
import type { AgentStateSnapshot, EmulatorOptions, RunningEmulator } from './types.js';

export { loadSeedFile, checkSeed, SeedError } from './seed.js';
export type * from './types.js';

export const DEFAULT_EMULATOR_KEY = 'sk_emulator_key';

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const keys = options.keys ?? { [DEFAULT_EMULATOR_KEY]: { userId: 'user_emulator', admin: true } };
  const state = new EmulatorState(options.now ?? Date.now, options.securityCheckMs ?? 6000);
  const hooks: ServerHooks = { faults: [], requests: [], onRequest: null, branchModel: options.branchModel === true };
  const { server, closeSockets } = createEmulatorServer(state, { ...options, keys }, hooks);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  const load: RunningEmulator['load'] = (seed) => {
    state.agents.clear();
    return { agents: seed.agents.map((agent) => addSeedAgent(state, agent)) };
  };
  if (options.seed) load(options.seed);

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
    injectFault: (fault) => hooks.faults.push({ ...fault, remaining: fault.times ?? 1 }),
    clearFaults: () => void hooks.faults.splice(0),
    load,
    createAgent: (agent = {}) => addSeedAgent(state, agent).agentId,
    getAgentState: (agentId): AgentStateSnapshot | undefined => {
      const agent = state.agents.get(agentId);
      if (!agent) return undefined;
      return {
        agentId,
        activeVersionId: agent.activeVersionId,
        versions: agent.versions.map((v) => ({ _id: v._id, versionNumber: v.versionNumber, isActive: agent.activeVersionId === v._id, securityCheck: state.securityCheckOf(v), label: v.label, description: v.description, draftId: v.draftId, postCallAnalyticsConfig: structuredClone(v.config.postCallAnalyticsConfig) })),
        drafts: agent.drafts.map((d) => ({ draftId: d.draftId, draftRevision: d.draftRevision, discarded: d.discarded, published: d.published, postCallAnalyticsConfig: structuredClone(d.config.postCallAnalyticsConfig) })),
      };
    },
    failNextSecurityCheck: (reason, agentId) => void state.pendingFailures.set(agentId ?? '*', reason),
    simulateDashboardChange: (agentId, config) => {
      const agent = state.agents.get(agentId);
      if (!agent) throw new Error(`emulator: no agent ${agentId}`);
      const base = state.activeVersion(agent)?.config ?? defaultConfig();
      const version = state.publish(agent, { ...structuredClone(base), postCallAnalyticsConfig: structuredClone(config) }, { publishedBy: 'user_dashboard', label: 'Dashboard edit', checkMs: 0 });
      state.activate(agent, version, 'user_dashboard');
      return version._id;
    },
    onRequest: (hook) => void (hooks.onRequest = hook),
    setSecurityCheckMs: (ms) => void (state.securityCheckMs = ms),
    setBranchModel: (on) => void (hooks.branchModel = on),
  };
}

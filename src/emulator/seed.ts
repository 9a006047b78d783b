/** Loads a fixture (agents, versions, drafts) into the emulator's state, checking it with clear errors. */
import { readFile } from 'node:fs/promises';
import { parseJson } from '../config/parse-json.js';
import { describeFsError } from '../report/fs-error.js';
import {
  DEFAULT_ANALYTICS,
  OBJECT_ID,
  defaultConfig,
  newAgentRecord,
  newBlocks,
  newObjectId,
  type EmulatorState,
} from './state.js';
import { seedV2Agent } from './seed-v2.js';
import { checkSeedFaults } from './fault-spec.js';
import { checkSeedOptions } from './switches.js';
import type { EmulatorSeed, SeedAgent, SeededIds } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A seed file that cannot be used, with a message naming the file and, where known, the place in it. */
export class SeedError extends Error {
  override name = 'SeedError';
}

/** Checks the fixture's shape; throws a SeedError naming the first problem's place. */
export function checkSeed(value: unknown): EmulatorSeed {
  if (!isRecord(value) || !Array.isArray(value.agents)) throw new SeedError('seed: expected {"agents": [...]}');
  value.agents.forEach((agent: unknown, i: number) => {
    if (!isRecord(agent)) throw new SeedError(`seed: agents[${i}] must be an object`);
    if (agent._id !== undefined && (typeof agent._id !== 'string' || !OBJECT_ID.test(agent._id)))
      throw new SeedError(`seed: agents[${i}]._id must be 24 lowercase hex`);
    if (agent.versions !== undefined && !Array.isArray(agent.versions))
      throw new SeedError(`seed: agents[${i}].versions must be a list`);
    if (agent.drafts !== undefined && !Array.isArray(agent.drafts))
      throw new SeedError(`seed: agents[${i}].drafts must be a list`);
    if (agent.versioning !== undefined && agent.versioning !== 'v1' && agent.versioning !== 'v2')
      throw new SeedError(`seed: agents[${i}].versioning must be "v1" or "v2"`);
    if (agent.branches !== undefined) {
      if (!Array.isArray(agent.branches)) throw new SeedError(`seed: agents[${i}].branches must be a list`);
      agent.branches.forEach((branch: unknown, j: number) => {
        if (!isRecord(branch) || typeof branch.name !== 'string' || branch.name === '')
          throw new SeedError(`seed: agents[${i}].branches[${j}] needs a "name"`);
        if (branch.versions !== undefined && !Array.isArray(branch.versions))
          throw new SeedError(`seed: agents[${i}].branches[${j}].versions must be a list`);
      });
    }
  });
  let options;
  let faults;
  try {
    options = value.options === undefined ? undefined : checkSeedOptions(value.options);
    faults = value.faults === undefined ? undefined : checkSeedFaults(value.faults);
  } catch (error) {
    throw new SeedError(error instanceof Error ? error.message : String(error));
  }
  return { agents: value.agents as SeedAgent[], ...(options ? { options } : {}), ...(faults ? { faults } : {}) };
}

/** `label`: how messages name the file (what the user typed; `path` may be resolved against another directory). */
export async function loadSeedFile(path: string, label = path): Promise<EmulatorSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SeedError(`cannot read the seed file ${label}: ${describeFsError(error)}`);
  }
  // Our own JSON parser, for the line and column JSON.parse does not give.
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  const problem = parsed.problems[0];
  if (problem) throw new SeedError(`${label}:${problem.position.line}:${problem.position.column}: ${problem.message}`);
  try {
    return checkSeed(parsed.value);
  } catch (error) {
    throw error instanceof SeedError ? new SeedError(`${label}: ${error.message}`) : error;
  }
}

/** Adds one agent from a fixture entry; returns its ids. */
export function addSeedAgent(state: EmulatorState, seed: SeedAgent): SeededIds['agents'][number] {
  const now = state.now();
  const versioning = seed.versioning ?? state.switches.versioning;
  const agent = newAgentRecord({
    _id: seed._id ?? newObjectId(),
    name: seed.name ?? 'Seeded agent',
    workflowType: seed.workflowType ?? 'single_prompt',
    createdAt: now,
    versioning,
  });
  state.agents.set(agent._id, agent);
  if (versioning === 'v2') return { agentId: agent._id, ...seedV2Agent(state, agent, seed) };
  const versions = seed.versions && seed.versions.length > 0 ? seed.versions : [{ isActive: true }];
  for (const entry of versions) {
    const config = {
      ...defaultConfig(),
      postCallAnalyticsConfig: { ...structuredClone(DEFAULT_ANALYTICS), ...(entry.postCallAnalyticsConfig ?? {}) },
    };
    const version = state.publish(agent, config, {
      publishedBy: 'user_seed',
      label: entry.label ?? null,
      description: entry.description ?? null,
      draftId: entry.draftId ?? null,
      checkMs: 0,
    });
    if (entry._id) version._id = entry._id;
    if (entry.securityCheck !== undefined) {
      const status = entry.securityCheck?.status;
      version.securityOutcome =
        entry.securityCheck === null
          ? null
          : {
              status: status === 'failed' || status === 'errored' ? status : 'passed',
              reason: entry.securityCheck.reason ?? null,
            };
    } else if (agent.workflowType === 'workflow_graph') version.securityOutcome = null;
  }
  const active =
    versions.findIndex((v) => v.isActive) >= 0 ? versions.findIndex((v) => v.isActive) : versions.length - 1;
  const activeVersion = agent.versions[active];
  if (activeVersion) state.activate(agent, activeVersion, 'user_seed');
  for (const entry of seed.drafts ?? []) {
    const source = agent.versions.find((v) => v._id === entry.sourceVersionId) ?? activeVersion;
    const base = source ? structuredClone(source.config) : defaultConfig();
    agent.drafts.push({
      _id: newObjectId(),
      draftId: entry.draftId ?? newObjectId(),
      draftName: entry.draftName ?? `Draft #${agent.drafts.length + 1}`,
      draftRevision: 0,
      sourceVersionId: source?._id ?? null,
      createdBy: entry.createdBy ?? 'user_seed',
      blocks: newBlocks(),
      config: entry.postCallAnalyticsConfig
        ? {
            ...base,
            postCallAnalyticsConfig: { ...structuredClone(DEFAULT_ANALYTICS), ...entry.postCallAnalyticsConfig },
          }
        : base,
      editHistory: [],
      discarded: false,
      published: false,
      createdAt: now,
      updatedAt: now,
    });
  }
  return {
    agentId: agent._id,
    versionIds: agent.versions.map((v) => v._id),
    draftIds: agent.drafts.map((d) => d.draftId),
    branchIds: [],
  };
}

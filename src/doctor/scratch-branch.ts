/** The scratch branch `doctor --write` works on: created from the live branch, found again by name, always archived. */
import { isRecord } from '../atoms/wire.js';
import { dataOf, isSuccess, ProbeNetworkError, saidBy, type ProbeClient } from './probe-client.js';
import type { ScratchBranch, WriteStop } from './types.js';

/** A step that ends the experiment (the scratch branch is still archived). */
export class ExperimentStop extends Error {
  constructor(readonly stop: WriteStop) {
    super(stop.reason);
  }
}

/** `atoms-metrics-doctor-20261207T031500Z`: unique per second, and says what made it. */
export function scratchName(nowMs: number): string {
  return `atoms-metrics-doctor-${new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

function branchIdOf(data: unknown): string | null {
  const inner = isRecord(data) && isRecord(data.branch) ? data.branch : data;
  return isRecord(inner) && typeof inner._id === 'string' ? inner._id : null;
}

async function findByName(probe: ProbeClient, agentId: string, name: string): Promise<string | null> {
  try {
    const listed = await probe.request('GET', `/agent/${agentId}/branches`);
    const data = dataOf(listed);
    const list = isRecord(data) && Array.isArray(data.branches) ? data.branches : [];
    const match = list.find((entry) => {
      const inner = isRecord(entry) && isRecord(entry.branch) ? entry.branch : entry;
      return isRecord(inner) && inner.name === name;
    });
    return branchIdOf(match);
  } catch (error) {
    if (error instanceof ProbeNetworkError) return null;
    throw error;
  }
}

/**
 * Creates the scratch branch from the live branch. A creation that failed in a way that may still have created it
 * (no answer, 5xx) looks the name up, so `scratch.id` is set whenever a branch exists to archive.
 */
export async function createScratch(
  probe: ProbeClient,
  agentId: string,
  liveBranchId: string,
  scratch: ScratchBranch,
): Promise<{ headRevisionId: string | null }> {
  const step = 'create the scratch branch';
  let answer;
  try {
    answer = await probe.request('POST', `/agent/${agentId}/branches`, {
      body: { sourceBranchId: liveBranchId, name: scratch.name },
    });
  } catch (error) {
    if (!(error instanceof ProbeNetworkError)) throw error;
    scratch.id = await findByName(probe, agentId, scratch.name);
    throw new ExperimentStop({
      step,
      kind: 'failed',
      reason: `${error.message}${scratch.id ? ' (the branch was created all the same)' : ''}`,
    });
  }
  if (isSuccess(answer)) {
    const data = dataOf(answer);
    scratch.id = branchIdOf(data);
    if (scratch.id)
      return { headRevisionId: isRecord(data) && typeof data.headRevisionId === 'string' ? data.headRevisionId : null };
    scratch.id = await findByName(probe, agentId, scratch.name);
    throw new ExperimentStop({
      step,
      kind: 'failed',
      reason: `POST /branches answered ${answer.status} without a branch id`,
    });
  }
  if (answer.status >= 500) scratch.id = await findByName(probe, agentId, scratch.name);
  const freeze = answer.status === 423;
  throw new ExperimentStop({
    step,
    kind: freeze ? 'freeze' : 'failed',
    reason: `POST /branches answered ${saidBy(answer)}${scratch.id ? ' (the branch was created all the same)' : ''}`,
  });
}

/** Archives the scratch branch, retrying a freeze, a rate limit, a server error or a lost answer a few times. */
export async function archiveScratch(
  probe: ProbeClient,
  agentId: string,
  scratch: ScratchBranch,
  sleep: (ms: number) => Promise<void>,
  attempts = 4,
): Promise<void> {
  if (scratch.id === null) return;
  let last = '';
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(1000 * 2 ** (attempt - 1));
    try {
      const answer = await probe.request('POST', `/agent/${agentId}/branches/${scratch.id}/archive`, { body: {} });
      if (isSuccess(answer)) {
        scratch.archived = true;
        delete scratch.problem;
        return;
      }
      last = `POST …/archive answered ${saidBy(answer)}`;
      if (answer.status !== 423 && answer.status !== 429 && answer.status < 500) break;
    } catch (error) {
      if (!(error instanceof ProbeNetworkError)) throw error;
      last = error.message;
    }
  }
  scratch.problem = last;
}

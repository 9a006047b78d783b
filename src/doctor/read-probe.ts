/** The doctor's reads, in order: GET only, about nine requests. The answers are interpreted elsewhere (interpret-read.ts). */
import type { ProbeClient } from './probe-client.js';
import { decideLiveBranch, decideModel, type ModelVerdict } from './read-decisions.js';
import type { ReadFacts } from './types.js';

/** Reads what the read-only findings need; never writes. */
export async function readFacts(
  probe: ProbeClient,
  agentId: string,
): Promise<{ facts: ReadFacts; verdict: ModelVerdict }> {
  const agentPath = `/agent/${agentId}`;
  const branches = await probe.request('GET', `${agentPath}/branches`);
  const versionsList = await probe.request('GET', `${agentPath}/versions`, { query: { limit: '1' } });
  const verdict = decideModel(branches, versionsList);
  const agent = await probe.request('GET', agentPath);
  const conversations = await probe.request('GET', '/conversation', { query: { agentIds: agentId, limit: '5' } });
  const facts: ReadFacts = { agentId, branches, versionsList, agent, conversations };
  if ('model' in verdict && verdict.model === 'v2') {
    const live = decideLiveBranch(branches);
    if ('id' in live && live.headRevisionId !== '') {
      const branchPath = `${agentPath}/branches/${encodeURIComponent(live.id)}`;
      facts.headRevision = await probe.request(
        'GET',
        `${branchPath}/revisions/${encodeURIComponent(live.headRevisionId)}`,
      );
      facts.revisions = await probe.request('GET', `${branchPath}/revisions`, { query: { limit: '20', skip: '0' } });
      facts.keptV1Read = await probe.request('GET', `${agentPath}/versions/${encodeURIComponent(live.headRevisionId)}`);
    }
  }
  return { facts, verdict };
}

/** The v1 live read: `GET /agent/{id}`, its metrics found positively. */
import type { AtomsApi } from '../../atoms/types.js';
import { findAnalyticsInAgentRead, UnrecognisedLiveConfig } from '../live-config.js';

/** `GET /agent/{id}` with the metrics found positively (an unrecognised answer is an error, never "no metrics"). */
export async function readV1Agent(api: AtomsApi, agentId: string) {
  const agent = await api.getAgent(agentId);
  const read = findAnalyticsInAgentRead(agent.resolvedConfig);
  if (!read.found)
    throw new UnrecognisedLiveConfig(
      agentId,
      `GET /agent/${agentId}`,
      agent.activeVersionId === null && agent.resolvedConfig === undefined
        ? 'active version (the agent has never been activated)'
        : read.missing,
    );
  return { agent, config: read.config };
}

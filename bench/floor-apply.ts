// The all-at-once floor for a v1 apply: the same flow for every agent at the same time, no limits, no checks beyond
// the platform's own — what a throwaway script would do. Benchmarks compare the real apply against it.
import { AtomsClient } from '../src/atoms/client.js';
import type { PostCallAnalyticsConfig } from '../src/config/types.js';

export async function floorApply(
  api: AtomsClient,
  agentIds: readonly string[],
  desired: PostCallAnalyticsConfig,
  pollMs: number,
): Promise<void> {
  await Promise.all(
    agentIds.map(async (agentId) => {
      const agent = await api.getAgent(agentId);
      const draft = await api.createDraft(agentId, { sourceVersionId: agent.activeVersionId ?? '' });
      await api.patchDraftConfig(agentId, draft.draftId ?? '', { postCallAnalyticsConfig: desired });
      const version = await api.publishDraft(agentId, draft.draftId ?? '', {});
      for (;;) {
        await new Promise((r) => setTimeout(r, pollMs));
        if ((await api.getVersion(agentId, version._id)).version.securityCheck?.status === 'passed') break;
      }
      await api.activateVersion(agentId, version._id);
    }),
  );
}

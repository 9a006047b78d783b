/** The v2 reads the flows share: a revision's metrics, and what the branch's open draft holds. */
import type { BranchApi } from '../../atoms/branch-types.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import { findAnalyticsInResolvedConfig, UnrecognisedLiveConfig } from '../live-config.js';
import { draftContentFromDiff, type DraftContent } from './draft-content.js';

/** Reads a revision's metrics positively (an unrecognised answer is an error, never "no metrics"). */
export async function readRevisionConfig(api: BranchApi, agentId: string, branchId: string, revisionId: string) {
  const detail = await api.getRevision(agentId, branchId, revisionId);
  const read = findAnalyticsInResolvedConfig(detail.resolvedConfig);
  if (!read.found) throw new UnrecognisedLiveConfig(agentId, `v2 revision ${revisionId}`, read.missing);
  return { revision: detail.revision, config: read.config };
}

/** What the branch's open draft holds against the head `headId` (whose metrics are `head`), through the diff. */
export async function readDraftContent(
  api: BranchApi,
  agentId: string,
  branchId: string,
  headId: string,
  head: PostCallAnalyticsConfig,
): Promise<DraftContent> {
  return draftContentFromDiff(await api.diff(agentId, headId, `${branchId}:draft`), head);
}

/** The draft checks of a v2 apply that re-read before acting: just before publishing, and before taking our edit back. */
import type { PostCallAnalyticsConfig } from '../../config/types.js';
import type { ApplyTarget } from '../apply-types.js';
import { describeDraftEditors, isDraftPublishing } from './decisions.js';
import { judgeDraft } from './ownership.js';
import { readDraftContent } from './read.js';
import type { WaitContext } from './wait.js';

/** One agent's apply on one live branch, as read at its start: the head H0 and its metrics. */
export interface Flow extends WaitContext {
  target: ApplyTarget;
  h0: string;
  live: PostCallAnalyticsConfig;
  earlier: () => Promise<PostCallAnalyticsConfig[]>;
}

/** Just before publishing: is the branch where we read it, and does its draft hold exactly the file and nothing else? */
export async function problemBeforePublish(flow: Flow): Promise<{ message: string; headMoved: boolean } | undefined> {
  const { api, agentId, branch, h0, live, target } = flow;
  const [now, draft] = await Promise.all([
    api.getBranch(agentId, branch.branchId),
    api.getDraft(agentId, branch.branchId),
  ]);
  if (!now.isLive)
    return {
      message: `branch ${branch.name} is no longer live: another branch was made live while this run prepared its draft`,
      headMoved: false,
    };
  if (now.headRevisionId !== h0)
    return {
      message: `someone published revision ${now.headRevisionNumber ?? '?'} (${now.headRevisionId ?? 'none'}) on branch ${branch.name} while this run prepared its draft`,
      headMoved: true,
    };
  if (!draft) return { message: 'our draft is gone: someone discarded it', headMoved: false };
  if (isDraftPublishing(draft))
    return { message: `someone started publishing the draft (${describeDraftEditors(draft)})`, headMoved: false };
  const verdict = judgeDraft(await readDraftContent(api, agentId, branch.branchId, h0, live), target.desired, [], live);
  if (verdict.kind === 'ours') return undefined;
  const what = verdict.kind === 'foreign' ? verdict.what : 'no change at all';
  return {
    message: `the draft no longer holds exactly ${target.file}: it now has ${what} (${describeDraftEditors(draft)}). Our label goes on nothing but the file's metrics`,
    headMoved: false,
  };
}

/**
 * After a failure with our edit possibly in the draft: discard the draft only if it provably holds this change and
 * nothing else; anything more is someone's work and stays as it is. Returns what was done, for the message.
 */
export async function takeBackOurDraft(flow: Flow): Promise<{ discarded: boolean; text: string }> {
  const { api, agentId, branch, target } = flow;
  const none = { discarded: false, text: 'No draft is left open on the branch.' };
  try {
    const now = await api.getBranch(agentId, branch.branchId);
    const draft = now.hasOpenDraft ? await api.getDraft(agentId, branch.branchId) : null;
    if (!draft) return none;
    if (isDraftPublishing(draft))
      return { discarded: false, text: 'The open draft is being published; it was left as it is.' };
    // Against the head our edit was written on: our draft differs from it by this change alone, whatever moved since.
    const verdict = judgeDraft(
      await readDraftContent(api, agentId, branch.branchId, flow.h0, flow.live),
      target.desired,
      [],
      flow.live,
    );
    if (verdict.kind !== 'ours')
      return {
        discarded: false,
        text: `The open draft was left as it is: it holds ${verdict.kind === 'foreign' ? 'more than this change' : 'no change of ours'}.`,
      };
    return (await api.discardDraft(agentId, branch.branchId))
      ? { discarded: true, text: 'Our draft (holding only this change) was discarded.' }
      : none;
  } catch (error) {
    return {
      discarded: false,
      text: `Could not check the open draft (${error instanceof Error ? error.message : String(error)}); the next run recognises a draft that holds only this change and resumes it.`,
    };
  }
}

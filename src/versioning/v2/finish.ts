/** The end of a v2 publish: what is live now, or exactly where things stand. */
import type { ApplyResult } from '../apply-types.js';
import { ApplyStop } from '../change-checks.js';
import { changeMarker } from '../change-marker.js';
import { takeBackOurDraft, type Flow } from './draft-checks.js';
import { verifyLive } from './verify-live.js';
import type { WaitOutcome } from './wait.js';

/** Turns a wait's outcome into the result: report what is live now, or say exactly where things stand. */
export async function finish(
  flow: Flow,
  outcome: WaitOutcome,
  success: 'applied' | 'resumed',
): Promise<Partial<ApplyResult>> {
  const { branch, h0, target } = flow;
  switch (outcome.state) {
    case 'committed':
      return { ...(await verifyLive(flow, outcome.headRevisionId)), status: success, previousVersionId: h0 };
    case 'failed': {
      const ours = await takeBackOurDraft(flow);
      const marker = changeMarker(target.desired, h0);
      if (!ours.discarded)
        throw new ApplyStop(
          `the publish's security scan ${outcome.status}${outcome.reason ? `: ${outcome.reason}` : ''}, but the scanned draft no longer holds exactly this change. ${ours.text} Live is unchanged (still ${h0}).`,
        );
      throw new ApplyStop(
        `the platform's security scan ${outcome.status === 'errored' ? 'errored on the change' : `failed the change (${marker})`}${outcome.reason ? `: ${outcome.reason}` : ''}. Live is unchanged (still ${h0}). ${ours.text} ${outcome.status === 'errored' ? 'An errored scan is the platform’s fault: re-run to try again.' : 'Change the prompts and merge again.'}`,
      );
    }
    case 'unknown':
      throw new ApplyStop(
        `the platform reports a security-scan status "${outcome.status}" that this version does not know; not waiting it out. Live is still ${h0}; check the branch in the dashboard.`,
      );
    case 'vanished':
      throw new ApplyStop(
        `the draft on branch ${branch.name} was closed without a new revision (discarded or cancelled by someone). Live is unchanged (still ${h0}); re-run to apply.`,
      );
    case 'not-published':
      throw new ApplyStop(
        `the publish did not take effect (the draft stayed open and is not being published). It is not sent twice. ${(await takeBackOurDraft(flow)).text} Live is unchanged (still ${h0}); re-run to apply.`,
      );
    case 'cancelled':
      throw new ApplyStop(
        `cancelled while the platform scanned the change (${Math.round(outcome.waitedMs / 1000)} s): it is published on branch ${branch.name} and goes live by itself if the scan passes; live is still ${h0} for now. A re-run waits for this publish and never publishes again.`,
      );
    case 'timeout':
      throw new ApplyStop(
        `the change is published but its security scan has not finished after ${Math.round(outcome.waitedMs / 1000)} s, so it is not live yet (live is still ${h0}). Re-run to resume: the run recognises this publish, waits for it and never publishes again.`,
      );
  }
}

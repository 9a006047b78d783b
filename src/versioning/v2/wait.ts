/** Waiting for a publish (or restore) in flight on a v2 branch until the head moves, its scan fails, or time runs out. */
import type { BranchApi, BranchSummary } from '../../atoms/branch-types.js';
import type { ApplyDeps } from '../apply-types.js';
import { pollDelayMs } from '../platform-retry.js';
import { isDraftPublishing, publishProgress } from './decisions.js';

export type WaitOutcome =
  | { state: 'cancelled'; waitedMs: number }
  | { state: 'committed'; headRevisionId: string }
  | { state: 'failed'; status: string; reason: string | null }
  | { state: 'vanished' }
  | { state: 'not-published' }
  | { state: 'unknown'; status: string }
  | { state: 'timeout'; waitedMs: number };

export interface WaitContext {
  api: BranchApi;
  agentId: string;
  branch: BranchSummary;
  deps: ApplyDeps;
  say: (line: string) => void;
}

/**
 * Waits for a publish (or restore) in flight until the head moves. `expectPublishing`: after an ambiguous answer,
 * a draft that is open but not publishing means the publish never took effect.
 */
export async function waitForPublish(
  ctx: WaitContext,
  headBefore: string,
  options: { expectPublishing: boolean; draftCarriesScan?: boolean },
): Promise<WaitOutcome> {
  const { api, agentId, branch, deps, say } = ctx;
  const started = deps.now();
  let vanished = 0;
  let idle = 0;
  for (let poll = 0; ; poll++) {
    if (deps.signal?.aborted) return { state: 'cancelled', waitedMs: deps.now() - started };
    const now = await api.getBranch(agentId, branch.branchId);
    const moved = publishProgress({ branch: now, headBefore, draft: undefined });
    if (moved.state === 'committed') return moved;
    // A restore's scan is carried by no draft (fact sheet §1.8): only the head moving tells, up to the timeout.
    const draft = options.draftCarriesScan === false ? undefined : await api.getDraft(agentId, branch.branchId);
    const progress = publishProgress({ branch: now, headBefore, draft });
    if (progress.state === 'failed' || progress.state === 'unknown') return progress;
    if (progress.state === 'vanished') {
      // Draft closed but head unchanged: discarded or cancelled — or the commit is not visible yet; look twice more.
      if (++vanished >= 3) return { state: 'vanished' };
    } else {
      vanished = 0;
      if (options.expectPublishing && draft && !isDraftPublishing(draft) && ++idle >= 2)
        return { state: 'not-published' };
    }
    const waited = deps.now() - started;
    if (deps.signal?.aborted) return { state: 'cancelled', waitedMs: waited };
    if (waited >= deps.securityCheckTimeoutMs) return { state: 'timeout', waitedMs: waited };
    if (poll === 0 || poll % 5 === 0)
      say(`waiting for the platform's security scan on branch ${branch.name} (${Math.round(waited / 1000)} s so far)…`);
    const pause = Math.min(
      pollDelayMs(poll, deps.pollStartMs ?? 1000, deps.pollCapMs ?? 5000),
      Math.max(1, deps.securityCheckTimeoutMs - waited),
    );
    // Waiting holds no concurrency slot: another agent's writes go on meanwhile.
    await (deps.idle ? deps.idle(() => deps.sleep(pause)) : deps.sleep(pause));
  }
}

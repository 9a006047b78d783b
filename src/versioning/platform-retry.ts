/** Bounded waits for the platform's own "not now" answers: a config freeze (423) and one publish at a time (409). */
import { AtomsApiError } from '../atoms/errors.js';
import type { ApplyDeps } from './apply-types.js';
import { ApplyStop } from './change-checks.js';

const FREEZE_DELAYS_MS = [2_000, 4_000, 8_000, 15_000, 30_000, 30_000];

/**
 * Runs a write, retrying a 423 `config_freeze_active` with backoff while the run's freeze budget lasts, then
 * stops with a message that says what the platform is doing.
 */
export async function retryThroughFreeze<T>(
  what: string,
  write: () => Promise<T>,
  deps: ApplyDeps,
  say: (line: string) => void,
): Promise<T> {
  const budget = deps.freezeWaitMs ?? 90_000;
  const started = deps.now();
  for (let attempt = 0; ; attempt++) {
    // A cancelled run starts no write: the cancellable sleep returns at once, so without this the loop would spin.
    if (deps.signal?.aborted) throw new ApplyStop(`cancelled before ${what}; nothing more is written`);
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof AtomsApiError && error.kind === 'config-frozen')) throw error;
      const delay = FREEZE_DELAYS_MS[Math.min(attempt, FREEZE_DELAYS_MS.length - 1)] ?? 30_000;
      const waited = deps.now() - started;
      if (waited + delay > budget) {
        throw new ApplyStop(
          `the platform has frozen agent configuration for a maintenance window (423 config_freeze_active on ${what}); waited ${Math.round(waited / 1000)} s. Nothing was published; re-run when the window is over.`,
        );
      }
      say(
        `the platform froze agent configuration for maintenance (423 on ${what}); retrying in ${Math.round(delay / 1000)} s`,
      );
      await deps.sleep(delay);
    }
  }
}

/** Poll delays for a publish in flight: ~1 s at first and never coarse in the first minute (1, 1, 2, 2, 3, 3, …, 5 s). */
export function pollDelayMs(poll: number, startMs: number, capMs: number): number {
  return Math.min(capMs, startMs * (1 + Math.floor(poll / 2)));
}

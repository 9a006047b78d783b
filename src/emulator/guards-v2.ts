/** Answers every v2 write shares: the 409 ConflictErrorResponse and the 423 config freeze (fact sheet v2 §1.6, §4). */
import type { Reply, RouteContext } from './reply.js';

export const conflict = (errorType: string, message: string): Reply => ({
  status: 409,
  body: { status: false, error_type: errorType, errors: [message] },
});

/** 423 while a freeze is on (the `freezeWrites` control or the first `freezeMs` after start). */
export function frozen(ctx: RouteContext): Reply | undefined {
  const { state } = ctx;
  const window = state.now() - state.startedAt < state.switches.freezeMs;
  if (state.freezeCount <= 0 && !window) return undefined;
  if (!window) state.freezeCount -= 1;
  return {
    status: 423,
    body: {
      status: false,
      error_type: 'config_freeze_active',
      errors: ['Agent config is frozen for a maintenance window'],
    },
  };
}

export const PUBLISH_IN_PROGRESS = (): Reply =>
  conflict('publish_in_progress', 'A publish or restore is already in progress on this branch');

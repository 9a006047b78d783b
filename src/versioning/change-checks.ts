/** Checks both versioning models make before writing: is it breaking, and did live move since the reviewed plan? */
import type { PostCallAnalyticsConfig } from '../config/types.js';
import { diffConfigs } from '../plan/diff.js';
import type { ApplyDeps, ApplyTarget } from './apply-types.js';

/** Stops the flow with a message for the summary (an expected failure, not a crash). */
export class ApplyStop extends Error {}

/** The full body for the config write: the list replaces the old one, both flags are always sent, deprecated fields cleared when dropped. */
export function patchBody(desired: PostCallAnalyticsConfig, live: PostCallAnalyticsConfig): PostCallAnalyticsConfig {
  const body: PostCallAnalyticsConfig = { ...desired };
  if (desired.summaryPrompt === undefined && live.summaryPrompt !== undefined) body.summaryPrompt = '';
  if (desired.successMetrics === undefined && live.successMetrics !== undefined) body.successMetrics = [];
  return body;
}

/** The diff against the current live version, in one line: which metrics are added, changed, removed. */
function summariseChange(live: PostCallAnalyticsConfig, desired: PostCallAnalyticsConfig): string {
  const diff = diffConfigs(live, desired);
  const ids = (kinds: string[]) =>
    diff.metrics
      .filter((m) => kinds.includes(m.kind))
      .map((m) => (m.kind === 'renamed' ? `${m.previousIdentifier ?? '?'} → ${m.identifier}` : m.identifier));
  const parts = [
    ids(['added']).length > 0 ? `adds ${ids(['added']).join(', ')}` : '',
    ids(['changed', 'renamed']).length > 0 ? `changes ${ids(['changed', 'renamed']).join(', ')}` : '',
    ids(['removed']).length > 0 ? `removes ${ids(['removed']).join(', ')}` : '',
    diff.flags.length > 0 ? `sets ${diff.flags.map((f) => `${f.flag}: ${String(f.after)}`).join(', ')}` : '',
  ].filter(Boolean);
  return `${parts.join('; ') || 'only reorders metrics'}${diff.breaking ? ' (breaking)' : ''}`;
}

/** Throws when the CLI (no review in front of it) would apply a breaking change without --allow-breaking. */
export function refuseIfBreaking(
  live: PostCallAnalyticsConfig,
  desired: PostCallAnalyticsConfig,
  deps: ApplyDeps,
): void {
  if (!deps.refuseBreaking) return;
  const reasons = diffConfigs(live, desired).metrics.flatMap((m) =>
    m.breaking.map((reason) => reason.replace(/\.$/, '')),
  );
  if (reasons.length > 0)
    throw new ApplyStop(
      `this change breaks consumers of the metrics: ${reasons.join('; ').replace(/`/g, '')}. Nothing was written; pass --allow-breaking to apply it anyway.`,
    );
}

/**
 * The merged pull request's plan was made against one live version; if another is live now, the reviewed diff is
 * not the diff this apply would make. `liveName` names what is live now, with its model's kind of number.
 */
export function checkReviewedLive(
  target: ApplyTarget,
  live: { model: 'v1' | 'v2'; id: string; name?: string; config: PostCallAnalyticsConfig },
  deps: ApplyDeps,
  say: (line: string) => void,
): void {
  if (!target.reviewed || target.reviewed.liveVersionId === live.id) return;
  const noun = live.model === 'v1' ? 'version' : 'revision';
  const message = `live changed since the pull request's plan: it was made against ${noun} ${target.reviewed.liveVersionId ?? '(none)'}, live is now ${live.id}${live.name ? ` (${live.name})` : ''}. Against the current live version this change ${summariseChange(live.config, target.desired)}.`;
  if (deps.onLiveChanged === 'fail')
    throw new ApplyStop(`${message} Re-run the plan and review the new diff (or set on-live-changed: apply).`);
  say(`${message} Applying anyway (on-live-changed: apply).`);
}

/**
 * Finds the live metrics in an API answer — positively. An answer in a shape we do not recognise must never read
 * as "no metrics": the plan would then show every kept metric as added, the breaking-change gate would pass, and
 * the apply would remove metrics on merge. One rule for both versioning models.
 */
import { isRecord } from '../atoms/wire.js';
import { normalizeConfig } from '../config/normalize.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';

export type AnalyticsRead =
  | { found: true; config: PostCallAnalyticsConfig; at: string }
  | { found: false; missing: string };

/** A `postCallAnalyticsConfig` object is recognised when its metric list is a list (empty is fine: that is positive). */
function asAnalytics(value: unknown, at: string): AnalyticsRead | undefined {
  if (!isRecord(value) || !Array.isArray(value.dispositionMetrics)) return undefined;
  return { found: true, config: normalizeConfig(value), at };
}

/**
 * v2: a revision's section-keyed `resolvedConfig`. Where the metrics sit there is undocumented (fact sheet §1.9),
 * so the three plausible places are tried in order.
 */
export function findAnalyticsInResolvedConfig(resolved: unknown): AnalyticsRead {
  if (!isRecord(resolved)) return { found: false, missing: 'resolvedConfig (the answer had none)' };
  const analytics = resolved.analytics;
  return (
    asAnalytics(
      isRecord(analytics) ? analytics.postCallAnalyticsConfig : undefined,
      'resolvedConfig.analytics.postCallAnalyticsConfig',
    ) ??
    asAnalytics(analytics, 'resolvedConfig.analytics') ??
    asAnalytics(resolved.postCallAnalyticsConfig, 'resolvedConfig.postCallAnalyticsConfig') ?? {
      found: false,
      missing:
        'a dispositionMetrics list at resolvedConfig.analytics.postCallAnalyticsConfig, resolvedConfig.analytics or resolvedConfig.postCallAnalyticsConfig',
    }
  );
}

/**
 * v1: `GET /agent/{id}` → `_resolvedConfig.postCallAnalyticsConfig` (the documented read). A top-level
 * `postCallAnalyticsConfig` is a legacy agent-document field that need not follow the active version, so it is
 * not taken instead.
 */
export function findAnalyticsInAgentRead(resolved: unknown): AnalyticsRead {
  if (!isRecord(resolved)) return { found: false, missing: '_resolvedConfig (the answer had none)' };
  return (
    asAnalytics(resolved.postCallAnalyticsConfig, '_resolvedConfig.postCallAnalyticsConfig') ?? {
      found: false,
      missing: 'a dispositionMetrics list at _resolvedConfig.postCallAnalyticsConfig',
    }
  );
}

/** The error for a read that found no metrics: names the agent, what was read, and what was missing. */
export class UnrecognisedLiveConfig extends Error {
  override name = 'UnrecognisedLiveConfig';
  constructor(agentId: string, what: string, missing: string) {
    super(
      `Could not read agent ${agentId}'s live metrics from ${what}: the answer has no ${missing}. Nothing is planned or applied for this agent, because an unrecognised answer read as "no metrics" would turn every live metric into a removal.`,
    );
  }
}

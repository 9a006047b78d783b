/** The checks a rollback's target passes before it goes live: the files' validator, and the breaking-change gate. Pure. */
import type { PostCallAnalyticsConfig } from '../config/types.js';
import { validateText } from '../config/validate-text.js';
import { diffConfigs } from '../plan/diff.js';

/** The target's metrics through the same schema and semantic rules as a metrics file; the errors, one line each. */
export function validateTargetMetrics(agentId: string, config: PostCallAnalyticsConfig): string[] {
  const text = JSON.stringify({ agentId, postCallAnalyticsConfig: config }, null, 2);
  return (
    validateText('rollback-target.json', text)
      .diagnostics.filter((d) => d.severity === 'error')
      // Line numbers point into the text made here, which nobody sees.
      .map((d) => `${d.message.replace(/ \((?:first )?(?:defined )?on line \d+\)/g, '').replace(/`/g, '')} (${d.rule})`)
  );
}

/** What in going from live to the target breaks consumers of the metrics (a removed metric, a changed type, …). */
export function breakingReasons(live: PostCallAnalyticsConfig, target: PostCallAnalyticsConfig): string[] {
  return diffConfigs(live, target).metrics.flatMap((m) =>
    m.breaking.map((reason) => reason.replace(/\.$/, '').replace(/`/g, '')),
  );
}

export interface RollbackGate {
  /** The target's validation errors (empty: valid). */
  invalid: string[];
  breaking: string[];
  allowInvalid: boolean;
  allowBreaking: boolean;
  /** How the caller names the overrides: `--allow-invalid` / input `allow-invalid`. */
  names: { allowInvalid: string; allowBreaking: string };
}

export type GateVerdict = { go: true; warnings: string[] } | { go: false; refusal: string };

/** Refuses an invalid or breaking target unless its override is given; an override used is a loud warning. */
export function judgeRollback(gate: RollbackGate): GateVerdict {
  const refusals: string[] = [];
  const warnings: string[] = [];
  if (gate.invalid.length > 0) {
    const what = `the target's metrics are invalid under today's rules: ${gate.invalid.join('; ')}`;
    if (gate.allowInvalid)
      warnings.push(`⚠️ ${what}. Going ahead because ${gate.names.allowInvalid} is set: invalid metrics go live.`);
    else refusals.push(`${what}. Pass ${gate.names.allowInvalid} to make them live anyway (emergencies only)`);
  }
  if (gate.breaking.length > 0) {
    const what = `this rollback breaks consumers of the metrics: ${gate.breaking.join('; ')}`;
    if (gate.allowBreaking) warnings.push(`${what}; allowed by ${gate.names.allowBreaking}.`);
    else refusals.push(`${what}. Pass ${gate.names.allowBreaking} to roll back anyway`);
  }
  return refusals.length > 0 ? { go: false, refusal: `${refusals.join('. ')}.` } : { go: true, warnings };
}

/** The label a metrics-only rollback publishes with: how drift and history recognise it later. */
export const ROLLBACK_LABEL_PREFIX = 'atoms-metrics rollback to';

export function rollbackLabel(targetName: string, fromName: string): string {
  return `${ROLLBACK_LABEL_PREFIX} ${targetName} (metrics only, over ${fromName})`;
}

// diffConfigs as it was before rename matching used a prompt index (commit 05493bd, quadratic), kept verbatim
// as the oracle that the indexed version returns exactly the same diff. Not for use outside tests.
/** Semantic diff of two normalised configs: metrics added, removed, renamed, changed; flags; what breaks consumers. */
import type { DispositionMetric, PostCallAnalyticsConfig } from '../../src/config/types.js';
import { diffWords } from '../../src/plan/text-diff.js';
import type { ConfigDiff, FlagChange, MetricChange, MetricFieldChange } from '../../src/plan/types.js';

const samePrompt = (a: string, b: string) =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

function fieldChanges(before: DispositionMetric, after: DispositionMetric): MetricFieldChange[] {
  const changes: MetricFieldChange[] = [];
  if (before.dispositionMetricType !== after.dispositionMetricType)
    changes.push({ field: 'type', before: before.dispositionMetricType, after: after.dispositionMetricType });
  if (before.dispositionMetricPrompt !== after.dispositionMetricPrompt) {
    changes.push({
      field: 'prompt',
      before: before.dispositionMetricPrompt,
      after: after.dispositionMetricPrompt,
      parts: diffWords(before.dispositionMetricPrompt, after.dispositionMetricPrompt),
    });
  }
  const oldChoices = before.choices ?? [];
  const newChoices = after.choices ?? [];
  const added = newChoices.filter((c) => !oldChoices.includes(c));
  const removed = oldChoices.filter((c) => !newChoices.includes(c));
  const common = newChoices.filter((c) => oldChoices.includes(c));
  const reordered = common.join('\u0000') !== oldChoices.filter((c) => newChoices.includes(c)).join('\u0000');
  if (added.length > 0 || removed.length > 0 || reordered)
    changes.push({ field: 'choices', added, removed, reordered, before: oldChoices, after: newChoices });
  return changes;
}

function breakingReasons(identifier: string, fields: readonly MetricFieldChange[]): string[] {
  const reasons: string[] = [];
  for (const change of fields) {
    if (change.field === 'type')
      reasons.push(
        `\`${identifier}\` changes type ${change.before} → ${change.after}: consumers expecting ${change.before} values will receive ${change.after}.`,
      );
    if (change.field === 'choices' && change.removed.length > 0) {
      reasons.push(
        `\`${identifier}\` drops ENUM choice${change.removed.length > 1 ? 's' : ''} ${change.removed.map((c) => `\`${c}\``).join(', ')}: those values will no longer be produced, so filters and dashboards on them go empty.`,
      );
    }
  }
  return reasons;
}

/** Compares live (before) with desired (after). Both must already be normalised. */
export function diffConfigsBeforeIndex(live: PostCallAnalyticsConfig, desired: PostCallAnalyticsConfig): ConfigDiff {
  const liveById = new Map(live.dispositionMetrics.map((m) => [m.identifier, m]));
  const desiredById = new Map(desired.dispositionMetrics.map((m) => [m.identifier, m]));
  const metrics: MetricChange[] = [];
  const unchanged: string[] = [];
  const removed = live.dispositionMetrics.filter((m) => !desiredById.has(m.identifier));
  const added = desired.dispositionMetrics.filter((m) => !liveById.has(m.identifier));
  // A removed and an added metric with the same prompt are most likely one metric renamed: new id → old metric.
  const previousOf = new Map<string, DispositionMetric>();
  const renamedAway = new Set<string>();
  for (const metric of added) {
    const match = removed.find(
      (old) =>
        !renamedAway.has(old.identifier) && samePrompt(old.dispositionMetricPrompt, metric.dispositionMetricPrompt),
    );
    if (match) {
      previousOf.set(metric.identifier, match);
      renamedAway.add(match.identifier);
    }
  }

  for (const after of desired.dispositionMetrics) {
    const before = liveById.get(after.identifier);
    if (before) {
      const fields = fieldChanges(before, after);
      if (fields.length === 0) unchanged.push(after.identifier);
      else
        metrics.push({
          kind: 'changed',
          identifier: after.identifier,
          before,
          after,
          fields,
          breaking: breakingReasons(after.identifier, fields),
        });
    } else if (previousOf.has(after.identifier)) {
      const previous = previousOf.get(after.identifier) ?? after;
      const fields = fieldChanges(previous, after);
      metrics.push({
        kind: 'renamed',
        identifier: after.identifier,
        previousIdentifier: previous.identifier,
        before: previous,
        after,
        fields,
        breaking: [
          `\`${previous.identifier}\` is renamed to \`${after.identifier}\` (same prompt): consumers keyed on \`${previous.identifier}\` stop receiving values, and \`${after.identifier}\` starts empty.`,
          ...breakingReasons(after.identifier, fields),
        ],
      });
    } else {
      metrics.push({ kind: 'added', identifier: after.identifier, after, fields: [], breaking: [] });
    }
  }
  for (const before of removed) {
    if (renamedAway.has(before.identifier)) continue;
    metrics.push({
      kind: 'removed',
      identifier: before.identifier,
      before,
      fields: [],
      breaking: [
        `\`${before.identifier}\` is removed: exports, webhooks and dashboards keyed on it stop receiving values.`,
      ],
    });
  }

  const flags: FlagChange[] = [];
  for (const flag of ['useInternalAnalyticsModel', 'useReasoningModel', 'summaryPrompt', 'successMetrics'] as const) {
    const before = live[flag];
    const after = desired[flag];
    if (JSON.stringify(before) !== JSON.stringify(after))
      flags.push({ flag, before: before ?? null, after: after ?? null });
  }
  const keptOrderLive = live.dispositionMetrics.map((m) => m.identifier).filter((id) => desiredById.has(id));
  const keptOrderDesired = desired.dispositionMetrics.map((m) => m.identifier).filter((id) => liveById.has(id));
  const orderChanged = keptOrderLive.join('\u0000') !== keptOrderDesired.join('\u0000');
  return {
    metrics,
    flags,
    unchanged,
    orderChanged,
    hasChanges: metrics.length > 0 || flags.length > 0 || orderChanged,
    breaking: metrics.some((m) => m.breaking.length > 0),
  };
}

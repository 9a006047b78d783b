/** Turns any `postCallAnalyticsConfig` (from a file or from the API) into the one canonical shape we diff and send. */
import { METRIC_TYPES, type DispositionMetric, type MetricType, type PostCallAnalyticsConfig } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMetricType(value: unknown): value is MetricType {
  return typeof value === 'string' && (METRIC_TYPES as readonly string[]).includes(value);
}

/** The metric's type from the flat field, or from the legacy nested `dispositionValues.type` (fact sheet §7). */
export function readMetricType(metric: Record<string, unknown>): unknown {
  if (metric.dispositionMetricType !== undefined) return metric.dispositionMetricType;
  const nested = metric.dispositionValues;
  return isRecord(nested) ? nested.type : undefined;
}

function normalizeMetric(raw: unknown): DispositionMetric | undefined {
  if (!isRecord(raw)) return undefined;
  const type = readMetricType(raw);
  const metric: DispositionMetric = {
    identifier: typeof raw.identifier === 'string' ? raw.identifier : '',
    dispositionMetricPrompt: typeof raw.dispositionMetricPrompt === 'string' ? raw.dispositionMetricPrompt : '',
    // An unknown type from the API is kept verbatim so the diff can show it rather than hide it.
    dispositionMetricType: isMetricType(type) ? type : (String(type ?? '') as MetricType),
  };
  // The API may return `choices: []` on non-ENUM metrics; only ENUM choices carry meaning.
  if (metric.dispositionMetricType === 'ENUM' && Array.isArray(raw.choices)) {
    metric.choices = raw.choices.map((choice) => String(choice));
  }
  return metric;
}

/**
 * Normalises a config: defaults applied (`useInternalAnalyticsModel` true, `useReasoningModel` false),
 * legacy nested types flattened, unknown keys dropped, deprecated fields kept only when non-empty.
 * Tolerant by design: it also reads what the live API returns (or `null` for an agent with no config).
 */
export function normalizeConfig(raw: unknown): PostCallAnalyticsConfig {
  const source = isRecord(raw) ? raw : {};
  const metrics = Array.isArray(source.dispositionMetrics) ? source.dispositionMetrics : [];
  const config: PostCallAnalyticsConfig = {
    dispositionMetrics: metrics.map(normalizeMetric).filter((m): m is DispositionMetric => m !== undefined),
    useInternalAnalyticsModel:
      typeof source.useInternalAnalyticsModel === 'boolean' ? source.useInternalAnalyticsModel : true,
    useReasoningModel: typeof source.useReasoningModel === 'boolean' ? source.useReasoningModel : false,
  };
  if (typeof source.summaryPrompt === 'string' && source.summaryPrompt !== '')
    config.summaryPrompt = source.summaryPrompt;
  if (Array.isArray(source.successMetrics) && source.successMetrics.length > 0)
    config.successMetrics = source.successMetrics;
  return config;
}

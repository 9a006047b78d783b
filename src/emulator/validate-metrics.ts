/** Write-time checks of postCallAnalyticsConfig on the config PATCH (real enforcement is unknown; a switch turns it off). */

const TYPES = ['STRING', 'BOOLEAN', 'INTEGER', 'ENUM', 'DATETIME'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Zod-style messages (`path: message`), empty when valid. Also flattens legacy `dispositionValues.type` when asked. */
export function checkAnalyticsConfig(config: unknown, normaliseLegacy: boolean): string[] {
  const errors: string[] = [];
  if (!isRecord(config)) return ['postCallAnalyticsConfig: Expected object'];
  for (const flag of ['useInternalAnalyticsModel', 'useReasoningModel']) {
    if (flag in config && typeof config[flag] !== 'boolean')
      errors.push(`postCallAnalyticsConfig.${flag}: Expected boolean, received ${typeof config[flag]}`);
  }
  const metrics = config.dispositionMetrics;
  if (metrics === undefined) return errors;
  if (!Array.isArray(metrics)) return [...errors, 'postCallAnalyticsConfig.dispositionMetrics: Expected array'];
  const seen = new Set<string>();
  metrics.forEach((metric, index) => {
    const at = `postCallAnalyticsConfig.dispositionMetrics.${index}`;
    if (!isRecord(metric)) return void errors.push(`${at}: Expected object`);
    if (typeof metric.identifier !== 'string' || !/^[a-z0-9_]+$/.test(metric.identifier))
      errors.push(`${at}.identifier: Invalid`);
    else if (seen.has(metric.identifier)) errors.push(`${at}.identifier: Duplicate identifier`);
    else seen.add(metric.identifier);
    if (typeof metric.dispositionMetricPrompt !== 'string' || metric.dispositionMetricPrompt.trim() === '')
      errors.push(`${at}.dispositionMetricPrompt: Required`);
    const nested = isRecord(metric.dispositionValues) ? metric.dispositionValues.type : undefined;
    const type = metric.dispositionMetricType ?? nested;
    if (typeof type !== 'string' || !TYPES.includes(type))
      errors.push(`${at}.dispositionMetricType: Invalid enum value`);
    else if (metric.dispositionMetricType === undefined && normaliseLegacy) {
      metric.dispositionMetricType = type;
      delete metric.dispositionValues;
    }
    if (
      type === 'ENUM' &&
      (!Array.isArray(metric.choices) ||
        metric.choices.length === 0 ||
        !metric.choices.every((c) => typeof c === 'string'))
    ) {
      errors.push(`${at}.choices: ENUM metrics require a non-empty array of strings`);
    }
  });
  return errors;
}

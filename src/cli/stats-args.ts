/** The `stats` command's options, kept apart from args.ts so that file only dispatches to it (its help is in help.ts). Pure. */
import type { VersioningChoice } from '../versioning/model.js';
import type { FleetLimits } from './limits.js';
import { UsageError } from './usage-error.js';

export type StatsCommand = {
  kind: 'stats';
  patterns: string[];
  format: 'text' | 'json';
  apiUrl: string;
  calls: number;
  days: number;
  versioning: VersioningChoice;
  disabledRules: string[];
} & FleetLimits;

export const STATS_OPTIONS = [
  'format',
  'disable',
  'api-url',
  'versioning',
  'calls',
  'days',
  'max-requests-per-second',
  'concurrency',
] as const;

function readWhole(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got '${value}'`);
  return Number(value);
}

/** The stats command from parsed options. */
export function readStatsCommand(
  values: { format?: string; calls?: string; days?: string },
  base: Omit<StatsCommand, 'kind' | 'format' | 'calls' | 'days'>,
): StatsCommand {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw new UsageError(`--format must be one of text, json, got '${format}'`);
  return {
    kind: 'stats',
    ...base,
    format,
    calls: readWhole(values.calls, 'calls', 500, 1500),
    days: readWhole(values.days, 'days', 14, 90),
  };
}

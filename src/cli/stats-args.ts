/** The `stats` command's options and help, kept apart from args.ts so that file only dispatches to it. Pure. */
import type { VersioningChoice } from '../versioning/model.js';
import type { FleetLimits } from './limits.js';
import { UsageError } from './usage-error.js';

export type StatsCommand = { kind: 'stats'; patterns: string[]; format: 'text' | 'json'; apiUrl: string; calls: number; days: number; versioning: VersioningChoice } & FleetLimits;

export const STATS_OPTIONS = ['format', 'api-url', 'versioning', 'calls', 'days', 'max-requests-per-second', 'concurrency'] as const;

export const STATS_HELP = (apiDefault: string, limits: string) => `Usage: atoms-metrics stats [files or globs…] [options]

Shows what each agent's live metrics produced on its recent calls: per metric, how many calls gave a value,
the empty and low-confidence (< 0.5) rates, ENUM shares and answers outside choices, BOOLEAN and INTEGER
off-type answers, the DATETIME parse rate, STRING distinct values and the most common short ones; and the calls
whose analytics the platform dropped. Only non-test calls on the live version count. Reads at most three pages
of calls per agent; writes nothing. Shows aggregates only: never a transcript, phone number or free text.

Options:
  --calls <n>                   The last this many calls (1 to 1500, default 500)…
  --days <n>                    …or this many days (1 to 90, default 14), whichever is smaller
  --format text|json            Output format (default text)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${apiDefault})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto)
${limits}
  -h, --help                    Show this help
Exit code 0 when every agent's calls were read; 1 when one could not be.`;

function readWhole(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, got '${value}'`);
  return Number(value);
}

/** The stats command from parsed options. */
export function readStatsCommand(values: { format?: string; calls?: string; days?: string }, base: Omit<StatsCommand, 'kind' | 'format' | 'calls' | 'days'>): StatsCommand {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be one of text, json, got '${format}'`);
  return { kind: 'stats', ...base, format, calls: readWhole(values.calls, 'calls', 500, 1500), days: readWhole(values.days, 'days', 14, 90) };
}

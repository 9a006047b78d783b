/** The emulator's own flags that replay what the doctor found, so `atoms-metrics emulator <args…>` answers it the same way. Pure. */
import type { Finding } from './types.js';

const bool = (flag: string) => (answer: string) =>
  answer === 'yes' ? [flag, 'true'] : answer === 'no' ? [flag, 'false'] : [];

/** Per finding id: the flags for an answer (none for `unknown`, which leaves the emulator's default). */
const FLAGS: Record<string, (answer: string, extra: { scanMs?: number }) => string[]> = {
  model: (answer) => (answer === 'v1' || answer === 'v2' ? ['--versioning', answer] : []),
  'v1-branches': (answer) => (answer === 'absent' || answer === 'empty' ? ['--v1-branches', answer] : []),
  'metrics-location': (answer) =>
    answer === 'top-level'
      ? ['--metrics-location', 'postCallAnalyticsConfig']
      : answer === 'analytics' || answer === 'analytics.postCallAnalyticsConfig'
        ? ['--metrics-location', answer]
        : [],
  'agent-read-follows-live': bool('--agent-read-follows-live'),
  'kept-v1-reads': bool('--kept-v1-reads'),
  'kept-v1-deprecation': bool('--kept-v1-deprecation'),
  'rate-limit-headers': bool('--rate-limit-headers'),
  // The emulator's call logs carry the map; with calls seen, it generates some so the shape can be seen there too.
  'call-log-metrics': (answer) => (answer === 'map' ? ['--calls-seed', '1'] : []),
  'put-merge': (answer) =>
    answer === 'merge' ? ['--put-merge', 'deep'] : answer === 'replace' ? ['--put-merge', 'replace'] : [],
  'scan-on-analytics-change': (answer, extra) =>
    answer === 'yes'
      ? [
          '--publish-mode',
          'async',
          '--scan-analytics-changes',
          'true',
          ...(extra.scanMs === undefined ? [] : ['--security-check-ms', String(extra.scanMs)]),
        ]
      : answer === 'no'
        ? ['--scan-analytics-changes', 'false']
        : [],
  'label-persisted': bool('--label-persisted'),
  'put-equal-opens-draft': bool('--put-equal-opens-draft'),
};

/** The ids whose answer the emulator can be told (the rest are facts of the account's data, not switches). */
export const REPLAYABLE = Object.keys(FLAGS);

/** `scanMs`: how long the measured scan took, rounded to whole seconds, for `--security-check-ms`. */
export function toEmulatorArgs(findings: readonly Finding[], extra: { scanMs?: number } = {}): string[] {
  const rounded = extra.scanMs === undefined ? undefined : Math.round(extra.scanMs / 1000) * 1000;
  return findings.flatMap((f) => FLAGS[f.id]?.(f.answer, { scanMs: rounded }) ?? []);
}

/** The command line to rehearse with (every value is a plain word, so nothing needs quoting). */
export function emulatorCommand(args: readonly string[]): string {
  return ['atoms-metrics', 'emulator', ...args].join(' ');
}

/** Shared by plan/apply/list: expand patterns, validate, and either report the problems or return the valid files. */
import { resolveConfigFiles, validateFiles } from '../config/load-files.js';
import type { Diagnostic, MetricsFile } from '../config/types.js';
import { formatDiagnosticLine } from '../report/format-diagnostics.js';
import { UsageError } from './usage-error.js';
import type { CliIo } from './io.js';

export interface LoadedFiles {
  files: MetricsFile[];
  paths: string[];
  diagnostics: Diagnostic[];
  hasErrors: boolean;
  /** What the command exits with if it stops here: 2 when a file could not be read at all, 1 when invalid, else 0. */
  exitCode: 0 | 1 | 2;
}

/** Problems with what was asked for (a missing file, a glob that matches nothing), not with a file's content. */
export const USAGE_RULES = new Set(['unreadable', 'no-match', 'outside-workspace', 'encoding', 'too-large']);

export async function loadTargets(
  patterns: string[],
  options: { disabledRules: string[]; strict: boolean },
  io: CliIo,
): Promise<LoadedFiles> {
  const resolved = await resolveConfigFiles(patterns, { cwd: io.cwd, workspace: io.cwd });
  const results = await validateFiles(resolved.files, { cwd: io.cwd, disabledRules: options.disabledRules });
  // Under strict a warning is an error everywhere downstream (the plan's verdict, the exit code).
  const diagnostics = [...resolved.errors, ...results.flatMap((r) => r.diagnostics)].map((d) =>
    options.strict ? { ...d, severity: 'error' as const } : d,
  );
  const hasErrors = diagnostics.some((d) => d.severity === 'error');
  const exitCode = diagnostics.some((d) => USAGE_RULES.has(d.rule)) ? 2 : hasErrors ? 1 : 0;
  // Under strict, a file with warnings is held back like an invalid one.
  const files = results.flatMap((r) => (r.file && !(options.strict && r.diagnostics.length > 0) ? [r.file] : []));
  return { files, paths: resolved.files, diagnostics, hasErrors, exitCode };
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  // One write for all lines: a broken file can have thousands, and each write is a system call.
  if (diagnostics.length > 0) io.stderr(diagnostics.map((d) => `${formatDiagnosticLine(d)}\n`).join(''));
}

/** The API key from SMALLEST_API_KEY; a clear usage error without it. */
export function requireApiKey(io: CliIo): string {
  const key = io.env.SMALLEST_API_KEY ?? '';
  if (key === '')
    throw new UsageError(
      'SMALLEST_API_KEY is not set: export your Atoms API key (or run against the emulator: see atoms-metrics emulator --help).',
    );
  if (/[\s\x00-\x1f\x7f]/.test(key))
    throw new UsageError(
      'SMALLEST_API_KEY contains a space, line break or control character (read from a file with a trailing newline?).',
    );
  return key;
}

/** Shared by plan/apply/list: expand patterns, validate, and either report the problems or return the valid files. */
import { resolveConfigFiles, validateFiles } from '../config/load-files.js';
import type { Diagnostic, MetricsFile } from '../config/types.js';
import { formatDiagnosticLine } from '../report/format-diagnostics.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';

export interface LoadedFiles {
  files: MetricsFile[];
  paths: string[];
  diagnostics: Diagnostic[];
  hasErrors: boolean;
}

export async function loadTargets(patterns: string[], disabledRules: string[], io: CliIo): Promise<LoadedFiles> {
  const resolved = await resolveConfigFiles(patterns, { cwd: io.cwd, workspace: io.cwd });
  const results = await validateFiles(resolved.files, { cwd: io.cwd, disabledRules });
  const diagnostics = [...resolved.errors, ...results.flatMap((r) => r.diagnostics)];
  return { files: results.flatMap((r) => (r.file ? [r.file] : [])), paths: resolved.files, diagnostics, hasErrors: diagnostics.some((d) => d.severity === 'error') };
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnosticLine(d)}\n`);
}

/** The API key from SMALLEST_API_KEY; a clear usage error without it. */
export function requireApiKey(io: CliIo): string {
  const key = io.env.SMALLEST_API_KEY ?? '';
  if (key === '') throw new UsageError('SMALLEST_API_KEY is not set: export your Atoms API key (or run against the emulator: see atoms-metrics emulator --help).');
  return key;
}

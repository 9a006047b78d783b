/** Text forms of diagnostics: compiler-style lines for terminals, JSON for machines, a markdown table for summaries. */
import type { Diagnostic, FileResult } from '../config/types.js';
import { inertForLog } from './inert.js';

/** `path:line:col: error: message [rule]` — the form editors and problem matchers understand. File names and messages quote the file, so they are made inert for a log. */
export function formatDiagnosticLine(diagnostic: Diagnostic): string {
  return inertForLog(
    `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message} [${diagnostic.rule}]`,
    { singleLine: true },
  );
}

export interface ValidationCounts {
  files: number;
  errors: number;
  warnings: number;
}

export function countDiagnostics(results: readonly FileResult[], extra: readonly Diagnostic[] = []): ValidationCounts {
  const all = [...results.flatMap((result) => result.diagnostics), ...extra];
  return {
    files: results.length,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}

/** One-line verdict, e.g. `3 files: 2 errors, 1 warning`. */
export function formatCounts(counts: ValidationCounts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.files, 'file')}: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
}

/** Whether the run fails: any error, or any warning under `strict`. */
export function hasFailures(counts: ValidationCounts, strict: boolean): boolean {
  return counts.errors > 0 || (strict && counts.warnings > 0);
}

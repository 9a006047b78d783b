/** Writes diagnostics as workflow annotations (`::error file=…,line=…,col=…::`). */
import type { Diagnostic } from '../config/types.js';
import { inertForLog } from '../report/inert.js';
import type { WorkflowCommands } from './workflow-commands.js';

/**
 * A pull request decides what its files say, so it must not be able to flood the check: GitHub itself shows only
 * 10 annotations of each kind per step and 50 per job, and thousands of lines would bury the run's own verdict.
 */
export const ANNOTATION_LIMITS = { perFile: 10, perRun: 50 } as const;

/** Which diagnostics become annotations, in order, and how many are left out. Pure. */
export function selectAnnotations(
  diagnostics: readonly Diagnostic[],
  limits: { perFile: number; perRun: number } = ANNOTATION_LIMITS,
): { shown: Diagnostic[]; hidden: number } {
  const perFile = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const count = perFile.get(diagnostic.file) ?? 0;
    if (count >= limits.perFile || shown.length >= limits.perRun) continue;
    perFile.set(diagnostic.file, count + 1);
    shown.push(diagnostic);
  }
  return { shown, hidden: diagnostics.length - shown.length };
}

/**
 * One annotation per diagnostic up to the limits, then one closing line with the number left out (the job
 * summary lists and counts them all). Under `strict`, warnings are raised as errors because they fail the run.
 */
export function annotateDiagnostics(
  diagnostics: readonly Diagnostic[],
  strict: boolean,
  commands: WorkflowCommands,
): void {
  const { shown, hidden } = selectAnnotations(diagnostics);
  for (const diagnostic of shown) {
    const properties = {
      // The path and the message quote the file (its name, its keys): shown, never obeyed by the log reader.
      file: inertForLog(diagnostic.file, { singleLine: true }),
      startLine: diagnostic.line,
      startColumn: diagnostic.column,
      title: `atoms-metrics: ${diagnostic.rule}`,
    };
    if (diagnostic.severity === 'error' || strict) commands.error(inertForLog(diagnostic.message), properties);
    else commands.warning(inertForLog(diagnostic.message), properties);
  }
  if (hidden > 0) {
    const limits = `at most ${ANNOTATION_LIMITS.perFile} per file and ${ANNOTATION_LIMITS.perRun} per run`;
    commands.warning(
      `${hidden} more problem${hidden === 1 ? ' was' : 's were'} not annotated (${limits}); the job summary counts all ${diagnostics.length}.`,
    );
  }
}

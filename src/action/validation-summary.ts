/** The job summary for validation: a verdict line and a table of every diagnostic. */
import { appendJobSummary } from './summary.js';
import { formatCounts } from '../report/format-diagnostics.js';
import { renderDiagnosticsTable } from '../report/diagnostics-markdown.js';
import type { ValidationOutcome } from './validate-step.js';

/** Writes the validation part of the job summary. */
export async function writeValidationSummary(outcome: ValidationOutcome, strict: boolean): Promise<void> {
  const verdict = outcome.failed ? '❌ Metrics files are invalid' : '✅ Metrics files are valid';
  const body = `## ${verdict}\n\n${formatCounts(outcome.counts)}${strict ? ' (strict: warnings fail)' : ''}\n\n${renderDiagnosticsTable(outcome.diagnostics)}`;
  await appendJobSummary(body);
}

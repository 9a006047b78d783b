/** Writes diagnostics as workflow annotations (`::error file=…,line=…,col=…::`) through @actions/core. */
import * as core from '@actions/core';
import type { Diagnostic } from '../config/types.js';
import { inertForLog } from '../report/inert.js';

/** One annotation per diagnostic; under `strict`, warnings are raised as errors because they fail the run. */
export function annotateDiagnostics(diagnostics: readonly Diagnostic[], strict: boolean): void {
  for (const diagnostic of diagnostics) {
    const properties = {
      // The path and the message quote the file (its name, its keys): shown, never obeyed by the log reader.
      file: inertForLog(diagnostic.file, { singleLine: true }),
      startLine: diagnostic.line,
      startColumn: diagnostic.column,
      title: `atoms-metrics: ${diagnostic.rule}`,
    };
    if (diagnostic.severity === 'error' || strict) core.error(inertForLog(diagnostic.message), properties);
    else core.warning(inertForLog(diagnostic.message), properties);
  }
}

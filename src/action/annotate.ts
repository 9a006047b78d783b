/** Writes diagnostics as workflow annotations (`::error file=…,line=…,col=…::`) through @actions/core. */
import * as core from '@actions/core';
import type { Diagnostic } from '../config/types.js';

/** One annotation per diagnostic; under `strict`, warnings are raised as errors because they fail the run. */
export function annotateDiagnostics(diagnostics: readonly Diagnostic[], strict: boolean): void {
  for (const diagnostic of diagnostics) {
    const properties = {
      file: diagnostic.file,
      startLine: diagnostic.line,
      startColumn: diagnostic.column,
      title: `atoms-metrics: ${diagnostic.rule}`,
    };
    if (diagnostic.severity === 'error' || strict) core.error(diagnostic.message, properties);
    else core.warning(diagnostic.message, properties);
  }
}

/** Diagnostics as a markdown table (pure). */
import type { Diagnostic } from '../config/types.js';
import { inertInlineCode, inertTextWithCode } from './inert.js';

/** A table of diagnostics, or an empty string when there are none. `limit` caps the rows (the rest are counted). */
export function renderDiagnosticsTable(diagnostics: readonly Diagnostic[], limit = 500): string {
  if (diagnostics.length === 0) return '';
  const rows = diagnostics.slice(0, limit).map((d) => {
    const icon = d.severity === 'error' ? '❌ error' : '⚠️ warning';
    return `| ${icon} | ${inertInlineCode(`${d.file}:${d.line}:${d.column}`, { inTable: true })} | ${inertTextWithCode(d.message, { inTable: true })} | ${inertInlineCode(d.rule, { inTable: true })} |`;
  });
  const more = diagnostics.length > limit ? `\n\n…and ${diagnostics.length - limit} more.` : '';
  return `| | where | problem | rule |\n|---|---|---|---|\n${rows.join('\n')}${more}\n`;
}

/** `atoms-metrics validate`: compiler-style lines (or JSON) and exit 0 valid, 1 invalid, 2 unreadable/no match. */
import { resolveConfigFiles, validateFiles } from '../config/load-files.js';
import { countDiagnostics, formatCounts, formatDiagnosticLine, hasFailures } from '../report/format-diagnostics.js';
import type { CliIo } from './io.js';
import { USAGE_RULES } from './load-targets.js';
import { stringifyRedacted } from '../report/secrets.js';

export async function runValidateCommand(
  command: { patterns: string[]; format: 'text' | 'json'; strict: boolean; disabledRules: string[] },
  io: CliIo,
): Promise<number> {
  const resolved = await resolveConfigFiles(command.patterns, { cwd: io.cwd, workspace: io.cwd });
  const results = await validateFiles(resolved.files, { cwd: io.cwd, disabledRules: command.disabledRules });
  const diagnostics = [...resolved.errors, ...results.flatMap((result) => result.diagnostics)];
  const counts = countDiagnostics(results, resolved.errors);
  const unreadable = diagnostics.some((d) => USAGE_RULES.has(d.rule));
  const failed = hasFailures(counts, command.strict);
  const notes = resolved.emptyDirectories.map(
    (dir) => `${dir}/ holds no metrics files yet (add one per agent: atoms-metrics pull <agentId> --out ${dir})`,
  );
  if (command.format === 'json') {
    io.stdout(
      `${stringifyRedacted({ valid: !failed && !unreadable, ...counts, diagnostics, ...(notes.length > 0 ? { notes } : {}) }, 2)}\n`,
    );
  } else {
    // One write, not one per line: each write to a pipe or file is a system call, and a broken file can have thousands.
    if (diagnostics.length > 0) io.stdout(diagnostics.map((d) => `${formatDiagnosticLine(d)}\n`).join(''));
    for (const note of notes) io.stderr(`note: ${note}\n`);
    io.stderr(`${formatCounts(counts)}${failed || unreadable ? '' : ' — valid'}\n`);
  }
  return unreadable ? 2 : failed ? 1 : 0;
}

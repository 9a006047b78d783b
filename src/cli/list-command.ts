/** `atoms-metrics list`: the matrix JSON for a fan-out over files. */
import { buildMatrix } from '../fleet/matrix.js';
import type { CliIo } from './io.js';
import { loadTargets, printDiagnostics } from './load-targets.js';

export async function runListCommand(
  command: { patterns: string[]; maxSlices: number; disabledRules: string[] },
  io: CliIo,
): Promise<number> {
  const loaded = await loadTargets(command.patterns, { disabledRules: command.disabledRules, strict: false }, io);
  printDiagnostics(loaded.diagnostics, io);
  io.stdout(
    `${JSON.stringify(
      buildMatrix(
        loaded.files.map((f) => ({ path: f.path, agentIds: f.agentIds })),
        command.maxSlices,
      ),
    )}\n`,
  );
  return loaded.exitCode;
}

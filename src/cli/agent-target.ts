/** `history` and `rollback` take an agent id or a metrics file: the file names its agents. */
import { UsageError } from './usage-error.js';
import type { CliIo } from './io.js';
import { loadTargets, printDiagnostics } from './load-targets.js';

export async function agentIdsOf(target: string, io: CliIo): Promise<string[]> {
  if (/^[a-f0-9]{24}$/.test(target)) return [target];
  const loaded = await loadTargets([target], { disabledRules: [], strict: false }, io);
  if (loaded.hasErrors) {
    printDiagnostics(loaded.diagnostics, io);
    throw new UsageError(`'${target}' is neither an agent id (24 lowercase hex) nor a valid metrics file`);
  }
  const ids = [...new Set(loaded.files.flatMap((f) => f.agentIds))];
  if (ids.length === 0) throw new UsageError(`'${target}' names no agent`);
  return ids;
}

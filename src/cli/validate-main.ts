/**
 * `atoms-metrics validate` on its own: what dist/cli-validate.js runs. It parses and answers like runCli, but loads
 * only the validation code, in one file, so the command CI and editors run most starts as fast as the action's
 * validate step (the split bundle pays ~1 ms per extra module on this path).
 */
import { parseCliArgs } from './args.js';
import { guarded, printHelp, registerCliSecrets } from './guard.js';
import type { CliIo } from './io.js';
import { runValidateCommand } from './validate-command.js';

/** `argv` starts with `validate`; anything it parses to other than a validation (its --help) is answered too. */
export async function runValidateCli(argv: readonly string[], io: CliIo): Promise<number> {
  const secrets = registerCliSecrets(io);
  return guarded(io, secrets, async () => {
    const command = parseCliArgs(argv, io.env);
    if (command.kind === 'validate') return runValidateCommand(command, io);
    if (command.kind === 'help') return printHelp(command.topic, io);
    throw new Error(`internal: '${argv[0] ?? ''}' reached the validate bundle`);
  });
}

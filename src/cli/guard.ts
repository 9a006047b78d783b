/** What every CLI run shares, whichever bundle it runs from: its secrets, its help, and how a failure ends. */
import { describeFailure } from '../action/failure.js';
import { registerSecret } from '../report/secrets.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

/** The run's secrets (the API key), registered for redaction before anything can fail. */
export function registerCliSecrets(io: CliIo): string[] {
  const secrets = [io.env.SMALLEST_API_KEY ?? ''].filter((s) => s !== '');
  for (const secret of secrets) registerSecret(secret);
  return secrets;
}

/** Prints a help text (help.ts is loaded only for this). */
export async function printHelp(topic: string | undefined, io: CliIo): Promise<number> {
  const { HELP } = await import('./help.js');
  io.stdout(`${HELP[topic ?? 'main'] ?? HELP.main}\n`);
  return 0;
}

/** Runs a command; a failure becomes one clear line, never a stack trace: exit 2 for bad usage, 1 for the rest. */
export async function guarded(io: CliIo, secrets: readonly string[], run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`atoms-metrics: ${error.message}\nRun 'atoms-metrics --help' for usage.\n`);
      return 2;
    }
    io.stderr(`atoms-metrics: ${describeFailure(error, secrets)}\n`);
    return 1;
  }
}

/** `atoms-metrics emulator`: runs the local Atoms API emulator until interrupted. */
import { loadSeedFile, startEmulator } from '../emulator/index.js';
import type { CliIo } from './io.js';

export async function runEmulatorCommand(command: { port: number; host: string; seed?: string; securityCheckMs: number }, io: CliIo): Promise<number> {
  const seed = command.seed ? await loadSeedFile(command.seed) : undefined;
  const emulator = await startEmulator({ port: command.port, host: command.host, seed, securityCheckMs: command.securityCheckMs, log: (line) => io.stderr(`${line}\n`) });
  io.stdout(`atoms emulator listening on ${emulator.url} (API key: ${emulator.apiKey})\n`);
  for (const agentId of seed?.agents.map((a) => a._id).filter((id): id is string => id !== undefined) ?? []) io.stdout(`  seeded agent ${agentId}\n`);
  io.stdout(`Try: ATOMS_API_URL=${emulator.url} SMALLEST_API_KEY=${emulator.apiKey} atoms-metrics plan\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
  return 0;
}

/** `atoms-metrics emulator`: runs the local Atoms API emulator until interrupted. */
import { type ActSpec, describeFault, loadSeedFile, SeedError, startEmulator, type EmulatorSeed, type FaultSpec, type RunningEmulator, type SeedOptions } from '../emulator/index.js';
import { resolve } from 'node:path';
import type { CliIo } from './io.js';
import { errnoCode } from '../report/fs-error.js';

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use (pick another with --port, or --port 0 for a free one)',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'that address is not on this machine',
  ENOTFOUND: 'that host name does not resolve',
};

export async function runEmulatorCommand(command: { port: number; host: string; seed?: string; switches: SeedOptions; faults: FaultSpec[]; acts?: ActSpec[] }, io: CliIo): Promise<number> {
  let seed: EmulatorSeed | undefined;
  let emulator: RunningEmulator;
  try {
    seed = command.seed ? await loadSeedFile(resolve(io.cwd, command.seed), command.seed) : undefined;
    emulator = await startEmulator({ ...command.switches, faults: command.faults, acts: command.acts, port: command.port, host: command.host, seed, log: (line) => io.stderr(`${line}\n`) });
  } catch (error) {
    const code = errnoCode(error);
    if (error instanceof SeedError) io.stderr(`atoms-metrics: ${error.message}\n`);
    else if (LISTEN_ERRORS[code]) io.stderr(`atoms-metrics: cannot listen on ${command.host}:${command.port}: ${LISTEN_ERRORS[code]}\n`);
    else throw error;
    return 2;
  }
  io.stdout(`atoms emulator listening on ${emulator.url} (API key: ${emulator.apiKey})\n`);
  const switches = emulator.getSwitches();
  io.stdout(switches.versioning === 'v2' ? `  versioning v2 (branch model): publish ${switches.publishMode}, security scan ${switches.securityCheckMs} ms\n` : `  versioning v1 (drafts and versions): security check ${switches.securityCheckMs} ms\n`);
  if (switches.scanOutcome !== 'passed') io.stdout(`  every security scan ends ${switches.scanOutcome}${switches.scanReason ? `: ${switches.scanReason}` : ''}\n`);
  for (const fault of [...command.faults, ...(seed?.faults ?? [])]) io.stdout(`  fault: ${describeFault(fault)}\n`);
  for (const act of command.acts ?? []) io.stdout(`  act: ${act.method ?? '(any method)'} ${typeof act.path === 'string' ? act.path : (act.path?.source ?? '(any path)')} → ${act.action}${act.arg ? `=${act.arg}` : ''}${act.skip ? ` after ${act.skip} passed` : ''} (${act.times ?? 1}×)\n`);
  for (const agentId of seed?.agents.map((a) => a._id).filter((id): id is string => id !== undefined) ?? []) io.stdout(`  seeded agent ${agentId}\n`);
  io.stdout(`Try: ATOMS_API_URL=${emulator.url} SMALLEST_API_KEY=${emulator.apiKey} atoms-metrics plan <metrics files>\nPress Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await emulator.close();
  return 0;
}

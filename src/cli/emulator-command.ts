/** `atoms-metrics emulator`: runs the local Atoms API emulator until interrupted. */
import {
  type ActSpec,
  describeFault,
  loadSeedFile,
  SeedError,
  startEmulator,
  type EmulatorSeed,
  type FaultSpec,
  type RunningEmulator,
  type SeedOptions,
} from '../emulator/index.js';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.js';
import { errnoCode } from '../report/fs-error.js';
import { EXAMPLE_SEED, findPackageRoot } from './package-files.js';

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use (pick another with --port, or --port 0 for a free one)',
  EACCES: 'permission denied (ports below 1024 need privileges)',
  EADDRNOTAVAIL: 'that address is not on this machine',
  ENOTFOUND: 'that host name does not resolve',
};

/** The seed file to start from: --seed's, none with --empty, else the package's example agent. */
function seedPath(
  command: { seed?: string; empty: boolean },
  cwd: string,
): { path: string; label: string } | undefined {
  if (command.seed) return { path: resolve(cwd, command.seed), label: command.seed };
  const root = command.empty ? undefined : findPackageRoot();
  return root === undefined
    ? undefined
    : { path: join(root, EXAMPLE_SEED), label: `the example agent (${EXAMPLE_SEED} in the package)` };
}

/** Resolves on the first Ctrl+C or SIGTERM. */
function interrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Runs the emulator until `stop` resolves (by default, until interrupted). */
export async function runEmulatorCommand(
  command: {
    port: number;
    host: string;
    seed?: string;
    empty: boolean;
    switches: SeedOptions;
    faults: FaultSpec[];
    acts?: ActSpec[];
  },
  io: CliIo,
  stop: () => Promise<void> = interrupted,
): Promise<number> {
  let seed: EmulatorSeed | undefined;
  let emulator: RunningEmulator;
  try {
    const from = seedPath(command, io.cwd);
    seed = from ? await loadSeedFile(from.path, from.label) : undefined;
    emulator = await startEmulator({
      ...command.switches,
      faults: command.faults,
      acts: command.acts,
      port: command.port,
      host: command.host,
      seed,
      log: (line) => io.stderr(`${line}\n`),
    });
  } catch (error) {
    const code = errnoCode(error);
    if (error instanceof SeedError) io.stderr(`atoms-metrics: ${error.message}\n`);
    else if (LISTEN_ERRORS[code])
      io.stderr(`atoms-metrics: cannot listen on ${command.host}:${command.port}: ${LISTEN_ERRORS[code]}\n`);
    else throw error;
    return 2;
  }
  io.stdout(`atoms emulator listening on ${emulator.url} (API key: ${emulator.apiKey})\n`);
  const switches = emulator.getSwitches();
  io.stdout(
    switches.versioning === 'v2'
      ? `  versioning v2 (branch model): publish ${switches.publishMode}, security scan ${switches.securityCheckMs} ms\n`
      : `  versioning v1 (drafts and versions): security check ${switches.securityCheckMs} ms\n`,
  );
  if (switches.scanOutcome !== 'passed')
    io.stdout(
      `  every security scan ends ${switches.scanOutcome}${switches.scanReason ? `: ${switches.scanReason}` : ''}\n`,
    );
  for (const fault of [...command.faults, ...(seed?.faults ?? [])]) io.stdout(`  fault: ${describeFault(fault)}\n`);
  for (const act of command.acts ?? [])
    io.stdout(
      `  act: ${act.method ?? '(any method)'} ${typeof act.path === 'string' ? act.path : (act.path?.source ?? '(any path)')} → ${act.action}${act.arg ? `=${act.arg}` : ''}${act.skip ? ` after ${act.skip} passed` : ''} (${act.times ?? 1}×)\n`,
    );
  const agentIds = seed?.agents.map((a) => a._id).filter((id): id is string => id !== undefined) ?? [];
  for (const agentId of agentIds) io.stdout(`  seeded agent ${agentId}\n`);
  io.stdout(renderTryNext(emulator, agentIds));
  await stop();
  await emulator.close();
  return 0;
}

/** What to run next, in another terminal: commands that work against what the emulator holds now. */
export function renderTryNext(emulator: { url: string; apiKey: string }, agentIds: readonly string[]): string {
  const env = `  export ATOMS_API_URL=${emulator.url} SMALLEST_API_KEY=${emulator.apiKey}`;
  if (agentIds.length === 0) {
    return [
      'No agents: start it with --seed <file.json> (or without --empty for the example agent) to have some.',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n');
  }
  const pull = `  atoms-metrics pull ${agentIds.join(' ')} --out metrics`;
  const plan = '  atoms-metrics plan metrics';
  const width = Math.max(pull.length, plan.length) + 3;
  return [
    'Try, in another terminal:',
    env,
    `${pull.padEnd(width)}# the live metrics, one file per agent`,
    `${plan.padEnd(width)}# edit a file first to see a diff`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

/** `atoms-metrics emulator`'s options: its switch table and fault specs, loaded for this command alone. */
import { ActSpecError, parseActFlag, type ActSpec } from '../emulator/act-spec.js';
import { FaultSpecError, parseFaultFlags } from '../emulator/fault-spec.js';
import { SWITCH_SPECS, readSwitchFlags } from '../emulator/switches.js';
import type { FaultSpec } from '../emulator/types.js';
import type { SeedOptions } from '../emulator/types-v2.js';
import { parseOptions, readInteger, type CliCommand } from './args.js';
import { UsageError } from './usage-error.js';

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  empty: { type: 'boolean' },
  fault: { type: 'string', multiple: true },
  act: { type: 'string', multiple: true },
  ...Object.fromEntries(SWITCH_SPECS.map((s) => [s.flag, { type: 'string' as const }])),
} as const;

/** Parses the arguments after `emulator`. Throws UsageError on bad usage. */
export function parseEmulatorArgs(args: readonly string[]): Extract<CliCommand, { kind: 'emulator' | 'help' }> {
  const { values } = parseOptions('emulator', args, OPTIONS);
  if (values.help === true) return { kind: 'help', topic: 'emulator' };
  const empty = values.empty === true;
  if (empty && values.seed !== undefined)
    throw new UsageError(
      '--empty and --seed exclude each other: --empty starts with no agents, --seed with those of the file',
    );
  return {
    kind: 'emulator',
    port: readInteger(values.port, 'port', 4010, 0, 65535),
    host: values.host ?? '127.0.0.1',
    seed: values.seed,
    empty,
    switches: readSwitches(values),
    faults: readFaults(values.fault),
    acts: readActs(values.act),
  };
}

function readSwitches(values: Record<string, unknown>): SeedOptions {
  try {
    return readSwitchFlags(values);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function readFaults(specs: string[] | undefined): FaultSpec[] {
  try {
    return parseFaultFlags(specs);
  } catch (error) {
    if (error instanceof FaultSpecError) throw new UsageError(error.message);
    throw error;
  }
}

function readActs(specs: string[] | undefined): ActSpec[] {
  try {
    return (specs ?? []).map(parseActFlag);
  } catch (error) {
    if (error instanceof ActSpecError) throw new UsageError(error.message);
    throw error;
  }
}

// Runs `atoms-metrics doctor` through runCli against an emulator, and checks what it wrote where.
import { isRecord } from '../../src/atoms/wire.js';
import { parseEmulatorArgs } from '../../src/cli/emulator-args.js';
import { runCli } from '../../src/cli/main.js';
import {
  startEmulator,
  type EmulatorOptions,
  type EmulatorSeed,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { recordingIo } from './cli-io.js';

export const AGENT = '65f1a2b3c4d5e6f708192a3b';
const LAUNCH = {
  dispositionMetrics: [
    {
      identifier: 'call_resolved',
      dispositionMetricType: 'BOOLEAN',
      dispositionMetricPrompt: 'Was the issue resolved?',
    },
  ],
  summaryPrompt: 'Summarise the call.',
};
export const EDITED = {
  dispositionMetrics: [
    ...LAUNCH.dispositionMetrics,
    { identifier: 'follow_up', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was a follow-up promised?' },
  ],
  summaryPrompt: 'Summarise the call.',
};

/** One agent with a launch revision from the migration, and (unless `migratedOnly`) a later dashboard publish on Main. */
export function seedFor(versioning: 'v1' | 'v2' = 'v2'): EmulatorSeed {
  return { agents: [{ _id: AGENT, versioning, versions: [{ label: 'Launch', postCallAnalyticsConfig: LAUNCH }] }] };
}

/** An emulator with these options and the seed, then a dashboard publish so the live head is not the migration's. */
export async function startAccount(options: EmulatorOptions, versioning: 'v1' | 'v2' = 'v2'): Promise<RunningEmulator> {
  const emu = await startEmulator({
    securityCheckMs: 0,
    callsSeed: 7,
    callsPerAgent: 20,
    ...options,
    seed: seedFor(versioning),
  });
  emu.simulateDashboardChange(AGENT, EDITED);
  return emu;
}

export interface DoctorRun {
  code: number;
  out: string;
  err: string;
  json:
    | {
        agentId: string;
        model: string;
        findings: { id: string; answer: string; evidence: string }[];
        emulatorArgs: string[];
        scratchBranch?: { name: string; id: string | null; archived: boolean };
      }
    | undefined;
  answers: Record<string, string>;
}

export async function runDoctor(emu: RunningEmulator, args: string[], env: NodeJS.ProcessEnv = {}): Promise<DoctorRun> {
  const io = recordingIo(process.cwd(), { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url, ...env });
  const code = await runCli(['doctor', AGENT, ...args], io);
  let json: DoctorRun['json'];
  try {
    json = args.includes('--json') ? JSON.parse(io.out) : undefined;
  } catch {
    json = undefined;
  }
  return {
    code,
    out: io.out,
    err: io.err,
    json,
    answers: Object.fromEntries((json?.findings ?? []).map((f) => [f.id, f.answer])),
  };
}

/** The emulator `atoms-metrics emulator <args…>` would start, with the same account on it. */
export async function startFromArgs(args: string[], versioning: 'v1' | 'v2' = 'v2'): Promise<RunningEmulator> {
  const command = parseEmulatorArgs(args);
  if (command.kind !== 'emulator') throw new Error('not the emulator command');
  const emu = await startEmulator({ ...command.switches, faults: command.faults, seed: seedFor(versioning) });
  emu.simulateDashboardChange(AGENT, EDITED);
  return emu;
}

/** The live branch's id and head, from the emulator's own state. */
export function liveOf(emu: RunningEmulator): { branchId: string; head: string | null; draft: boolean } {
  const live = emu.getAgentState(AGENT)?.branches?.find((b) => b.isLive);
  if (!live) throw new Error('no live branch');
  return { branchId: live.branchId, head: live.headRevisionId, draft: live.draft !== null };
}

/** Writes (non-GET requests) since `from`, and whether each is under the given branch. */
export function writesSince(emu: RunningEmulator, from: number): { method: string; path: string; status: number }[] {
  return emu.requests
    .slice(from)
    .filter((r) => r.method !== 'GET')
    .map((r) => ({ method: r.method, path: r.path, status: r.status }));
}

/** Branch ids the API still lists (archived ones are not listed). */
export async function listedBranches(emu: RunningEmulator): Promise<string[]> {
  const res = await fetch(`${emu.url}/agent/${AGENT}/branches`, { headers: { authorization: `Bearer ${emu.apiKey}` } });
  const body: unknown = await res.json();
  const list = isRecord(body) && isRecord(body.data) && Array.isArray(body.data.branches) ? body.data.branches : [];
  return list.flatMap((b: unknown) =>
    isRecord(b) && isRecord(b.branch) && typeof b.branch._id === 'string' ? [b.branch._id] : [],
  );
}

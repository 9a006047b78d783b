/** `doctor` from start to end: the reads, then (with --write, on v2) the scratch-branch experiment, then the report. */
import { toEmulatorArgs } from './emulator-args.js';
import { interpretRead } from './interpret-read.js';
import { interpretWrite, WRITE_IDS } from './interpret-write.js';
import { decideLiveBranch } from './read-decisions.js';
import { readFacts } from './read-probe.js';
import type { DoctorReport } from './types.js';
import { runScratchExperiment, type WriteDeps } from './write-probe.js';

/** The agent could not be examined at all (no model answers, the key is rejected): one clear line, exit 1. */
export class DoctorError extends Error {
  override name = 'DoctorError';
}

/** Runs the doctor for one agent. Read-only unless `write`; writes only under a scratch branch it creates and archives. */
export async function runDoctor(agentId: string, write: boolean, deps: WriteDeps): Promise<DoctorReport> {
  const { facts, verdict } = await readFacts(deps.probe, agentId);
  if ('problem' in verdict) throw new DoctorError(`agent ${agentId}: ${verdict.problem}`);
  const findings = interpretRead(facts, verdict);
  let report: DoctorReport['write'] = { requested: false };
  let scanMs: number | undefined;
  const skip = (why: string, short: string) => {
    report = { requested: true, skipped: why };
    findings.push(...WRITE_IDS.map((id) => ({ id, answer: 'unknown', evidence: `--write wrote nothing: ${short}` })));
  };
  if (write && verdict.model === 'v1') {
    skip(
      `agent ${agentId} is on the v1 model, which has no branches, and doctor writes only on a scratch branch; the open unknowns it would test are v2's`,
      'a v1 agent has no branches',
    );
  } else if (write) {
    const live = decideLiveBranch(facts.branches);
    if ('problem' in live || live.headRevisionId === '') {
      skip(
        `there is no live branch with a committed head to copy (${'problem' in live ? live.problem : 'no head revision'})`,
        'no live branch to copy',
      );
    } else {
      const { facts: writeFacts, scratch } = await runScratchExperiment(agentId, live, deps);
      findings.push(...interpretWrite(writeFacts));
      if (writeFacts.scan?.outcome === 'committed') scanMs = writeFacts.scan.waitedMs;
      report = { requested: true, scratch, ...(writeFacts.stop ? { stop: writeFacts.stop } : {}) };
    }
  }
  const writes = deps.probe.log.filter((r) => r.method !== 'GET').length;
  return {
    agentId,
    model: verdict.model,
    findings,
    emulatorArgs: toEmulatorArgs(findings, { scanMs }),
    write: report,
    requests: { reads: deps.probe.log.length - writes, writes },
  };
}

/** The exit code for a report: 0 when everything asked for was done, 1 when the experiment stopped or left its branch, 130 when interrupted. */
export function exitCodeOf(report: DoctorReport): number {
  const { write } = report;
  if (!write.requested || 'skipped' in write) return 0;
  if (write.stop?.kind === 'interrupted') return 130;
  return write.stop || (write.scratch.id !== null && !write.scratch.archived) ? 1 : 0;
}

/** The `--json` form: `{agentId, model, findings, emulatorArgs}`, plus the scratch branch when --write made one. */
export function reportToJson(report: DoctorReport): Record<string, unknown> {
  const { write } = report;
  const scratch =
    write.requested && 'scratch' in write
      ? { scratchBranch: { ...write.scratch, ...(write.stop ? { stoppedAt: write.stop } : {}) } }
      : {};
  const skipped = write.requested && 'skipped' in write ? { writeSkipped: write.skipped } : {};
  return {
    agentId: report.agentId,
    model: report.model,
    findings: report.findings,
    emulatorArgs: report.emulatorArgs,
    ...scratch,
    ...skipped,
    requests: report.requests,
  };
}

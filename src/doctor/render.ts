/** The doctor's human report: one line per finding with what it means, then the emulator command to rehearse. Pure. */
import { inertForLog } from '../report/inert.js';
import { emulatorCommand } from './emulator-args.js';
import { meaningOf } from './meanings.js';
import type { DoctorReport } from './types.js';

const WRITE_IDS = 'put-merge, scan-on-analytics-change, label-persisted and put-equal-opens-draft';

function writeLine(report: DoctorReport): string {
  const { write, requests } = report;
  const count = `${requests.reads + requests.writes} requests, ${requests.writes} of them writes`;
  if (!write.requested)
    return `Read-only: ${count}. Run with --write to find out ${WRITE_IDS} on a scratch branch it creates from the live branch and archives.`;
  if ('skipped' in write) return `--write wrote nothing: ${write.skipped} (${count}).`;
  const { scratch, stop } = write;
  const archived =
    scratch.id === null
      ? 'no scratch branch was created'
      : scratch.archived
        ? `scratch branch ${scratch.name} (${scratch.id}) is archived`
        : `scratch branch ${scratch.name} (${scratch.id}) could NOT be archived (${scratch.problem ?? 'no reason given'}): archive it in the dashboard`;
  const stopped = stop
    ? ` It stopped early: the step "${stop.step}" ${stop.kind === 'freeze' ? 'hit a config freeze (423), so try again after the maintenance window' : stop.kind === 'interrupted' ? 'was interrupted' : 'failed'}: ${stop.reason}.`
    : '';
  return `--write: wrote only on the scratch branch; ${archived} (${count}).${stopped}`;
}

export function renderDoctorReport(report: DoctorReport): string {
  const width = Math.max(...report.findings.map((f) => f.id.length));
  const lines = report.findings.map((f) => {
    // On a v1 agent the branch model's questions have no answer, and no consequence either.
    const meaning =
      report.model === 'v1' && f.answer === 'unknown' && f.id !== 'call-log-metrics' ? undefined : meaningOf(f);
    return `  ${f.id.padEnd(width)}  ${f.answer}: ${meaning ? `${meaning} (${f.evidence})` : f.evidence}`;
  });
  return [
    `atoms-metrics doctor: agent ${report.agentId}, ${report.model === 'v2' ? 'v2 (branch model)' : 'v1 (drafts and versions)'}`,
    '',
    ...lines,
    '',
    writeLine(report),
    '',
    'Rehearse this account in the emulator:',
    `  ${emulatorCommand(report.emulatorArgs)}`,
    '',
  ]
    .map((line) => inertForLog(line))
    .join('\n');
}

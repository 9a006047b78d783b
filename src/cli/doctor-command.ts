/** `atoms-metrics doctor`: what this account's API really does on each open unknown, and how to rehearse it. */
import { createProbeClient, ProbeNetworkError } from '../doctor/probe-client.js';
import { renderDoctorReport } from '../doctor/render.js';
import { DoctorError, exitCodeOf, reportToJson, runDoctor } from '../doctor/run-doctor.js';
import { inertForLog } from '../report/inert.js';
import { stringifyRedacted } from '../report/secrets.js';
import { agentIdsOf } from './agent-target.js';
import type { CliIo } from './io.js';
import { requireApiKey } from './load-targets.js';
import { UsageError } from './usage-error.js';

export interface DoctorCommand {
  target: string;
  apiUrl: string;
  write: boolean;
  json: boolean;
}

/** Where SIGINT and SIGTERM come from; returns a function that stops listening. */
export interface InterruptSource {
  onInterrupt(handler: () => void): () => void;
}

const processSignals: InterruptSource = {
  onInterrupt(handler) {
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
};

/** Waits `ms`, or less when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function runDoctorCommand(
  command: DoctorCommand,
  io: CliIo,
  interrupts: InterruptSource = processSignals,
): Promise<number> {
  const agentIds = await agentIdsOf(command.target, io);
  if (agentIds.length !== 1)
    throw new UsageError(
      `'${command.target}' names ${agentIds.length} agents; doctor examines one at a time: pass one agent id`,
    );
  const agentId = agentIds[0] ?? '';
  const probe = createProbeClient({ baseUrl: command.apiUrl, apiKey: requireApiKey(io) });
  const controller = new AbortController();
  // Only --write has something to clean up; a read-only run stops the way any command does.
  const release = command.write
    ? interrupts.onInterrupt(() => {
        io.stderr('atoms-metrics: interrupted: finishing the request in flight, then archiving the scratch branch\n');
        controller.abort();
      })
    : () => undefined;
  try {
    const report = await runDoctor(agentId, command.write, {
      probe,
      now: Date.now,
      sleep,
      signal: controller.signal,
      say: (line) => io.stderr(`${inertForLog(line)}\n`),
      scanTimeoutMs: 180_000,
      pollMs: { first: 250, max: 2_000 },
    });
    io.stdout(command.json ? `${stringifyRedacted(reportToJson(report), 2)}\n` : renderDoctorReport(report));
    return exitCodeOf(report);
  } catch (error) {
    if (error instanceof DoctorError || error instanceof ProbeNetworkError) {
      io.stderr(`atoms-metrics: ${inertForLog(error.message)}\n`);
      return 1;
    }
    throw error;
  } finally {
    release();
  }
}

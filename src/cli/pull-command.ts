/** `atoms-metrics pull <agentId…>`: metrics files from live config. */
import { resolve } from 'node:path';
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { pullAgents } from '../pull/pull.js';
import { formatDiagnosticLine } from '../report/format-diagnostics.js';
import { inertForLog } from '../report/inert.js';
import type { VersioningChoice } from '../versioning/model.js';
import type { CliIo } from './io.js';
import type { FleetLimits } from './limits.js';
import { requireApiKey } from './load-targets.js';

const VERB = { created: 'written', updated: 'updated in place', unchanged: 'already matches live' } as const;

/** Exit 1 when an agent failed, or when a file was written that validate will refuse (said here, not at the next plan). */
export async function runPullCommand(
  command: {
    agentIds: string[];
    outDir: string;
    format: 'yaml' | 'json';
    formatRequired: boolean;
    apiUrl: string;
    overwrite: boolean;
    versioning: VersioningChoice;
  } & FleetLimits,
  io: CliIo,
): Promise<number> {
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: command.maxRequestsPerSecond }),
  });
  const results = await pullAgents({
    api,
    agentIds: command.agentIds,
    outDir: resolve(io.cwd, command.outDir),
    format: command.format,
    formatRequired: command.formatRequired,
    overwrite: command.overwrite,
    concurrency: command.concurrency,
    cwd: io.cwd,
    versioning: command.versioning,
  });
  for (const r of results) {
    if (!r.file) {
      io.stderr(inertForLog(`${r.agentId}: ${r.error ?? 'failed'}\n`));
      continue;
    }
    io.stdout(inertForLog(`${r.agentId} → ${r.file} (${VERB[r.action ?? 'created']})\n`));
    if (r.sharedWith)
      io.stderr(
        inertForLog(
          `${r.file} also targets ${r.sharedWith.join(', ')}: their next plan compares with these metrics too.\n`,
        ),
      );
    if (r.problems && r.problems.length > 0) {
      io.stderr(
        inertForLog(
          `${r.file} was written, but validate will refuse it — fix it (or the metric in the dashboard) before planning:\n`,
        ),
      );
      for (const problem of r.problems) io.stderr(`${formatDiagnosticLine(problem)}\n`);
    }
  }
  return results.some((r) => r.error !== undefined || (r.problems?.length ?? 0) > 0) ? 1 : 0;
}

/** `atoms-metrics drift`: does live still match the files? Exit 1 on any difference. Never writes to Atoms. */
import { AtomsClient } from '../atoms/client.js';
import { detectDrift } from '../drift/detect.js';
import { renderDriftTerminal } from '../drift/render.js';
import { driftToJson } from '../drift/report.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { planTargets } from '../plan/run-plan.js';
import type { VersioningChoice } from '../versioning/model.js';
import type { CliIo } from './io.js';
import type { FleetLimits } from './limits.js';
import { loadTargets, requireApiKey } from './load-targets.js';

export async function runDriftCommand(
  command: {
    patterns: string[];
    format: 'text' | 'json';
    apiUrl: string;
    disabledRules: string[];
    versioning: VersioningChoice;
  } & FleetLimits,
  io: CliIo,
): Promise<number> {
  const loaded = await loadTargets(command.patterns, { disabledRules: command.disabledRules, strict: false }, io);
  if (loaded.exitCode !== 0) return loaded.exitCode;
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: command.maxRequestsPerSecond }),
  });
  const report = await detectDrift({
    targets: planTargets(loaded.files),
    diagnostics: loaded.diagnostics,
    files: loaded.paths,
    api,
    versioning: command.versioning,
    concurrency: command.concurrency,
  });
  io.stdout(
    command.format === 'json' ? `${JSON.stringify(driftToJson(report), null, 2)}\n` : renderDriftTerminal(report),
  );
  return report.drifted || report.unreadable > 0 ? 1 : 0;
}

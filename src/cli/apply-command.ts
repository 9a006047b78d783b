/** `atoms-metrics apply`: publish, wait for the security check, activate, verify — for every agent whose file differs. */
import { applyAll } from '../apply/apply-all.js';
import type { ApplyResult } from '../apply/types.js';
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { planTargets } from '../plan/run-plan.js';
import { inertForLog } from '../report/inert.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';
import { loadTargets, printDiagnostics, requireApiKey } from './load-targets.js';
import { redactDeep } from '../report/secrets.js';

export async function runApplyCommand(
  command: { patterns: string[]; apiUrl: string; agentId: string; securityCheckTimeoutMs: number; format: 'text' | 'json'; disabledRules: string[]; strict: boolean; allowBreaking: boolean },
  io: CliIo,
  options: { sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<number> {
  const loaded = await loadTargets(command.patterns, { disabledRules: command.disabledRules, strict: command.strict }, io);
  printDiagnostics(loaded.diagnostics, io);
  if (loaded.exitCode !== 0) {
    io.stderr(`Metrics files are invalid${command.strict ? ' (lint warnings count as errors under --strict)' : ''}; nothing was applied.\n`);
    return loaded.exitCode;
  }
  if (command.agentId !== '' && loaded.paths.length !== 1) throw new UsageError(`--agent-id needs exactly one metrics file, got ${loaded.paths.length}`);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const api = new AtomsClient({ apiKey: requireApiKey(io), baseUrl: command.apiUrl, limiter: createRateLimiter({ requestsPerSecond: 8 }), sleep, now });
  const results = await applyAll(
    planTargets(loaded.files, command.agentId).map((t) => ({ ...t, commitSha: 'local', label: `atoms-metrics apply ${t.file}`.slice(0, 200), description: `Applied by atoms-metrics (CLI) from ${t.file}` })),
    { api, sleep, now, log: (line) => io.stderr(`${inertForLog(line)}\n`), securityCheckTimeoutMs: command.securityCheckTimeoutMs, onLiveChanged: 'apply', refuseBreaking: !command.allowBreaking, concurrency: 8 },
  );
  if (command.format === 'json') io.stdout(`${JSON.stringify(redactDeep(results), null, 2)}\n`);
  else io.stdout(formatResults(results));
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

export function formatResults(results: readonly ApplyResult[]): string {
  return results
    .map((r) => {
      const what = r.status === 'failed' ? `failed: ${r.error ?? ''}` : r.status === 'unchanged' ? 'no changes' : `${r.status}: version ${r.versionNumber ?? '?'} (${r.versionId ?? '?'}) is active`;
      return `${r.agentId} (${r.file}): ${inertForLog(what)}\n`;
    })
    .join('');
}

/** `atoms-metrics apply`: publish each changed agent's metrics and see them live (v2 branch model or v1), verified. */
import { resolve } from 'node:path';
import { applyAll } from '../apply/apply-all.js';
import { abortOnTermination, cancellableSleep } from '../apply/cancel.js';
import type { ApplyResult } from '../versioning/apply-types.js';
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { planTargets } from '../plan/run-plan.js';
import { inertForLog } from '../report/inert.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';
import type { VersioningChoice } from '../versioning/model.js';
import type { FleetLimits } from './limits.js';
import { loadTargets, printDiagnostics, requireApiKey } from './load-targets.js';
import { stringifyRedacted } from '../report/secrets.js';

export async function runApplyCommand(
  command: {
    patterns: string[];
    apiUrl: string;
    agentId: string;
    securityCheckTimeoutMs: number;
    format: 'text' | 'json';
    disabledRules: string[];
    strict: boolean;
    allowBreaking: boolean;
    versioning: VersioningChoice;
  } & FleetLimits,
  io: CliIo,
  options: { sleep?: (ms: number) => Promise<void>; now?: () => number } = {},
): Promise<number> {
  const loaded = await loadTargets(
    command.patterns,
    { disabledRules: command.disabledRules, strict: command.strict },
    io,
  );
  printDiagnostics(loaded.diagnostics, io);
  if (loaded.exitCode !== 0) {
    io.stderr(
      `Metrics files are invalid${command.strict ? ' (lint warnings count as errors under --strict)' : ''}; nothing was applied.\n`,
    );
    return loaded.exitCode;
  }
  if (command.agentId !== '' && loaded.paths.length !== 1)
    throw new UsageError(`--agent-id needs exactly one metrics file, got ${loaded.paths.length}`);
  const cancel = new AbortController();
  const sleep = options.sleep ?? cancellableSleep(cancel.signal);
  const now = options.now ?? Date.now;
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: command.maxRequestsPerSecond }),
    sleep,
    now,
    signal: cancel.signal,
  });
  const stopListening = abortOnTermination(cancel, (name) =>
    io.stderr(
      `${name}: no new request starts; what is half-done stays for the next run, which recognises it as its own (press Ctrl+C again to stop at once).\n`,
    ),
  );
  const results = await applyAll(
    planTargets(loaded.files, command.agentId).map((t) => ({
      ...t,
      commitSha: 'local',
      label: `atoms-metrics apply ${t.file}`.slice(0, 200),
      description: `Applied by atoms-metrics (CLI) from ${t.file}`,
      // Only when an open draft must be judged: git and the parser load on that path alone.
      earlierContents: async () =>
        (await import('../config/file-history.js')).readEarlierContents(resolve(io.cwd, t.file)),
    })),
    {
      api,
      sleep,
      now,
      log: (line) => io.stderr(`${inertForLog(line)}\n`),
      securityCheckTimeoutMs: command.securityCheckTimeoutMs,
      onLiveChanged: 'apply',
      refuseBreaking: !command.allowBreaking,
      concurrency: command.concurrency,
      versioning: command.versioning,
      signal: cancel.signal,
    },
  ).finally(stopListening);
  if (command.format === 'json') io.stdout(`${stringifyRedacted(results, 2)}\n`);
  else io.stdout(formatResults(results));
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}

export function formatResults(results: readonly ApplyResult[]): string {
  return results
    .map((r) => {
      const live =
        r.model === 'v2'
          ? `v2 revision ${r.versionNumber ?? '?'} (${r.versionId ?? '?'}) is live`
          : `version ${r.versionNumber ?? '?'} (${r.versionId ?? '?'}) is active`;
      const what =
        r.status === 'failed'
          ? `failed: ${r.error ?? ''}`
          : r.status === 'unchanged'
            ? 'no changes'
            : `${r.status}: ${live}`;
      return `${r.agentId} (${r.file}): ${inertForLog(what)}\n`;
    })
    .join('');
}

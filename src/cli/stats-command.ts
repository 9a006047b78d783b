/** `atoms-metrics stats`: what each agent's live metrics produced on recent calls, as a table or JSON. Never writes to Atoms. */
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { addPlanInsights } from '../insights/plan-insights.js';
import { renderStatsTerminal, statsToJson } from '../insights/render-terminal.js';
import { buildPlan, planTargets } from '../plan/run-plan.js';
import type { CliIo } from './io.js';
import { loadTargets, printDiagnostics, requireApiKey } from './load-targets.js';
import type { StatsCommand } from './stats-args.js';

export async function runStatsCommand(command: StatsCommand, io: CliIo, now: () => number = Date.now): Promise<number> {
  const loaded = await loadTargets(command.patterns, { disabledRules: command.disabledRules, strict: false }, io);
  printDiagnostics(loaded.diagnostics, io);
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: command.maxRequestsPerSecond }),
  });
  // The plan's live read gives each agent's live version and metrics; the diff itself is not shown.
  const plan = await buildPlan({
    targets: planTargets(loaded.files),
    diagnostics: [],
    files: loaded.paths,
    api,
    versioning: command.versioning,
    concurrency: command.concurrency,
  });
  const window = { maxCalls: command.calls, days: command.days };
  const { agents } = await addPlanInsights(plan, { api, window, now: now(), concurrency: command.concurrency });
  io.stdout(
    command.format === 'json'
      ? `${JSON.stringify(statsToJson(agents, window), null, 2)}\n`
      : renderStatsTerminal(agents, window),
  );
  const failed = agents.some((a) => a.status === 'error' || a.insightsWarning !== undefined);
  return loaded.exitCode !== 0 ? loaded.exitCode : failed ? 1 : 0;
}

/** `atoms-metrics plan`: the pull-request diff, for a terminal (or as markdown/JSON). Never writes to Atoms. */
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { applyBreakingGate } from '../plan/gate.js';
import { planToJson } from '../plan/plan-json.js';
import { renderPlanMarkdown } from '../plan/render-markdown.js';
import { renderPlanTerminal } from '../plan/render-terminal.js';
import { buildPlan, planTargets } from '../plan/run-plan.js';
import { planHeader } from '../plan/header.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';
import type { VersioningChoice } from '../versioning/model.js';
import type { FleetLimits } from './limits.js';
import { loadTargets, requireApiKey } from './load-targets.js';
import { stringifyRedacted } from '../report/secrets.js';

export async function runPlanCommand(
  command: {
    patterns: string[];
    format: 'text' | 'markdown' | 'json';
    apiUrl: string;
    color: boolean | undefined;
    agentId: string;
    disabledRules: string[];
    strict: boolean;
    versioning: VersioningChoice;
  } & FleetLimits,
  io: CliIo,
): Promise<number> {
  const loaded = await loadTargets(
    command.patterns,
    { disabledRules: command.disabledRules, strict: command.strict },
    io,
  );
  if (command.agentId !== '' && loaded.paths.length !== 1)
    throw new UsageError(`--agent-id needs exactly one metrics file, got ${loaded.paths.length}`);
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: command.maxRequestsPerSecond }),
  });
  const built = await buildPlan({
    targets: planTargets(loaded.files, command.agentId),
    diagnostics: loaded.diagnostics,
    files: loaded.paths,
    api,
    versioning: command.versioning,
    concurrency: command.concurrency,
  });
  const { plan, gate } = applyBreakingGate(built, { allowBreaking: false, breakingLabel: '', labels: [] });
  if (command.format === 'json') io.stdout(`${stringifyRedacted(planToJson(plan), 2)}\n`);
  else if (command.format === 'markdown') {
    io.stdout(
      renderPlanMarkdown(plan, {
        maxChars: 65_000,
        scope: { workflow: 'cli', job: 'plan' },
        header: planHeader(plan, 'cli'),
        gate,
        breakingLabel: 'allow-breaking-metrics',
        actionVersion: 'cli',
      }),
    );
  } else io.stdout(renderPlanTerminal(plan, { color: command.color ?? io.isTTY }));
  return loaded.exitCode !== 0 ? loaded.exitCode : plan.agents.some((a) => a.status === 'error') ? 1 : 0;
}

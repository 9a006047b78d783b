/** `atoms-metrics rollback`: previews every change of going back; with --yes publishes the target's metrics (default) or restores the whole target. */
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { diffConfigs } from '../plan/diff.js';
import { renderPlanTerminal } from '../plan/render-terminal.js';
import { inertForLog } from '../report/inert.js';
import { describeScope, explainChecks, explainOtherSections, explainRepository } from '../rollback/explain.js';
import { nameVersion, type RollbackResult, type VersioningChoice } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { agentIdsOf } from './agent-target.js';
import type { CliIo } from './io.js';
import { requireApiKey } from './load-targets.js';

export interface RollbackCommand {
  target: string;
  apiUrl: string;
  to?: number;
  execute: boolean;
  format: 'text' | 'json';
  versioning: VersioningChoice;
  securityCheckTimeoutMs: number;
  wholeRevision: boolean;
  allowInvalid: boolean;
  allowBreaking: boolean;
}

function verdictOf(result: RollbackResult): string {
  const now = () => nameVersion(result.model, result.liveNumber ?? null, result.liveId ?? null);
  switch (result.status) {
    case 'planned':
      return result.refusal
        ? 'Nothing was changed; as it stands, --yes would be refused (see above).'
        : 'Nothing was changed; run again with --yes to do it.';
    case 'rolled-back':
      return `Rolled back: ${now()} is live${result.scope === 'metrics' ? ` (the metrics of ${result.to?.name ?? 'the target'}; every other section as live had it)` : ''}.`;
    case 'unchanged':
      return `Nothing to publish: live already holds the metrics of ${result.to?.name ?? 'the target'}. Other sections were left as they are.`;
    case 'refused':
      return `Rollback refused: ${inertForLog(result.message ?? '')}`;
    case 'failed':
      return `Rollback failed: ${inertForLog(result.message ?? '')}`;
  }
}

/** The rollback as a plan (live → target, with the same renderer as `plan`), then every other section, the checks and the outcome. */
export function renderRollback(result: RollbackResult, color: boolean): string {
  if (!result.from || !result.to)
    return `${result.agentId}: rollback ${result.status === 'refused' ? 'refused' : 'not possible'}: ${inertForLog(result.message ?? 'no target')}\n`;
  const diff = diffConfigs(result.from.config, result.to.config);
  // Unchanged metrics are not "no changes": other sections may still differ, so the plan's wording is not used.
  const plan = diff.hasChanges
    ? renderPlanTerminal(
        {
          agents: [
            {
              agentId: result.agentId,
              file: `rollback to ${result.to.name}`,
              status: 'changed',
              liveVersionId: result.from.id,
              liveLabel: result.from.name,
              desiredHash: '',
              diff,
            },
          ],
          diagnostics: [],
          files: [],
        },
        { color },
      )
    : `${inertForLog(result.agentId)} (rollback to ${inertForLog(result.to.name)}): live ${inertForLog(result.from.name)}\nMetrics: no change (live already holds the target's metrics).\n`;
  const lines = [
    ...explainOtherSections(result, { wholeFlag: '--whole-revision' }),
    describeScope(result),
    ...explainChecks(result, { listBreaking: false }),
    verdictOf(result),
  ];
  const after = explainRepository(result);
  if (after) lines.push(after.replace(/`/g, ''));
  return `${plan}${lines.map((line) => inertForLog(line)).join('\n')}\n`;
}

export async function runRollbackCommand(command: RollbackCommand, io: CliIo): Promise<number> {
  const agentIds = await agentIdsOf(command.target, io);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: 8 }),
  });
  const models = createModelResolver(api, command.versioning);
  const deps = {
    api,
    sleep,
    now: Date.now,
    log: (line: string) => io.stderr(`${inertForLog(line)}\n`),
    securityCheckTimeoutMs: command.securityCheckTimeoutMs,
    onLiveChanged: 'fail' as const,
  };
  const request = {
    to: command.to,
    execute: command.execute,
    scope: command.wholeRevision ? ('whole' as const) : ('metrics' as const),
    allowInvalid: command.allowInvalid,
    allowBreaking: command.allowBreaking,
    overrideNames: { allowInvalid: '--allow-invalid', allowBreaking: '--allow-breaking' },
  };
  const results: RollbackResult[] = [];
  for (const agentId of agentIds)
    results.push(await (await models.forAgent(agentId)).rollback({ agentId, ...request }, deps));
  if (command.format === 'json') {
    io.stdout(
      `${JSON.stringify(
        results.map(({ from, to, ...rest }) => ({
          ...rest,
          from: from && { id: from.id, number: from.number },
          to: to && { id: to.id, number: to.number },
          diff: from && to ? diffConfigs(from.config, to.config) : null,
        })),
        null,
        2,
      )}\n`,
    );
  } else io.stdout(results.map((r) => renderRollback(r, io.isTTY)).join('\n'));
  for (const r of results)
    for (const warning of r.warnings ?? []) if (r.status !== 'planned') io.stderr(`warning: ${inertForLog(warning)}\n`);
  return results.every((r) => r.status === 'planned' || r.status === 'rolled-back' || r.status === 'unchanged') ? 0 : 1;
}

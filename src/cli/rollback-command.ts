/** `atoms-metrics rollback`: shows the plan of going back; with --yes makes the earlier version or revision live. */
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { diffConfigs } from '../plan/diff.js';
import { renderPlanTerminal } from '../plan/render-terminal.js';
import { inertForLog } from '../report/inert.js';
import { nameVersion, type RollbackResult, type VersioningChoice } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { agentIdsOf } from './agent-target.js';
import type { CliIo } from './io.js';
import { requireApiKey } from './load-targets.js';

/** The rollback as a plan: live → target, with the same renderer as `plan`. */
export function renderRollback(result: RollbackResult, color: boolean): string {
  if (!result.from || !result.to) return `${result.agentId}: rollback refused: ${inertForLog(result.message ?? 'no target')}\n`;
  const diff = diffConfigs(result.from.config, result.to.config);
  const plan = renderPlanTerminal(
    { agents: [{ agentId: result.agentId, file: `rollback to ${nameVersion(result.model, result.to.number, result.to.id)}`, status: diff.hasChanges ? 'changed' : 'unchanged', liveVersionId: result.from.id, liveLabel: nameVersion(result.model, result.from.number, result.from.id), desiredHash: '', diff }], diagnostics: [], files: [] },
    { color },
  );
  const verdict =
    result.status === 'planned'
      ? 'Nothing was changed; run again with --yes to do it.'
      : result.status === 'rolled-back'
        ? `Rolled back: ${nameVersion(result.model, result.liveNumber ?? null, result.liveId ?? null)} is live.`
        : `Rollback failed: ${inertForLog(result.message ?? '')}`;
  return `${plan}${verdict}\n`;
}

export async function runRollbackCommand(command: { target: string; apiUrl: string; to?: number; execute: boolean; format: 'text' | 'json'; versioning: VersioningChoice; securityCheckTimeoutMs: number }, io: CliIo): Promise<number> {
  const agentIds = await agentIdsOf(command.target, io);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const api = new AtomsClient({ apiKey: requireApiKey(io), baseUrl: command.apiUrl, limiter: createRateLimiter({ requestsPerSecond: 8 }) });
  const models = createModelResolver(api, command.versioning);
  const deps = { api, sleep, now: Date.now, log: (line: string) => io.stderr(`${inertForLog(line)}\n`), securityCheckTimeoutMs: command.securityCheckTimeoutMs, onLiveChanged: 'fail' as const };
  const results: RollbackResult[] = [];
  for (const agentId of agentIds) results.push(await (await models.forAgent(agentId)).rollback({ agentId, to: command.to, execute: command.execute }, deps));
  if (command.format === 'json') {
    io.stdout(`${JSON.stringify(results.map(({ from, to, ...rest }) => ({ ...rest, from: from && { id: from.id, number: from.number }, to: to && { id: to.id, number: to.number }, diff: from && to ? diffConfigs(from.config, to.config) : null })), null, 2)}\n`);
  } else io.stdout(results.map((r) => renderRollback(r, io.isTTY)).join('\n'));
  return results.every((r) => r.status === 'planned' || r.status === 'rolled-back') ? 0 : 1;
}

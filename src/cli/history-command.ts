/** `atoms-metrics history`: what an agent published, newest first, and which is live — in its model's numbers. */
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { inertForLog } from '../report/inert.js';
import type { AgentHistory, VersioningChoice } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { agentIdsOf } from './agent-target.js';
import type { CliIo } from './io.js';
import { requireApiKey } from './load-targets.js';

export function renderHistory(history: AgentHistory): string {
  const noun = history.model === 'v1' ? 'version' : 'revision';
  const title = `${history.agentId}: ${history.model} ${noun}s${history.branch ? ` of live branch ${history.branch}` : ''}, newest first`;
  const rows = history.entries.map((e) => {
    const scan = e.scan === null ? 'no scan' : `scan ${e.scan}${e.scanReason ? ` (${e.scanReason})` : ''}`;
    const restored = e.restoredFrom ? `, restored from ${e.restoredFrom}` : '';
    return `${e.live ? '*' : ' '} ${String(e.number ?? '?').padStart(4)}  ${e.id}  ${e.at ?? '(no date)'}  ${e.by ?? '-'}  ${scan}${restored}  ${e.label ? JSON.stringify(e.label) : ''}`;
  });
  return `${inertForLog(title)}\n${rows.map((row) => inertForLog(row)).join('\n') || '  (none)'}\n${history.entries.some((e) => e.live) ? `  * = live\n` : ''}`;
}

export async function runHistoryCommand(
  command: { target: string; apiUrl: string; limit: number; format: 'text' | 'json'; versioning: VersioningChoice },
  io: CliIo,
): Promise<number> {
  const agentIds = await agentIdsOf(command.target, io);
  const api = new AtomsClient({
    apiKey: requireApiKey(io),
    baseUrl: command.apiUrl,
    limiter: createRateLimiter({ requestsPerSecond: 8 }),
  });
  const models = createModelResolver(api, command.versioning);
  const histories: AgentHistory[] = [];
  for (const agentId of agentIds)
    histories.push(await (await models.forAgent(agentId)).history(agentId, command.limit));
  io.stdout(
    command.format === 'json'
      ? `${JSON.stringify(histories.length === 1 ? histories[0] : histories, null, 2)}\n`
      : histories.map(renderHistory).join('\n'),
  );
  return 0;
}

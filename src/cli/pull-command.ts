/** `atoms-metrics pull <agentId…>`: metrics files from live config. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { pullAgents } from '../pull/pull.js';
import type { CliIo } from './io.js';
import type { VersioningChoice } from '../versioning/model.js';
import { requireApiKey } from './load-targets.js';

export async function runPullCommand(command: { agentIds: string[]; outDir: string; format: 'yaml' | 'json'; apiUrl: string; overwrite: boolean; versioning: VersioningChoice }, io: CliIo): Promise<number> {
  const api = new AtomsClient({ apiKey: requireApiKey(io), baseUrl: command.apiUrl, limiter: createRateLimiter({ requestsPerSecond: 8 }) });
  // The schema in this repository (a clone of ours keeps it at schema/), else the installed package's copy.
  const schemaPath = [join(io.cwd, 'schema', 'metrics.schema.json'), join(io.cwd, 'node_modules', 'atoms-metrics', 'schema', 'metrics.schema.json')].find((path) => existsSync(path));
  const results = await pullAgents({ api, agentIds: command.agentIds, outDir: resolve(io.cwd, command.outDir), format: command.format, overwrite: command.overwrite, concurrency: 8, schemaPath, versioning: command.versioning });
  for (const r of results) {
    if (r.file) io.stdout(`${r.agentId} → ${r.file}\n`);
    else io.stderr(`${r.agentId}: ${r.error ?? 'failed'}\n`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}

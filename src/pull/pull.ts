/** Writes one metrics file per agent from its live active config (adopting dashboard-made metrics in one command). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AtomsApi } from '../atoms/types.js';
import { mapBounded } from '../fleet/concurrency.js';
import type { VersioningChoice } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { describeFsError, errnoCode } from '../report/fs-error.js';
import { fileNameFor, renderMetricsFile } from './render-file.js';

export interface PullResult {
  agentId: string;
  file?: string;
  error?: string;
}

/** `schemaPath`: where the JSON Schema is on disk, if anywhere; each file then points at it relatively. */
export async function pullAgents(options: { api: AtomsApi; agentIds: readonly string[]; outDir: string; format: 'yaml' | 'json'; overwrite: boolean; concurrency: number; schemaPath?: string; versioning?: VersioningChoice }): Promise<PullResult[]> {
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    return options.agentIds.map((agentId) => ({ agentId, error: `cannot create the directory ${options.outDir}: ${describeFsError(error)}` }));
  }
  const models = createModelResolver(options.api, options.versioning ?? 'auto');
  const agents = await mapBounded(options.agentIds, options.concurrency, async (agentId) => {
    const live = await (await models.forAgent(agentId)).readLive(agentId);
    // The name only names the file; v2 answers GET /agent too, and a failure there must not lose the pull.
    const name = await options.api.getAgent(agentId).then((agent) => agent.name, () => '');
    return { name, config: live.config, liveLabel: live.label };
  });
  const schemaRef = options.schemaPath ? relative(options.outDir, options.schemaPath).split(sep).join('/') : undefined;
  const taken = new Set<string>();
  const results: PullResult[] = [];
  for (const [index, outcome] of agents.entries()) {
    const agentId = options.agentIds[index] ?? '';
    if (!outcome.ok) {
      results.push({ agentId, error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
      continue;
    }
    const name = fileNameFor(agentId, outcome.value.name, options.format, taken);
    taken.add(name);
    const path = join(options.outDir, name);
    const text = renderMetricsFile(agentId, outcome.value.config, options.format, { name: outcome.value.name, versionId: outcome.value.liveLabel, schemaRef });
    try {
      await writeFile(path, text, { flag: options.overwrite ? 'w' : 'wx' });
      results.push({ agentId, file: path });
    } catch (error) {
      results.push({ agentId, error: errnoCode(error) === 'EEXIST' ? `${path} exists; use --force to overwrite it` : `cannot write ${path}: ${describeFsError(error)}` });
    }
  }
  return results;
}

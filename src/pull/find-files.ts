/** Which metrics files under a directory already hold which agents, so pull updates a file instead of writing a second one. */
import { readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { globFiles } from '../config/glob.js';
import { parseJson } from '../config/parse-json.js';
import { parseYaml } from '../config/parse-yaml.js';
import { detectFormat } from '../config/validate-source.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The agent ids a metrics file's text names (`agentId` or `agentIds`); none when it does not parse. Pure. */
export function agentIdsOf(path: string, text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const { value } = detectFormat(path, body) === 'json' ? parseJson(body) : parseYaml(body);
  if (!isRecord(value)) return [];
  if (typeof value.agentId === 'string') return [value.agentId];
  return Array.isArray(value.agentIds) ? value.agentIds.filter((id): id is string => typeof id === 'string') : [];
}

/** Agent id → the files (absolute paths) under `dir` that name it, wherever they were moved below it. */
export async function findAgentFiles(dir: string, workspace: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const root = await realpath(workspace).catch(() => workspace);
  const { files } = await globFiles('**/*.{json,yaml,yml}', dir, root).catch(() => ({ files: [] }));
  for (const file of files) {
    const text = await readFile(join(file), 'utf8').catch(() => '');
    for (const id of agentIdsOf(file, text)) out.set(id, [...(out.get(id) ?? []), file]);
  }
  return out;
}

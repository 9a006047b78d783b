/** Writes one metrics file per agent from its live active config (adopting dashboard-made metrics in one command). */
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { AtomsApi } from '../atoms/types.js';
import { configsEqual } from '../config/canonical.js';
import { normalizeConfig } from '../config/normalize.js';
import type { Diagnostic, PostCallAnalyticsConfig } from '../config/types.js';
import { detectFormat } from '../config/validate-source.js';
import { validateText } from '../config/validate-text.js';
import { mapBounded } from '../fleet/concurrency.js';
import type { VersioningChoice } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { describeFsError, errnoCode } from '../report/fs-error.js';
import { redactDeep } from '../report/secrets.js';
import { findAgentFiles } from './find-files.js';
import { fileNameFor, renderMetricsFile } from './render-file.js';
import { updateJsonFile, updateYamlFile } from './update-file.js';

export interface PullResult {
  agentId: string;
  /** Relative to the working directory. */
  file?: string;
  action?: 'created' | 'updated' | 'unchanged';
  /** What `validate` will say about the file (a live identifier that breaks our rule, say): said now, not at the next plan. */
  problems?: Diagnostic[];
  /** Other agents the updated file targets too (`agentIds`): their next plan compares with these metrics. */
  sharedWith?: string[];
  error?: string;
}

export interface PullOptions {
  api: AtomsApi;
  agentIds: readonly string[];
  outDir: string;
  /** The format of new files. */
  format: 'yaml' | 'json';
  /** The format was asked for (`--format`): a file already holding the agent in the other format is refused, not silently kept. */
  formatRequired?: boolean;
  overwrite: boolean;
  concurrency: number;
  /** The working directory: paths are shown relative to it, and files are looked for only inside it. */
  cwd: string;
  versioning?: VersioningChoice;
}

/** What validate reports about the text, plus a check that it reads back as the live config. */
function checkWritten(path: string, text: string, config: PostCallAnalyticsConfig): Diagnostic[] {
  const result = validateText(path, text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0 && !(result.file && configsEqual(result.file.config, config))) {
    return [
      {
        file: path,
        line: 1,
        column: 1,
        severity: 'error',
        message: 'the file does not read back as the live config',
        rule: 'pull-round-trip',
      },
    ];
  }
  return errors;
}

export async function pullAgents(options: PullOptions): Promise<PullResult[]> {
  const show = (path: string) => relative(options.cwd, path).split(sep).join('/');
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (error) {
    return options.agentIds.map((agentId) => ({
      agentId,
      error: `cannot create the directory ${show(options.outDir)}: ${describeFsError(error)}`,
    }));
  }
  const models = createModelResolver(options.api, options.versioning ?? 'auto');
  const agents = await mapBounded(options.agentIds, options.concurrency, async (agentId) => {
    const live = await (await models.forAgent(agentId)).readLive(agentId);
    // The name only names the file. v1's read brought it; on v2 it costs one GET /agent, whose failure must not lose the pull.
    const name =
      live.name ??
      (await options.api.getAgent(agentId).then(
        (agent) => agent.name,
        () => '',
      ));
    return { name, config: live.config, liveLabel: live.label };
  });
  const holders = await findAgentFiles(options.outDir, options.cwd);
  const taken = new Set(await readdir(options.outDir).catch(() => []));
  const results: PullResult[] = [];
  for (const [index, outcome] of agents.entries()) {
    const agentId = options.agentIds[index] ?? '';
    if (!outcome.ok) {
      results.push({ agentId, error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
      continue;
    }
    // A key the API echoed into a prompt must not be written into a file that gets committed.
    const config = normalizeConfig(redactDeep(outcome.value.config));
    const existing = holders.get(agentId) ?? [];
    if (existing.length > 1) {
      results.push({
        agentId,
        error: `is in ${existing.length} files (${existing.map(show).join(', ')}): keep one, then pull again`,
      });
      continue;
    }
    const [held] = existing;
    const name = held === undefined ? fileNameFor(agentId, outcome.value.name, options.format, taken) : '';
    taken.add(name);
    const path = held ?? join(options.outDir, name);
    try {
      if (held !== undefined) results.push(await updateHeldFile(held, agentId, config, options, show));
      else {
        const text = renderMetricsFile(agentId, config, options.format, {
          name: outcome.value.name,
          versionId: outcome.value.liveLabel,
        });
        await writeFile(path, text, { flag: options.overwrite ? 'w' : 'wx' });
        results.push({
          agentId,
          file: show(path),
          action: 'created',
          problems: checkWritten(show(path), text, config),
        });
      }
    } catch (error) {
      results.push({
        agentId,
        error:
          errnoCode(error) === 'EEXIST'
            ? `${show(path)} exists; use --force to overwrite it`
            : `cannot write ${show(path)}: ${describeFsError(error)}`,
      });
    }
  }
  return results;
}

/** Updates the file that already holds the agent, wherever it was moved; comments and other keys are kept. */
async function updateHeldFile(
  path: string,
  agentId: string,
  config: PostCallAnalyticsConfig,
  options: PullOptions,
  show: (path: string) => string,
): Promise<PullResult> {
  const text = await readFile(path, 'utf8');
  const format = detectFormat(path, text);
  if (options.formatRequired && format !== options.format) {
    return {
      agentId,
      error: `${show(path)} holds this agent in ${format.toUpperCase()}; pull updates a file in its own format and does not convert it to ${options.format.toUpperCase()}: convert it yourself, or pull without --format`,
    };
  }
  const updated = format === 'json' ? updateJsonFile(text, config) : updateYamlFile(text, config);
  if (updated === undefined)
    return {
      agentId,
      error: `${show(path)} holds this agent but cannot be updated (it does not parse as a mapping): fix or remove it, then pull again`,
    };
  const current = validateText(show(path), text).file;
  const others = current?.agentIds.filter((id) => id !== agentId) ?? [];
  const shared = others.length > 0 ? { sharedWith: others } : {};
  if (current && configsEqual(current.config, config))
    return { agentId, file: show(path), action: 'unchanged', ...shared };
  if (!options.overwrite)
    return {
      agentId,
      error: `${show(path)} holds this agent and differs from live; use --force to update it in place (its comments are kept)`,
    };
  await writeFile(path, updated);
  return {
    agentId,
    file: show(path),
    action: 'updated',
    problems: checkWritten(show(path), updated, config),
    ...shared,
  };
}

/** `atoms-metrics init`: the metrics directory, the workflow, and (with a key) the agents' current metrics. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { AtomsApi } from '../atoms/types.js';
import { pullAgents } from '../pull/pull.js';
import { describeFsError, errnoCode } from '../report/fs-error.js';
import { renderMetricsWorkflow } from './workflow-template.js';

export const WORKFLOW_PATH = '.github/workflows/metrics.yml';

/** One line of what init did; `ok: false` when something was left alone or failed. */
export interface InitStep {
  ok: boolean;
  message: string;
}

export interface InitOptions {
  cwd: string;
  /** The metrics directory, relative to `cwd`. */
  metricsDir: string;
  branch: string;
  force: boolean;
  format: 'yaml' | 'json';
  /** Agents to pull now; needs `api`. */
  agentIds: readonly string[];
  api?: AtomsApi;
}

/** Writes what is missing, overwriting only with `force`; the result says what happened to each file. */
export async function initProject(options: InitOptions): Promise<InitStep[]> {
  const steps: InitStep[] = [];
  const metricsDir = resolve(options.cwd, options.metricsDir);
  const shown = (path: string) => relative(options.cwd, path).split(sep).join('/') || '.';

  try {
    await mkdir(metricsDir, { recursive: true });
    steps.push({ ok: true, message: `directory ${shown(metricsDir)}/ ready` });
  } catch (error) {
    steps.push({ ok: false, message: `cannot create ${shown(metricsDir)}/: ${describeFsError(error)}` });
  }

  const workflowPath = join(options.cwd, WORKFLOW_PATH);
  const workflow = renderMetricsWorkflow({ metricsDir: shown(metricsDir), branch: options.branch });
  try {
    await mkdir(join(options.cwd, '.github', 'workflows'), { recursive: true });
    // 'wx' fails when the file exists, so an existing workflow is never replaced by a race or by mistake.
    await writeFile(workflowPath, workflow, { flag: options.force ? 'w' : 'wx' });
    steps.push({ ok: true, message: `wrote ${WORKFLOW_PATH}` });
  } catch (error) {
    steps.push({ ok: false, message: errnoCode(error) === 'EEXIST' ? `${WORKFLOW_PATH} exists; kept it (use --force to overwrite it)` : `cannot write ${WORKFLOW_PATH}: ${describeFsError(error)}` });
  }

  if (options.agentIds.length > 0 && options.api) {
    const pulled = await pullAgents({ api: options.api, agentIds: options.agentIds, outDir: metricsDir, format: options.format, overwrite: options.force, concurrency: 8, cwd: options.cwd });
    for (const result of pulled) {
      steps.push(result.file ? { ok: true, message: `pulled agent ${result.agentId} into ${result.file}` } : { ok: false, message: `agent ${result.agentId}: ${result.error ?? 'failed'}` });
    }
  }
  return steps;
}

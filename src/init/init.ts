/** `atoms-metrics init`: the metrics directory, the workflow, and (with a key) the agents' current metrics. */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { AtomsApi } from '../atoms/types.js';
import { pullAgents } from '../pull/pull.js';
import { describeFsError, errnoCode } from '../report/fs-error.js';
import { detectDefaultBranch, findRepositoryRoot } from './git-facts.js';
import { renderMetricsWorkflow } from './workflow-template.js';

export const WORKFLOW_PATH = '.github/workflows/metrics.yml';
/** The branch a workflow applies from when neither --branch nor git names one. */
export const FALLBACK_BRANCH = 'main';

/** One line of what init did; `ok: false` when something was left alone or failed. */
export interface InitStep {
  ok: boolean;
  message: string;
}

export interface InitOptions {
  cwd: string;
  /** The metrics directory, relative to `cwd`. */
  metricsDir: string;
  /** The branch to apply from; detected from git when undefined. */
  branch: string | undefined;
  force: boolean;
  format: 'yaml' | 'json';
  /** Agents to pull now; needs `api`. */
  agentIds: readonly string[];
  api?: AtomsApi;
}

/** Where init writes: GitHub reads workflows only at the repository's root, whichever directory init runs in. */
interface Layout {
  root: string;
  /** `path` relative to `cwd`, `/`-separated, for messages. */
  shown: (path: string) => string;
  /** `path` relative to the root, `/`-separated, for the workflow. */
  fromRoot: (path: string) => string;
}

function planLayout(cwd: string): { layout: Layout; steps: InitStep[] } {
  const here = realpathSync(cwd);
  const found = findRepositoryRoot(here);
  const root = found === undefined ? here : realpathSync(found);
  const posix = (from: string, path: string) => relative(from, path).split(sep).join('/') || '.';
  const steps: InitStep[] = [];
  if (found === undefined)
    steps.push({
      ok: true,
      message: 'not in a git repository: this directory is taken as its root (run `git init` here)',
    });
  else if (root !== here)
    steps.push({
      ok: true,
      message: `the repository's root is ${posix(here, root)} (${root}): the workflow goes there, since GitHub reads workflows only from the root`,
    });
  return { layout: { root, shown: (path) => posix(here, path), fromRoot: (path) => posix(root, path) }, steps };
}

function chooseBranch(root: string, explicit: string | undefined): { branch: string; step?: InitStep } {
  if (explicit !== undefined) return { branch: explicit };
  const detected = detectDefaultBranch(root);
  if (detected === undefined)
    return {
      branch: FALLBACK_BRANCH,
      step: {
        ok: true,
        message: `no branch detected; the workflow applies from ${FALLBACK_BRANCH} (pass --branch to choose another)`,
      },
    };
  const why =
    detected.source === 'remote'
      ? "origin's default branch"
      : 'the branch checked out now; pass --branch if the default is another';
  return {
    branch: detected.branch,
    step: { ok: true, message: `the workflow applies from ${detected.branch} (${why})` },
  };
}

/** Writes the workflow unless one is there: an identical one is kept quietly, a different one only with `force`. */
async function writeWorkflow(path: string, workflow: string, force: boolean, shown: string): Promise<InitStep> {
  try {
    await mkdir(join(path, '..'), { recursive: true });
    // 'wx' fails when the file exists, so an existing workflow is never replaced by a race or by mistake.
    await writeFile(path, workflow, { flag: force ? 'w' : 'wx' });
    return { ok: true, message: `wrote ${shown}` };
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST')
      return { ok: false, message: `cannot write ${shown}: ${describeFsError(error)}` };
    let existing: string | undefined;
    try {
      existing = readFileSync(path, 'utf8');
    } catch {
      existing = undefined;
    }
    if (existing === workflow) return { ok: true, message: `${shown} is up to date` };
    return { ok: false, message: `${shown} exists and differs; kept it (use --force to overwrite it)` };
  }
}

/** Writes what is missing, overwriting only with `force`; the result says what happened to each file. */
export async function initProject(options: InitOptions): Promise<InitStep[]> {
  const { layout, steps } = planLayout(options.cwd);
  const metricsDir = resolve(realpathSync(options.cwd), options.metricsDir);

  try {
    await mkdir(metricsDir, { recursive: true });
    steps.push({ ok: true, message: `directory ${layout.shown(metricsDir)}/ ready` });
  } catch (error) {
    steps.push({ ok: false, message: `cannot create ${layout.shown(metricsDir)}/: ${describeFsError(error)}` });
  }

  const { branch, step } = chooseBranch(layout.root, options.branch);
  if (step) steps.push(step);
  const workflowPath = join(layout.root, WORKFLOW_PATH);
  steps.push(
    await writeWorkflow(
      workflowPath,
      renderMetricsWorkflow({ metricsDir: layout.fromRoot(metricsDir), branch }),
      options.force,
      layout.shown(workflowPath),
    ),
  );

  if (options.agentIds.length > 0 && options.api) {
    const pulled = await pullAgents({
      api: options.api,
      agentIds: options.agentIds,
      outDir: metricsDir,
      format: options.format,
      overwrite: options.force,
      concurrency: 8,
      cwd: options.cwd,
    });
    for (const result of pulled) {
      steps.push(
        result.file
          ? { ok: true, message: `pulled agent ${result.agentId} into ${result.file}` }
          : { ok: false, message: `agent ${result.agentId}: ${result.error ?? 'failed'}` },
      );
    }
  }
  steps.push(...(await keepEmptyDirectory(metricsDir, layout.shown(metricsDir))));
  return steps;
}

/** git keeps no empty directory: an empty metrics directory gets a .gitkeep, so it can be committed with the workflow. */
async function keepEmptyDirectory(dir: string, shown: string): Promise<InitStep[]> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  if (entries.length > 0) return [];
  try {
    await writeFile(join(dir, '.gitkeep'), '', { flag: 'wx' });
    return [{ ok: true, message: `wrote ${shown}/.gitkeep (git keeps no empty directory)` }];
  } catch (error) {
    return [{ ok: false, message: `cannot write ${shown}/.gitkeep: ${describeFsError(error)}` }];
  }
}

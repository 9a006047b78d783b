// Benchmark 1: the action's validate path on one small file against a bare `node -e 0`, and the CLI's validate and
// --version against the same baseline. Each round runs the baseline and then each command once; a command's figure is
// the median over 31 rounds of its time divided by that round's baseline (the "median of ratios"), so drift in the
// machine's speed falls on both alike. The commands run in a clean environment (PATH and HOME only, as
// `env -i PATH="$PATH" HOME="$HOME"` gives): variables such as NODE_EXTRA_CA_CERTS add tens of ms to every Node start
// and would measure the machine, not the tool. BENCH_NODE=/path/to/node measures another Node binary.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeRatiosInterleaved } from './lib.mjs';

/** The target for the action's validate path, as a multiple of `node -e 0` on Node 24. */
export const STARTUP_TARGET = 1.5;

export function benchStartup({ node = process.env.BENCH_NODE || process.execPath, runs = 31 } = {}) {
  const workspace = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  mkdirSync(join(workspace, 'metrics'));
  writeFileSync(
    join(workspace, 'metrics', 'agent.yaml'),
    'agentId: "65f1a2b3c4d5e6f708192a3b"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: call_resolved\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was the customer\'s issue resolved during the call?\n',
  );
  const clean = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? workspace };
  const env = {
    ...clean,
    INPUT_MODE: 'validate',
    INPUT_CONFIG: 'metrics/*.yaml',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(workspace, 'out'),
    GITHUB_STEP_SUMMARY: join(workspace, 'summary'),
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const { baselineMs, commands } = timeRatiosInterleaved(
    { command: node, args: ['-e', '0'], env: clean },
    [
      { command: node, args: [join(process.cwd(), 'dist/index.js')], env, cwd: workspace },
      {
        command: node,
        args: [join(process.cwd(), 'dist/cli.js'), 'validate', 'metrics/agent.yaml'],
        env: clean,
        cwd: workspace,
      },
      { command: node, args: [join(process.cwd(), 'dist/cli.js'), '--version'], env: clean },
    ],
    { runs },
  );
  const [action, cli, version] = commands;
  const row = (benchmark, { ms, ratio }, target) => ({
    benchmark,
    'median ms': ms.toFixed(1),
    'baseline ms': baselineMs.toFixed(1),
    ratio: `${ratio.toFixed(2)}×`,
    target,
    overhead: `+${(ms - baselineMs).toFixed(1)} ms`,
  });
  const which = process.env.BENCH_NODE ? ` (${node})` : ` (Node ${process.versions.node})`;
  return [
    row(
      `1. start-up: the action validates one small YAML file, vs node -e 0${which}`,
      action,
      `≤ ${STARTUP_TARGET}× on Node 24`,
    ),
    row('1b. start-up: atoms-metrics validate, same file, vs node -e 0', cli, '—'),
    row('1c. start-up: atoms-metrics --version vs node -e 0', version, '—'),
  ];
}

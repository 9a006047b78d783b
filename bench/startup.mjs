// Benchmark 1: the action's validate path on one small file vs a bare `node -e 0`, measured in the same run (the
// commands interleaved, 51 rounds, medians); and the CLI's validate on the same file against the action's (it must
// start no slower). Run it in a clean environment (`env -i PATH="$PATH" HOME="$HOME" npm run bench`): a CA-bundle
// variable adds ~30 ms to every Node start.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, timeCommandsInterleaved } from './lib.mjs';

export function benchStartup() {
  const workspace = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  mkdirSync(join(workspace, 'metrics'));
  writeFileSync(
    join(workspace, 'metrics', 'agent.yaml'),
    'agentId: "65f1a2b3c4d5e6f708192a3b"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: call_resolved\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was the customer\'s issue resolved during the call?\n',
  );
  const env = { ...process.env, INPUT_MODE: 'validate', INPUT_CONFIG: 'metrics/*.yaml', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: join(workspace, 'out'), GITHUB_STEP_SUMMARY: join(workspace, 'summary') };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const [bare, action, cli, version] = timeCommandsInterleaved([
    { command: process.execPath, args: ['-e', '0'] },
    { command: process.execPath, args: [join(process.cwd(), 'dist/index.js')], env, cwd: workspace },
    { command: process.execPath, args: [join(process.cwd(), 'dist/cli.js'), 'validate', 'metrics/agent.yaml'], cwd: workspace },
    { command: process.execPath, args: [join(process.cwd(), 'dist/cli.js'), '--version'] },
  ], { runs: 51 });
  return [
    { ...row('1. start-up: validate one small YAML file (action) vs node -e 0', action, bare, '≤ 1.6×'), overhead: `+${(action - bare).toFixed(1)} ms` },
    { ...row('1b. start-up: atoms-metrics validate, same file, vs the action', cli, action, '≤ 1.0×'), overhead: `${cli - action >= 0 ? '+' : ''}${(cli - action).toFixed(1)} ms` },
    { ...row('1c. start-up: atoms-metrics --version vs node -e 0', version, bare, '—'), overhead: `+${(version - bare).toFixed(1)} ms` },
  ];
}

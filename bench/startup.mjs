// Benchmark 1: the action's validate path on one small file vs a bare `node -e 0`, measured in the same run.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, timeCommand } from './lib.mjs';

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
  const bare = timeCommand(process.execPath, ['-e', '0']);
  const action = timeCommand(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, cwd: workspace });
  return row('1. start-up: validate one small file (action) vs node -e 0', action, bare, '≤ 1.3×');
}

// Benchmark 2: validate a 5,000-metric file, whole process (CLI), vs a bare `node -e 0` in the same run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, timeCommand } from './lib.mjs';

export function largeMetricsYaml(count) {
  const lines = ['agentId: "65f1a2b3c4d5e6f708192a3b"', 'postCallAnalyticsConfig:', '  dispositionMetrics:'];
  for (let i = 0; i < count; i++) {
    lines.push(`    - identifier: metric_${i}`);
    if (i % 4 === 0) {
      lines.push(
        '      dispositionMetricType: ENUM',
        `      dispositionMetricPrompt: What was the outcome of step ${i} of the call?`,
        '      choices: [resolved, escalated, callback_scheduled, no_action]',
      );
    } else {
      lines.push(
        '      dispositionMetricType: BOOLEAN',
        `      dispositionMetricPrompt: Did the agent complete step ${i} of the script during the call?`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

export function benchValidateLarge() {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  writeFileSync(join(dir, 'big.yaml'), largeMetricsYaml(5000));
  const bare = timeCommand(process.execPath, ['-e', '0'], { runs: 7 });
  // Warnings (too-many-metrics) are expected; the exit code is 0 either way.
  const cli = timeCommand(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'validate', 'big.yaml'], {
    cwd: dir,
    runs: 7,
    warmup: 1,
  });
  return row('2. validate a 5,000-metric YAML file (whole CLI process)', cli, bare, '≤ 500 ms absolute');
}

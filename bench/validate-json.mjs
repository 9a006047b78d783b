// Benchmarks 8 and 9: validating large JSON files, whole CLI process.
// 8: 20,000 invalid metrics (one schema error each) against the same file with every metric valid.
// 9: 5,000 valid metrics against a process that only JSON.parses the file and runs the same ajv validator.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, timeCommand } from './lib.mjs';

function metricsJson(count, type) {
  const metrics = Array.from({ length: count }, (_, i) => ({
    identifier: `metric_${i}`,
    dispositionMetricType: type,
    dispositionMetricPrompt: `Did the agent complete step ${i} of the script during the call?`,
  }));
  return JSON.stringify(
    { agentId: '65f1a2b3c4d5e6f708192a3b', postCallAnalyticsConfig: { dispositionMetrics: metrics } },
    null,
    2,
  );
}

export function benchValidateJson() {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  writeFileSync(join(dir, 'valid-20000.json'), metricsJson(20_000, 'BOOLEAN'));
  // NUMBER is not a type: one schema error (with a "did you mean INTEGER?") per metric.
  writeFileSync(join(dir, 'invalid-20000.json'), metricsJson(20_000, 'NUMBER'));
  writeFileSync(join(dir, 'valid-5000.json'), metricsJson(5_000, 'BOOLEAN'));
  const cli = (file) =>
    timeCommand(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'validate', file], {
      cwd: dir,
      runs: 7,
      warmup: 1,
    });
  const valid20k = cli('valid-20000.json');
  const invalid20k = cli('invalid-20000.json');
  const baseline5k = timeCommand(
    process.execPath,
    [join(process.cwd(), 'bench/json-parse-ajv.mjs'), join(dir, 'valid-5000.json')],
    { runs: 11, warmup: 1 },
  );
  const valid5k = cli('valid-5000.json');
  return [
    row(
      '8. validate 20,000 invalid metrics (CLI, JSON) vs the same file valid',
      invalid20k,
      valid20k,
      '< 1,200 ms absolute',
    ),
    row(
      '9. validate 5,000 metrics (CLI, JSON) vs JSON.parse + the same ajv validator (whole processes)',
      valid5k,
      baseline5k,
      '≤ 3×',
    ),
  ];
}

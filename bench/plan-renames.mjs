// Benchmark 7: plan one agent whose 20,000 metrics all changed identifier and prompt (whole CLI process, JSON file),
// against the same plan of an unchanged file in the same run. The live side is the emulator in its own process,
// so the timed process is only the CLI.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { row, timeCommand } from './lib.mjs';

const AGENT_ID = '65f1a2b3c4d5e6f708192a3b';

function metrics(count, identifier, prompt) {
  return Array.from({ length: count }, (_, i) => ({
    identifier: identifier(i),
    dispositionMetricType: 'BOOLEAN',
    dispositionMetricPrompt: prompt(i),
  }));
}

/** Starts `atoms-metrics emulator` on a free port; resolves with its URL, key and a stop function. */
function startEmulatorProcess(seedPath) {
  const child = spawn(
    process.execPath,
    [join(process.cwd(), 'dist/cli.js'), 'emulator', '--port', '0', '--seed', seedPath, '--security-check-ms', '0'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`emulator exited ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (\S+) \(API key: (\S+)\)/.exec(out);
      if (match) resolve({ url: match[1], apiKey: match[2], stop: () => child.kill() });
    });
  });
}

export async function benchPlanRenames(count = 20_000) {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  const live = metrics(
    count,
    (i) => `old_metric_${i}`,
    (i) => `Did the agent cover point ${i} of the script during the call?`,
  );
  writeFileSync(
    join(dir, 'seed.json'),
    JSON.stringify({
      agents: [
        { _id: AGENT_ID, versions: [{ isActive: true, postCallAnalyticsConfig: { dispositionMetrics: live } }] },
      ],
    }),
  );
  const file = (list) =>
    JSON.stringify({ agentId: AGENT_ID, postCallAnalyticsConfig: { dispositionMetrics: list } }, null, 2);
  writeFileSync(join(dir, 'unchanged.json'), file(live));
  writeFileSync(
    join(dir, 'renamed.json'),
    file(
      metrics(
        count,
        (i) => `new_metric_${i}`,
        (i) => `Did the agent cover item ${i} of the script in the call?`,
      ),
    ),
  );
  const emulator = await startEmulatorProcess(join(dir, 'seed.json'));
  try {
    const env = { ...process.env, ATOMS_API_URL: emulator.url, SMALLEST_API_KEY: emulator.apiKey };
    const plan = (name) =>
      timeCommand(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'plan', name, '--format', 'json'], {
        cwd: dir,
        env,
        runs: 5,
        warmup: 1,
      });
    const baseline = plan('unchanged.json');
    const renamed = plan('renamed.json');
    return row(
      `7. plan 1 agent, ${count.toLocaleString('en')} metrics all renamed + reworded (CLI, JSON) vs unchanged`,
      renamed,
      baseline,
      '< 1,000 ms absolute',
    );
  } finally {
    emulator.stop();
  }
}

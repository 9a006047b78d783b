// Small helpers shared by the benchmarks: run a command many times and take the median wall time.
import { spawnSync } from 'node:child_process';

export function medianMs(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of one run of a command, in ms; an exit code other than 0 or 1 (valid or invalid) is an error. */
function runOnce({ command, args, env = process.env, cwd = process.cwd() }) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, cwd, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return ms;
}

/**
 * Median wall times of several commands run in turn (one of each per round, `warmup` rounds unmeasured), so drift
 * in the machine's speed during the run falls on all of them alike; start-up ratios of a few ms need that.
 */
export function timeCommandsInterleaved(commands, { runs = 31, warmup = 3 } = {}) {
  const samples = commands.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    commands.forEach((spec, index) => {
      const ms = runOnce(spec);
      if (round >= warmup) samples[index].push(ms);
    });
  }
  return samples.map(medianMs);
}

/**
 * The start-up cost of each command as a multiple of a baseline command: one run of the baseline and one of each
 * command per round, the ratio taken within the round (the machine's speed drifts less within a round than across
 * the run), and the median of those ratios. Also the medians of the wall times, for the report.
 */
export function timeRatiosInterleaved(baseline, commands, { runs = 31, warmup = 3 } = {}) {
  const bare = [];
  const samples = commands.map(() => ({ ms: [], ratios: [] }));
  for (let round = 0; round < warmup + runs; round++) {
    const base = runOnce(baseline);
    const times = commands.map((spec) => runOnce(spec));
    if (round < warmup) continue;
    bare.push(base);
    times.forEach((ms, index) => {
      samples[index].ms.push(ms);
      samples[index].ratios.push(ms / base);
    });
  }
  return {
    baselineMs: medianMs(bare),
    commands: samples.map(({ ms, ratios }) => ({ ms: medianMs(ms), ratio: medianMs(ratios) })),
  };
}

/** Median wall time of `runs` executions of a command (after `warmup` unmeasured runs). */
export function timeCommand(command, args, { runs = 21, warmup = 3, env = process.env, cwd = process.cwd() } = {}) {
  return timeCommandsInterleaved([{ command, args, env, cwd }], { runs, warmup })[0];
}

export function row(name, value, baseline, target) {
  return {
    benchmark: name,
    'median ms': value.toFixed(1),
    'baseline ms': baseline.toFixed(1),
    ratio: (value / baseline).toFixed(2) + '×',
    target,
  };
}

// Two builds side by side: `node bench/paired.mjs <old dist dir> <new dist dir> <entry> [args…]` runs
// `<dir>/<entry> args…` from each, interleaved (5 warm-up pairs, then 30), and prints the medians. Action inputs come
// from the environment as usual (INPUT_MODE=…), so a run like
//   env -i PATH="$PATH" HOME="$HOME" INPUT_MODE=validate GITHUB_WORKSPACE="$PWD" node bench/paired.mjs /tmp/old/dist dist index.js
// compares the action's validate start-up of a saved build (`git archive <rev> dist package.json | tar -x -C /tmp/old`)
// with this one. The saved build needs the package.json beside it: without `"type": "module"` in scope, Node 20 first
// tries each .js file as CommonJS and then re-parses it as ESM, ~1 ms per module, which makes the old build look slower.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** True when the nearest package.json above `dir` makes its .js files ES modules. */
function isModuleScope(dir) {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const manifest = join(current, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).type === 'module';
    if (dirname(current) === current) return false;
  }
}

const [oldDir, newDir, entry, ...args] = process.argv.slice(2);
if (!oldDir || !newDir || !entry) {
  console.error('usage: node bench/paired.mjs <old dist dir> <new dist dir> <entry, e.g. cli.js or index.js> [args…]');
  process.exit(2);
}
for (const dir of [oldDir, newDir]) {
  if (!isModuleScope(dir)) {
    console.error(
      `${dir}: no package.json with "type": "module" above it, so Node would time a CommonJS retry too; extract the build with its package.json (git archive <rev> dist package.json | tar -x -C <dir>/..)`,
    );
    process.exit(2);
  }
}
const run = (dir) => {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, [join(resolve(dir), entry), ...args], { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
for (let i = 0; i < 5; i++) run(oldDir), run(newDir);
const before = [];
const after = [];
for (let i = 0; i < 30; i++) before.push(run(oldDir)), after.push(run(newDir));
console.log(
  `${entry} ${args.join(' ')}: old ${median(before).toFixed(1)} ms, new ${median(after).toFixed(1)} ms (medians of 30 interleaved runs)`,
);

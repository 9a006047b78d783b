// `npm run bench`: every benchmark prints its figure next to a baseline measured in the same run.
import { build } from 'esbuild';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchStartup } from './startup.mjs';
import { benchValidateLarge } from './validate-large.mjs';
import { benchValidateJson } from './validate-json.mjs';
import { benchPlanRenames } from './plan-renames.mjs';

if (!existsSync('dist/index.js')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const only = process.argv[2];
const rows = [];
/** Prints a section's rows as soon as it is done, so one failing section loses no other's figures. */
const report = (section) => {
  console.table(section);
  rows.push(...section);
};

/** The in-process benchmarks drive the engine from source: bundled first, the way scripts/build.mjs bundles dist/. */
async function bundleBench(entryPoints) {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  await build({
    entryPoints,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    // undici is CommonJS and require()s Node built-ins; an ESM bundle needs a require for them (as scripts/build.mjs gives dist/).
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  return async (name) => import(pathToFileURL(join(dir, `${name}.mjs`)).href);
}

if (!only || only === 'startup') report([...benchStartup(), benchValidateLarge()]);
if (!only || only === 'large') report([...benchValidateJson(), await benchPlanRenames()]);
if (!only || only === 'fleet') {
  const load = await bundleBench(['bench/fleet.ts', 'bench/fleet-v2.ts', 'bench/comment-capacity.ts']);
  const { benchFleet } = await load('fleet');
  const { benchFleetV2 } = await load('fleet-v2');
  const { benchCommentCapacity } = await load('comment-capacity');
  report([...(await benchFleet()), ...(await benchFleetV2()), benchCommentCapacity()]);
}
if (!only || only === 'insights') {
  const load = await bundleBench(['bench/insights.ts']);
  const { benchInsights } = await load('insights');
  report(await benchInsights());
}
if (!only) console.table(rows);

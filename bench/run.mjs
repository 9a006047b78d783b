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
if (!only || only === 'startup') rows.push(...benchStartup(), benchValidateLarge());
if (!only || only === 'large') rows.push(...benchValidateJson(), await benchPlanRenames());
if (!only || only === 'fleet') {
  // The fleet benchmarks drive the engine in-process; bundle them from source first.
  const dir = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  await build({ entryPoints: ['bench/fleet.ts', 'bench/fleet-v2.ts', 'bench/comment-capacity.ts'], outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
    // undici is CommonJS and require()s Node built-ins; an ESM bundle needs a require for them (as scripts/build.mjs gives dist/).
    banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" } });
  const { benchFleet } = await import(pathToFileURL(join(dir, 'fleet.mjs')).href);
  const { benchFleetV2 } = await import(pathToFileURL(join(dir, 'fleet-v2.mjs')).href);
  const { benchCommentCapacity } = await import(pathToFileURL(join(dir, 'comment-capacity.mjs')).href);
  rows.push(...(await benchFleet()), ...(await benchFleetV2()), benchCommentCapacity());
}
if (!only || only === 'insights') {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-bench-'));
  await build({ entryPoints: ['bench/insights.ts'], outdir: dir, outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  const { benchInsights } = await import(pathToFileURL(join(dir, 'insights.mjs')).href);
  rows.push(...(await benchInsights()));
}
console.table(rows);

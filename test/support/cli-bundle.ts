// The CLI from source as one file, for tests that must run it as a child process (signals) without depending on dist/.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CliBundle {
  path: string;
  remove(): void;
}

/** Bundles src/cli.ts (every command inlined) into a temporary .mjs file. */
export async function bundleCli(): Promise<CliBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'atoms-metrics-cli-'));
  const path = join(dir, 'cli.mjs');
  await build({
    entryPoints: ['src/cli.ts'],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // CommonJS dependencies inside an ESM bundle still call require() for Node built-ins (as scripts/build.mjs does).
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
  });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

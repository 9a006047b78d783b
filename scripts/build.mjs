// Builds the committed single-file ESM bundles: dist/index.js (the action) and dist/cli.js (the CLI), and
// dist/licenses.txt, the notices of the third-party code inside them; then docs/rules.md from the built CLI.
// The schema validator is generated first so the bundle never compiles JSON Schema at start-up.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderNotices } from './third-party-notices.mjs';

execFileSync(process.execPath, ['scripts/gen-schema-validator.mjs'], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });

// CommonJS dependencies inside an ESM bundle still call require() for Node built-ins.
const banner = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  define: { __ATOMS_METRICS_VERSION__: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Fully minified: compiling the bundle is most of the start-up cost, and size is what it scales with.
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // The metafile lists every bundled input, from which dist/licenses.txt is written below.
  metafile: true,
  banner: { js: banner },
  // Dynamic imports stay in the same file: the heavy paths are wrapped lazily by esbuild and run only when reached.
  splitting: false,
  plugins: [
    {
      // @actions/* ship ESM without a sideEffects flag; declaring them side-effect free lets esbuild drop the
      // parts we never call (OIDC, http-client, undici 6), which keeps the validate path's start-up lean.
      name: 'actions-side-effect-free',
      setup(b) {
        b.onResolve({ filter: /^@actions\// }, async (args) => {
          if (args.pluginData?.skip) return undefined;
          const result = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { skip: true } });
          return { ...result, sideEffects: false };
        });
      },
    },
    {
      // yaml's "node" export is CommonJS; its ESM build (published as the "default"/browser export, plain ES2020
      // without DOM use) lets esbuild hoist it instead of wrapping every module in a require() shim, which
      // measurably shortens start-up. Its only Node-specific difference is process.emitWarning for debug logs,
      // which we silence with logLevel anyway.
      name: 'yaml-esm',
      setup(b) {
        b.onResolve({ filter: /^yaml$/ }, () => ({ path: fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url)) }));
      },
    },
  ],
};

const result = await build({ ...common, entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' }, outdir: 'dist' });
writeFileSync('dist/licenses.txt', renderNotices([result.metafile]));

// The error reference the README links, rendered by the CLI just built from the same catalogues as `atoms-metrics rules`
// (a test fails when the committed file is not what this writes).
mkdirSync('docs', { recursive: true });
writeFileSync('docs/rules.md', execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'markdown'], { encoding: 'utf8' }));

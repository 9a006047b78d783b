// Builds the committed ESM bundles: dist/index.js (the action), the CLI's dist/cli.js (which only picks one of
// dist/cli-validate.js for `validate` and dist/cli-main.js for every other command), plus the chunks they load on
// demand in dist/chunks/ (one per CLI command and action mode, the YAML parser, picomatch, the emulator, shared
// code), and dist/licenses.txt, the notices of the third-party code inside them; then docs/rules.md from the built CLI.
// The schema validator is generated first so the bundle never compiles JSON Schema at start-up.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { renderNotices } from './third-party-notices.mjs';

execFileSync(process.execPath, ['scripts/gen-schema-validator.mjs'], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });

// CommonJS dependencies inside an ESM bundle still call require(), only ever for Node built-ins (everything else is
// bundled). process.getBuiltinModule hands a built-in over without the path work of createRequire(import.meta.url)
// in every chunk; Node 20 releases before 20.16 lack it and get createRequire.
const banner = [
  "import { createRequire as __createRequire } from 'node:module';",
  "const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);",
].join('\n');

const requireBuiltin = createRequire(import.meta.url);

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
  // Each dynamic import() becomes its own chunk, so a command compiles only what it runs: `--version` loads no
  // validator, validate no HTTP client or emulator (node:http), a JSON-only repository no YAML parser. Chunk names
  // carry a content hash, so a build is deterministic and .ci/run's dist check sees any difference.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [
    {
      // @actions/* ship ESM without a sideEffects flag; declaring them (and the files they import from themselves)
      // side-effect free lets esbuild drop the parts we never call (OIDC, http-client, undici 6, the job summary
      // class, whose module reads fs.promises as soon as it loads), which keeps the validate path's start-up lean.
      name: 'actions-side-effect-free',
      setup(b) {
        const insideActions = /node_modules[\\/]@actions[\\/]/;
        b.onResolve({ filter: /^(@actions\/|\.)/ }, async (args) => {
          if (args.path.startsWith('.') && !insideActions.test(args.importer)) return undefined;
          if (args.pluginData?.skip) return undefined;
          const result = await b.resolve(args.path, {
            kind: args.kind,
            resolveDir: args.resolveDir,
            pluginData: { skip: true },
          });
          return { ...result, sideEffects: false };
        });
      },
    },
    {
      // One undici in the bundle, and only the parts we use: @actions/github's http-client asks for undici 6, only to
      // build the proxy agent and fetch of Octokit's defaults, which we replace with our own fetch
      // (src/github/octokit.ts); its ProxyAgent construction works the same on 7. Every `undici` import therefore
      // gets src/net/undici.ts, which takes the dispatchers and fetch from their own files instead of undici's
      // index.js (which requires WebSocket, mocks, cache stores and the rest, ~40 ms of compile on every API command).
      name: 'one-undici',
      setup(b) {
        b.onResolve({ filter: /^undici$/ }, () => ({
          path: fileURLToPath(new URL('../src/net/undici.ts', import.meta.url)),
        }));
      },
    },
    {
      // @actions/core's file-command module imports node:crypto only for the random part of output delimiters; it
      // gets src/action/delimiter-uuid.ts instead (why that is safe is written there), which keeps node:crypto out of
      // the validate path's start-up.
      name: 'core-delimiter-without-crypto',
      setup(b) {
        b.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
          /@actions[\\/]core[\\/]lib[\\/]file-command\.js$/.test(args.importer)
            ? { path: fileURLToPath(new URL('../src/action/delimiter-uuid.ts', import.meta.url)) }
            : undefined,
        );
      },
    },
    {
      // yaml's "node" export is CommonJS; its ESM build (published as the "default"/browser export, plain ES2020
      // without DOM use) lets esbuild hoist it instead of wrapping every module in a require() shim, which
      // measurably shortens start-up. Its only Node-specific difference is process.emitWarning for debug logs,
      // which we silence with logLevel anyway.
      name: 'yaml-esm',
      setup(b) {
        b.onResolve({ filter: /^yaml$/ }, () => ({
          path: fileURLToPath(new URL('../node_modules/yaml/browser/index.js', import.meta.url)),
        }));
      },
    },
    {
      // An ES-module `import … from 'node:fs'` makes Node build the built-in's ES-module facade, which reads every
      // export, among them the lazy `fs.promises` (and with it readline, streams and URL: ~30 of Node's own modules
      // compiled on every start, about a third of the validate path's time). Statically imported built-ins therefore
      // come from the banner's require (process.getBuiltinModule, a plain hand-over without a facade) through a
      // one-line CommonJS module, whose properties esbuild reads only where the code uses them. (Re-exporting the
      // properties by name from an ES module would read them all at start, and which of them are lazy getters
      // differs between Node versions.)
      // Last, so that the plugins above choose their own replacements first.
      name: 'builtins-without-facade',
      setup(b) {
        b.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
          if (args.kind !== 'import-statement' || args.namespace === 'builtin') return undefined;
          const id = args.path.startsWith('node:') ? args.path : `node:${args.path}`;
          if (!builtinModules.includes(id.slice(5))) return undefined;
          return { path: id, namespace: 'builtin' };
        });
        // Every importer of a CommonJS module gets its own copy of the module's property list (esbuild's __toESM), so
        // one ES module per built-in re-exports the names (as Node has them at build time) from one CommonJS module:
        // one copy per built-in, and the importers still read each property only where they use it.
        b.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => {
          const names = Object.keys(requireBuiltin(args.path)).filter(
            (name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default',
          );
          const from = JSON.stringify(args.path);
          // One statement: esbuild makes one copy per import record, and two statements would be two.
          return {
            contents: `export { ${['default', ...names].join(', ')} } from ${from};`,
            loader: 'js',
            resolveDir: '.',
          };
        });
        b.onResolve({ filter: /.*/, namespace: 'builtin' }, (args) => ({ path: args.path, namespace: 'builtin-cjs' }));
        b.onLoad({ filter: /.*/, namespace: 'builtin-cjs' }, (args) => ({
          contents: `module.exports = require(${JSON.stringify(args.path)});`,
          loader: 'js',
        }));
      },
    },
  ],
};

// Two builds rather than one with two entries: chunks shared between the action and the CLI would cut each one's
// start-up path into more files, and every file on that path costs a module resolution and load.
// esbuild puts each module into a chunk by the set of entry points (the action's entry and each mode's step, which
// main.ts imports on demand) that reach it; the validate path's modules, reached by different sets of steps, were
// spread over five chunks. Each step therefore also imports main.ts (at no cost: it is loaded before any step), so
// every module on the validate path is reached by the same set and the path is one shared chunk and the entry;
// so do the YAML and JSON parsers, the metrics file's git history, picomatch and Octokit, loaded on demand too, which share esbuild's helpers and the shims
// with it.
const stepsReachMain = {
  name: 'steps-reach-main',
  setup(b) {
    const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
    b.onLoad(
      {
        filter:
          /[\\/]src[\\/](action[\\/](plan|apply|rollback|drift|list)-step|config[\\/](parse-(yaml|json)|file-history)|github[\\/]octokit)\.ts$/,
      },
      (args) => ({
        contents: `${readFileSync(args.path, 'utf8')}\nimport ${JSON.stringify(main)};\n`,
        loader: 'ts',
      }),
    );
    // picomatch, loaded on demand by src/config/glob.ts, is CommonJS: it reaches main.ts through a one-line wrapper.
    b.onResolve({ filter: /^picomatch$/ }, (args) =>
      args.kind === 'dynamic-import'
        ? { path: 'picomatch', namespace: 'picomatch-reaching-main', pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'picomatch-reaching-main' }, (args) => ({
      contents: `export { default } from 'picomatch';\nimport ${JSON.stringify(main)};\n`,
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
    }));
  },
};
const action = await build({
  ...common,
  entryPoints: { index: 'src/index.ts' },
  outdir: 'dist',
  plugins: [...common.plugins, stepsReachMain],
});
// The CLI is three bundles: dist/cli.js only picks one. `validate` gets its own (one file, the yaml package and
// picomatch as its only chunks) so that the command run most starts without the split bundle's extra modules;
// every other command runs from dist/cli-main.js and its chunks. Chunks with equal content get equal names, so the
// builds share them instead of writing copies.
const cliBundles = {
  name: 'cli-bundles',
  setup(b) {
    b.onResolve({ filter: /^\.\/cli-(main|validate)\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};
const cli = await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  plugins: [...common.plugins, cliBundles],
});
const cliMain = await build({ ...common, entryPoints: { 'cli-main': 'src/cli-main.ts' }, outdir: 'dist' });
const cliValidate = await build({ ...common, entryPoints: { 'cli-validate': 'src/cli-validate.ts' }, outdir: 'dist' });
writeFileSync(
  'dist/licenses.txt',
  renderNotices([action.metafile, cli.metafile, cliMain.metafile, cliValidate.metafile]),
);

// The error reference the README links, rendered by the CLI just built from the same catalogues as `atoms-metrics rules`
// (a test fails when the committed file is not what this writes).
mkdirSync('docs', { recursive: true });
writeFileSync(
  'docs/rules.md',
  execFileSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'markdown'], { encoding: 'utf8' }),
);

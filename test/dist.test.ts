// The few tests that run the committed bundles themselves: they start, and the README's demo works.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('dist bundles', () => {
  it('carry the licence notices of every package bundled into them', () => {
    // Written by scripts/build.mjs from esbuild's metafile; these are the runtime dependencies the bundles use.
    const notices = readFileSync('dist/licenses.txt', 'utf8');
    for (const name of ['@actions/core', 'ajv', 'yaml'])
      expect(notices).toMatch(new RegExp(`^${name}@\\d+\\.\\d+\\.\\d+ \\(`, 'm'));
    expect(notices).toContain('Permission is hereby granted');
  });

  it('the CLI bundle runs the demo end to end', () => {
    const run = spawnSync(process.execPath, ['dist/cli.js', 'demo'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('detected the v2 model');
    expect(run.stdout).toContain("waiting for the platform's security scan");
    expect(run.stdout).not.toContain('<!--');
    // The blast radius of the demo's breaking change, from the emulator's synthetic calls.
    expect(run.stdout).toMatch(
      /  - 📈 removing `summary`: it had a value on \d+ % of the \d+ analysed calls of the last 14 days\n/,
    );
    expect(run.stdout).toContain('#### 📈 What the live metrics produced on recent calls');
    expect(run.stdout).toContain(
      'Demo finished: one new revision on the live branch, live once its security scan passed; nothing left to change.',
    );
  });

  it('the CLI bundle runs the v1 demo with --versioning v1', () => {
    const run = spawnSync(process.execPath, ['dist/cli.js', 'demo', '--versioning', 'v1'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('waiting for the security check');
    expect(run.stdout).toContain(
      'Demo finished: one new version, activated after its security check passed; nothing left to change.',
    );
  });

  it('the action bundle validates the examples', () => {
    const run = spawnSync(process.execPath, ['dist/index.js'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        INPUT_MODE: 'validate',
        INPUT_CONFIG: 'examples/invalid/*.yaml',
        GITHUB_OUTPUT: '',
        GITHUB_STEP_SUMMARY: '',
      },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error title=atoms-metrics%3A metric-type,file=examples/invalid/broken-agent.yaml,line=10,col=30::unknown metric type "NUMBER"',
    );
  });

  it('the CLI exits quietly when its reader closes the pipe early (`… | head -1`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atoms-metrics-pipe-'));
    try {
      const metrics = Array.from({ length: 3000 }, (_, i) => ({
        identifier: `M${i}`,
        dispositionMetricType: 'STRING',
        dispositionMetricPrompt: 'What was said?',
      }));
      writeFileSync(
        join(dir, 'big.json'),
        JSON.stringify({
          agentId: '65f1a2b3c4d5e6f708192a3b',
          postCallAnalyticsConfig: { dispositionMetrics: metrics },
        }),
      );
      const child = spawn(process.execPath, [resolve('dist/cli.js'), 'validate', 'big.json'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      expect(status).toBe(1);
      expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI and the action load neither node:http nor node:crypto (under either name) before a command asks for them', () => {
    // The static import graph of an entry: what Node loads at start-up, before any dynamic import().
    const graph = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:^|[;\n])\s*import\s*(?:[^"(]*?from\s*)?"(\.[^"]+)"/g))
        graph(join(dirname(file), match[1] ?? ''), seen);
      return seen;
    };
    for (const entry of ['dist/cli.js', 'dist/cli-main.js', 'dist/cli-validate.js', 'dist/index.js']) {
      // Bundled packages import built-ins without the node: prefix (@actions/core's `from"crypto"`), so both spellings
      // count; and the build hands statically imported built-ins over through esbuild's require("node:…") (see
      // scripts/build.mjs), which the bundle calls under a minified name.
      const builtins = [...graph(entry)].flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from\s*"(?:node:)?([a-z_/]+)"|\("node:([a-z_/]+)"\)/g)].map(
          (m) => m[1] ?? m[2],
        ),
      );
      if (entry === 'dist/index.js') expect(builtins, entry).toContain('fs');
      expect(builtins, entry).not.toContain('http');
      expect(builtins, entry).not.toContain('crypto');
    }
    // Every module on the start-up path costs a resolution, a read and a link: the action starts from two, its
    // entry and one chunk (scripts/build.mjs keeps the validate path in one shared chunk).
    expect([...graph('dist/index.js')].length).toBeLessThanOrEqual(2);
  });

  it("the action's validate path compiles none of Node's fs/promises, readline or streams, and writes its summary and outputs", () => {
    // An ES-module import of node:fs, @actions/core's summary (fs.promises) and process.stdout cost ~30 of Node's own
    // modules, a third of the validate path's start-up (bench/startup.mjs measures it).
    const workspace = mkdtempSync(join(tmpdir(), 'atoms-validate-builtins-'));
    try {
      writeFileSync(
        join(workspace, 'agent.yaml'),
        'agentId: "65f1a2b3c4d5e6f708192a3b"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n',
      );
      writeFileSync(join(workspace, 'out'), '');
      writeFileSync(join(workspace, 'summary'), '');
      writeFileSync(
        join(workspace, 'list.cjs'),
        "process.on('exit', () => require('fs').writeFileSync(process.env.LIST_TO, process.moduleLoadList.join('\\n')));\n",
      );
      writeFileSync(join(workspace, 'empty.mjs'), '');
      const env = {
        PATH: process.env.PATH ?? '',
        INPUT_MODE: 'validate',
        INPUT_CONFIG: '*.yaml',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(workspace, 'out'),
        GITHUB_STEP_SUMMARY: join(workspace, 'summary'),
      };
      /** Node's own modules loaded by running `entry`, one per line. */
      const modules = (entry: string, list: string) => {
        const run = spawnSync(process.execPath, ['-r', join(workspace, 'list.cjs'), entry], {
          cwd: workspace,
          encoding: 'utf8',
          env: { ...env, LIST_TO: join(workspace, list) },
        });
        return { run, loaded: readFileSync(join(workspace, list), 'utf8').split('\n') };
      };
      // The baseline is an empty ES module: Node 20's own ES-module loader reads files through fs/promises.
      const baseline = new Set(modules(join(workspace, 'empty.mjs'), 'baseline').loaded);
      const { run, loaded } = modules(resolve('dist/index.js'), 'validate');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe('Validated 1 file: 0 errors, 0 warnings — ok.\n');
      expect(readFileSync(join(workspace, 'summary'), 'utf8')).toContain('✅ Metrics files are valid');
      expect(readFileSync(join(workspace, 'out'), 'utf8')).toMatch(/^valid<<ghadelimiter_[0-9a-f-]+\ntrue\n/);
      const extra = loaded.filter((name) => !baseline.has(name));
      expect(extra.filter((name) => /fs\/promises|readline|stream|\burl\b|string_decoder/.test(name))).toEqual([]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('bundle only the parts of undici the tool uses (dispatchers and fetch), not its index of everything', () => {
    // undici's index.js would bring its mocks, cache stores and WebSocket client into the chunk every API command compiles.
    const chunks = readdirSync('dist/chunks').map((name) => readFileSync(join('dist/chunks', name), 'utf8'));
    expect(chunks.some((text) => text.includes('llhttp'))).toBe(true);
    for (const marker of ['MockAgent', 'SqliteCacheStore', 'WebSocketStream'])
      expect(
        chunks.some((text) => text.includes(marker)),
        marker,
      ).toBe(false);
  });

  it('run `validate` from its own bundle, with the CLI answers, and none of the other commands in its static graph', () => {
    // The static graph of the validate bundle holds no API client, emulator or other command.
    const text = (file: string) => readFileSync(file, 'utf8');
    const imports = [...text('dist/cli-validate.js').matchAll(/from"\.\/chunks\/([^"]+)"/g)].map((m) => m[1] ?? '');
    for (const chunk of imports)
      expect(text(join('dist/chunks', chunk)), chunk).not.toMatch(/llhttp|atoms-metrics emulator|branches\/\$\{/);
    const workspace = mkdtempSync(join(tmpdir(), 'atoms-cli-validate-'));
    try {
      writeFileSync(
        join(workspace, 'bad.yaml'),
        'agentId: "65f1a2b3c4d5e6f708192a3b"\npostCallAnalyticsConfig:\n  dispositionMetrics: 3\n',
      );
      const run = (...args: string[]) =>
        spawnSync(process.execPath, [resolve('dist/cli.js'), ...args], { cwd: workspace, encoding: 'utf8' });
      const invalid = run('validate', 'bad.yaml');
      expect(invalid.status).toBe(1);
      expect(invalid.stdout).toMatch(/^bad\.yaml:3:\d+: error/m);
      expect(run('validate', '--help').stdout).toContain('Usage: atoms-metrics validate');
      const usage = run('validate', '--bogus');
      expect(usage.status).toBe(2);
      expect(usage.stderr).toBe(
        "atoms-metrics: unknown option '--bogus' for validate (see 'atoms-metrics validate --help')\nRun 'atoms-metrics --help' for usage.\n",
      );
      expect(run('--version').stdout).toMatch(/^atoms-metrics \d+\.\d+\.\d+/);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});

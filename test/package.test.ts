// The packed package, installed the way a user installs it, from an empty directory: it installs quietly (nothing
// but itself; the bundled libraries are not dependencies), and `demo` and `emulator` work there. Packs the
// committed dist/, so it runs no build; npm installs the tarball offline, without the network.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let root: string;
let app: string;
let install: { stdout: string; stderr: string; status: number | null };
// npm and the installed bin run on the Node that runs the tests (Node 20 in CI, the oldest the package supports).
const env = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  npm_config_update_notifier: 'false',
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'atoms-metrics-pack-'));
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', root], {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'ignore'],
    }),
  ) as { filename: string }[];
  app = join(root, 'app');
  mkdirSync(app);
  const run = spawnSync(
    npm,
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--cache',
      join(root, 'cache'),
      join(root, packed[0]?.filename ?? ''),
    ],
    { cwd: app, encoding: 'utf8', env },
  );
  install = { stdout: run.stdout, stderr: run.stderr, status: run.status };
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const bin = () => join(app, 'node_modules', '.bin', 'atoms-metrics');

describe('the packed package', () => {
  it('installs quietly: itself and nothing else, no warning (no EBADENGINE on Node 20)', () => {
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).toBe('');
    expect(install.stdout.trim()).toMatch(/^added 1 package in \S+$/);
    expect(readdirSync(join(app, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['atoms-metrics']);
  });

  it('runs `demo` from an empty directory', () => {
    const run = spawnSync(bin(), ['demo'], { cwd: app, encoding: 'utf8', env, timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Demo finished: one new revision on the live branch, live once its security scan passed; nothing left to change.',
    );
  }, 40_000);

  it('runs `emulator` with the example agent, and the pull and plan it suggests work', async () => {
    const child = spawn(bin(), ['emulator', '--port', '0', '--security-check-ms', '0'], {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Press Ctrl+C')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`the emulator exited ${code}: ${out}`)));
      });
      const [, url = '', key = ''] = /export ATOMS_API_URL=(\S+) SMALLEST_API_KEY=(\S+)/.exec(out) ?? [];
      const suggested = [...out.matchAll(/^ {2}atoms-metrics (.+?)(?:\s+#.*)?$/gm)].map((m) => (m[1] ?? '').split(' '));
      expect(suggested).toEqual([
        ['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'],
        ['plan', 'metrics'],
      ]);
      for (const args of suggested) {
        const run = spawnSync(bin(), args, {
          cwd: app,
          encoding: 'utf8',
          env: { ...env, ATOMS_API_URL: url, SMALLEST_API_KEY: key },
        });
        expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      }
    } finally {
      child.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (exit) => resolve(exit)),
    );
    expect(code).toBe(0);
  }, 40_000);
});

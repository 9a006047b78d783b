// `doctor --write` as a child process against the emulator: SIGINT or SIGTERM while the scan runs still archives the
// scratch branch, says so, and exits 130; the live branch is never touched.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { bundleCli, type CliBundle } from '../support/cli-bundle.js';
import { AGENT, EDITED, listedBranches, liveOf, seedFor } from '../support/doctor-harness.js';

let cli: CliBundle;
beforeAll(async () => void (cli = await bundleCli()), 60_000);
afterAll(() => cli?.remove());

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe.each(['SIGINT', 'SIGTERM'] as const)('doctor --write and %s', (signal) => {
  it('archives the scratch branch, says so, and exits 130', async () => {
    // A scan of a minute: the child is polling it when the signal comes.
    const emu = await startEmulator({ securityCheckMs: 60_000, seed: seedFor() });
    try {
      emu.simulateDashboardChange(AGENT, EDITED);
      const live = liveOf(emu);
      const child = spawn(process.execPath, [cli.path, 'doctor', AGENT, '--write'], {
        env: { PATH: process.env.PATH, SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const publishedAt = () => emu.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/draft/publish'));
      for (let i = 0; i < 1000 && !(publishedAt() >= 0 && emu.requests.length > publishedAt() + 1); i++) await tick();
      expect(publishedAt()).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exit).toBe(130);
      expect(err).toContain(
        'atoms-metrics: interrupted: finishing the request in flight, then archiving the scratch branch',
      );
      expect(err).toMatch(/archived scratch branch atoms-metrics-doctor-/);
      expect(out).toMatch(/the step "wait for the scan" was interrupted/);
      expect(out).toMatch(/scratch branch atoms-metrics-doctor-\S+ \([a-f0-9]{24}\) is archived/);
      expect(await listedBranches(emu)).toEqual([live.branchId]);
      expect(emu.getAgentState(AGENT)?.branches).toHaveLength(2);
      expect(liveOf(emu)).toEqual(live);
      expect(emu.requests.filter((r) => r.method !== 'GET' && r.path.includes(live.branchId))).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});

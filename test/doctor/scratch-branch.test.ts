// The scratch branch's life against the emulator over HTTP: created under a unique name, archived through a freeze
// that lifts, and reported (not silently left) when the archive keeps failing. Waits are injected.
import { afterEach, describe, expect, it } from 'vitest';
import { createProbeClient } from '../../src/doctor/probe-client.js';
import { archiveScratch, createScratch, scratchName } from '../../src/doctor/scratch-branch.js';
import type { ScratchBranch } from '../../src/doctor/types.js';
import { parseFaultFlag, type RunningEmulator } from '../../src/emulator/index.js';
import { AGENT, listedBranches, liveOf, startAccount } from '../support/doctor-harness.js';

let emu: RunningEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function created(
  account: RunningEmulator,
): Promise<{ scratch: ScratchBranch; probe: ReturnType<typeof createProbeClient> }> {
  const probe = createProbeClient({ baseUrl: account.url, apiKey: account.apiKey, sleep: async () => undefined });
  const scratch: ScratchBranch = { name: scratchName(Date.UTC(2026, 11, 7, 3, 15, 0)), id: null, archived: false };
  await createScratch(probe, AGENT, liveOf(account).branchId, scratch);
  return { scratch, probe };
}

describe('the scratch branch', () => {
  it('is named after the UTC second it was made', () => {
    expect(scratchName(Date.UTC(2026, 11, 7, 3, 15, 0, 123))).toBe('atoms-metrics-doctor-20261207T031500Z');
  });

  it('is archived through a freeze that lifts, waiting between tries', async () => {
    const account = (emu = await startAccount({}));
    const { scratch, probe } = await created(account);
    account.injectFault(parseFaultFlag('POST */archive error_type=config_freeze_active times=2'));
    const waits: number[] = [];
    await archiveScratch(probe, AGENT, scratch, async (ms) => void waits.push(ms));
    expect([scratch.archived, waits]).toEqual([true, [1000, 2000]]);
    expect(await listedBranches(account)).toEqual([liveOf(account).branchId]);
  });

  it('says why when it cannot be archived, instead of leaving it silently', async () => {
    const account = (emu = await startAccount({}));
    const { scratch, probe } = await created(account);
    account.injectFault(parseFaultFlag('POST */archive 503 times=10'));
    await archiveScratch(probe, AGENT, scratch, async () => undefined);
    expect(scratch).toMatchObject({ archived: false, problem: 'POST …/archive answered 503: Internal server error' });
    account.clearFaults();
    account.injectFault(parseFaultFlag('POST */archive 403'));
    await archiveScratch(probe, AGENT, scratch, async () => undefined);
    expect(scratch.problem).toBe('POST …/archive answered 403: Internal server error');
    expect(account.requests.filter((r) => r.path.endsWith('/archive'))).toHaveLength(5);
  });
});

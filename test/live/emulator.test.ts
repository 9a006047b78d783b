// The live suite against the emulator, on both versioning models: what `npm run test:live` does against the real API.
import { describe, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { AGENT, EDITED, seedFor } from '../support/doctor-harness.js';
import { runLiveSuite } from './live-suite.js';

describe.each(['v2', 'v1'] as const)('the live suite against the emulator (%s)', (versioning) => {
  it('runs doctor --write, plan, apply, history and rollback, and leaves the agent as it found it', async () => {
    const emu = await startEmulator({ versioning, securityCheckMs: 0, seed: seedFor(versioning) });
    try {
      emu.simulateDashboardChange(AGENT, EDITED);
      await runLiveSuite({ apiUrl: emu.url, apiKey: emu.apiKey, agentId: AGENT });
    } finally {
      await emu.close();
    }
  }, 60_000);
});

// `npm run test:live` with ATOMS_LIVE_API_KEY and ATOMS_LIVE_AGENT_ID: the live suite against the real API. It changes
// that agent (a scratch branch, one revision adding a metric, one restoring it) and only that one, and leaves its live
// metrics as it found them. scripts/test-live.mjs skips it with one line when either variable is missing.
import { it } from 'vitest';
import { DEFAULT_API_URL } from '../../src/defaults.js';
import { runLiveSuite } from './live-suite.js';

const apiKey = process.env.ATOMS_LIVE_API_KEY ?? '';
const agentId = process.env.ATOMS_LIVE_AGENT_ID ?? '';

it.skipIf(apiKey === '' || agentId === '')(
  `the live suite against ${process.env.ATOMS_API_URL || DEFAULT_API_URL}`,
  async () => {
    await runLiveSuite({
      apiUrl: (process.env.ATOMS_API_URL || DEFAULT_API_URL).replace(/\/+$/, ''),
      apiKey,
      agentId,
      log: (line) => console.log(line),
    });
  },
  15 * 60_000,
);

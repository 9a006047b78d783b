// `npm run test:live`: the live suite against the real Atoms API, for a throwaway agent of your own. It changes that
// agent, and only that one. Without ATOMS_LIVE_API_KEY and ATOMS_LIVE_AGENT_ID it says in one line why it is skipped
// (the same suite runs against the emulator in `npm test`, so CI always runs it).
import { spawnSync } from 'node:child_process';

const missing = ['ATOMS_LIVE_API_KEY', 'ATOMS_LIVE_AGENT_ID'].filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.log(
    `live suite skipped: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set (set both, for a throwaway agent of your own, to run it against the real API; npm test runs it against the emulator)`,
  );
  process.exit(0);
}
if (!/^[a-f0-9]{24}$/.test(process.env.ATOMS_LIVE_AGENT_ID ?? '')) {
  console.error('live suite: ATOMS_LIVE_AGENT_ID must be an agent id (24 lowercase hex characters)');
  process.exit(2);
}
const run = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--config', 'vitest.live.config.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);

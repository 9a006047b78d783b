import { defineConfig } from 'vitest/config';

// `npm run test:live` (through scripts/test-live.mjs): only the suite that talks to the real API.
export default defineConfig({
  test: {
    include: ['test/live/**/*.live.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 60_000,
  },
});

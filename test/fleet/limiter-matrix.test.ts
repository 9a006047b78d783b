import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../src/fleet/concurrency.js';
import { buildMatrix } from '../../src/fleet/matrix.js';
import { createRateLimiter } from '../../src/fleet/rate-limiter.js';

function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
}

describe('createRateLimiter', () => {
  it('paces acquisitions at the configured rate', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 8, ...clock });
    for (let i = 0; i < 17; i++) await limiter.acquire();
    expect(clock.now()).toBe(2000);
  });

  it('a 429 pauses everyone for Retry-After and halves the rate, which recovers', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 8, ...clock });
    await limiter.acquire();
    limiter.onRateLimited(3000);
    expect(limiter.rate).toBe(4);
    await limiter.acquire();
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
    clock.advance(20_000);
    await limiter.acquire();
    expect(limiter.rate).toBe(8);
  });

  it('is off at 0', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ requestsPerSecond: 0, ...clock });
    for (let i = 0; i < 100; i++) await limiter.acquire();
    expect(clock.now()).toBe(0);
  });
});

describe('mapBounded', () => {
  it('keeps order, bounds concurrency and captures failures', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapBounded([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      if (n === 4) throw new Error('four');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => (r.ok ? r.value : 'err'))).toEqual([10, 20, 30, 'err', 50, 60]);
  });
});

describe('buildMatrix', () => {
  it('balances agents across slices and respects the cap', () => {
    const files = Array.from({ length: 10 }, (_, i) => ({
      path: `m/${i}.yaml`,
      agentIds: Array.from({ length: (i % 3) + 1 }, (_, j) => `${i}-${j}`),
    }));
    const { include } = buildMatrix(files, 3);
    expect(include).toHaveLength(3);
    const sizes = include.map((s) => s.agents.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(include.flatMap((s) => s.files).sort()).toEqual(files.map((f) => f.path).sort());
    expect(
      buildMatrix(
        Array.from({ length: 400 }, (_, i) => ({ path: `${i}`, agentIds: ['a'] })),
        1000,
      ).include,
    ).toHaveLength(256);
  });
});

describe('limiter against a rate-limited emulator', () => {
  it('a shared limiter below the server limit draws no 429', async () => {
    const { startEmulator } = await import('../../src/emulator/index.js');
    const { AtomsClient } = await import('../../src/atoms/client.js');
    const emu = await startEmulator({
      versioning: 'v1',
      rateLimitPerSecond: 50,
      seed: { agents: [{ _id: '65f1a2b3c4d5e6f708192a3b' }] },
    });
    try {
      const api = new AtomsClient({
        apiKey: emu.apiKey,
        baseUrl: emu.url,
        limiter: createRateLimiter({ requestsPerSecond: 40 }),
      });
      await Promise.all(Array.from({ length: 60 }, () => api.getAgent('65f1a2b3c4d5e6f708192a3b')));
      expect(emu.requests.filter((r) => r.status === 429)).toEqual([]);
      expect(emu.requests).toHaveLength(60);
    } finally {
      await emu.close();
    }
  });
});

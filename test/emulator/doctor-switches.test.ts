// The switches added for `doctor`: Deprecation on kept v1 reads, rate-limit headers, and a PUT equal to the head.
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS, startV2, type Harness } from './v2-helpers.js';

let h: Harness;
afterEach(async () => h.emu.close());

describe('doctor switches', () => {
  it('--kept-v1-deprecation: the kept by-id reads say Deprecation: true only when on', async () => {
    h = await startV2();
    const head = (await h.live()).branch.headRevisionId;
    expect(
      (await h.call('GET', `/agent/65f1a2b3c4d5e6f708192a3b/versions/${head}`)).headers.get('deprecation'),
    ).toBeNull();
    h.emu.setSwitches({ keptV1Deprecation: true });
    const read = await h.call('GET', `/agent/65f1a2b3c4d5e6f708192a3b/versions/${head}`);
    expect([read.status, read.headers.get('deprecation')]).toEqual([200, 'true']);
    h.emu.setSwitches({ keptV1Reads: false });
    expect((await h.call('GET', `/agent/65f1a2b3c4d5e6f708192a3b/versions/${head}`)).status).toBe(404);
  });

  it('--rate-limit-headers: every answer names the limit and what is left of it', async () => {
    h = await startV2({ rateLimitHeaders: true, rateLimitPerSecond: 50 });
    const first = await h.call('GET', '/agent/65f1a2b3c4d5e6f708192a3b/branches');
    expect([first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')]).toEqual(['50', '49']);
    h.emu.setSwitches({ rateLimitHeaders: false });
    expect(
      (await h.call('GET', '/agent/65f1a2b3c4d5e6f708192a3b/branches')).headers.get('x-ratelimit-limit'),
    ).toBeNull();
  });

  it('--put-equal-opens-draft false: a PUT that changes nothing opens no draft; one that changes something does', async () => {
    h = await startV2({ putEqualOpensDraft: false });
    const base = await h.base();
    const equal = await h.call('PUT', `${base}/draft`, {
      postCallAnalyticsConfig: {
        ...METRICS,
        dispositionMetrics: [
          {
            dispositionMetricPrompt: 'Was it resolved?',
            identifier: 'call_resolved',
            dispositionMetricType: 'BOOLEAN',
          },
        ],
      },
    });
    expect([equal.status, equal.json.data.status]).toEqual([200, 'published']);
    expect((await h.call('GET', `${base}/draft`)).status).toBe(404);
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: { useReasoningModel: true } });
    expect((await h.call('GET', `${base}/draft`)).status).toBe(200);
    h.emu.setSwitches({ putEqualOpensDraft: true });
    await h.call('DELETE', `${base}/draft`);
    await h.call('PUT', `${base}/draft`, { postCallAnalyticsConfig: METRICS });
    expect((await h.call('GET', `${base}/draft`)).status).toBe(200);
  });
});

// The client against the emulator and against small raw servers, over real HTTP on 127.0.0.1.
import { findAnalyticsInAgentRead } from '../../src/versioning/live-config.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AtomsClient } from '../../src/atoms/client.js';
import { AtomsApiError } from '../../src/atoms/errors.js';
import { createRateLimiter } from '../../src/fleet/rate-limiter.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
const KEY = 'sk_test_secret_key_123456';
let emu: RunningEmulator;
let sleeps: number[];

function client(overrides: Partial<ConstructorParameters<typeof AtomsClient>[0]> = {}) {
  return new AtomsClient({
    apiKey: KEY,
    baseUrl: emu.url,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => 1,
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<AtomsApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AtomsApiError) return error;
    throw error;
  }
  throw new Error('expected an AtomsApiError');
}

beforeEach(async () => {
  sleeps = [];
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 0,
    keys: { [KEY]: { userId: 'u', admin: true } },
    seed: {
      agents: [
        {
          _id: AGENT,
          versions: [
            {
              isActive: true,
              postCallAnalyticsConfig: {
                dispositionMetrics: [
                  { identifier: 'a', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was it?' },
                ],
              },
            },
          ],
        },
      ],
    },
  });
});
afterEach(() => emu.close());

describe('flow', () => {
  it('walks draft → patch → publish → check → activate → verify', async () => {
    const api = client();
    const agent = await api.getAgent(AGENT);
    expect(agent.activeVersionId).toMatch(/^[a-f0-9]{24}$/);
    const draft = await api.createDraft(AGENT, { sourceVersionId: agent.activeVersionId ?? '', draftName: 'test' });
    const config = {
      dispositionMetrics: [
        { identifier: 'b', dispositionMetricType: 'INTEGER' as const, dispositionMetricPrompt: 'How many?' },
      ],
      useInternalAnalyticsModel: true,
      useReasoningModel: false,
    };
    await api.patchDraftConfig(AGENT, draft.draftId ?? '', { postCallAnalyticsConfig: config });
    expect((await api.getAgent(AGENT, { draftId: draft.draftId ?? '' })).configSource).toBe('draft');
    const version = await api.publishDraft(AGENT, draft.draftId ?? '', { label: 'L', description: 'D' });
    expect(version.isActive).toBe(false);
    expect((await api.getVersion(AGENT, version._id)).version.securityCheck?.status).toBe('passed');
    expect((await api.activateVersion(AGENT, version._id)).isActive).toBe(true);
    const live = await api.getAgent(AGENT);
    expect(live.activeVersionId).toBe(version._id);
    expect(findAnalyticsInAgentRead(live.resolvedConfig)).toMatchObject({
      found: true,
      config: { dispositionMetrics: config.dispositionMetrics },
    });
    expect((await api.listVersions(AGENT)).versions.map((v) => v._id)[0]).toBe(version._id);
  });
});

describe('errors', () => {
  it('agent not found (400 "No agent found") names the agent and asks about the key', async () => {
    const error = await caught(client().getAgent('aaaaaaaaaaaaaaaaaaaaaaaa'));
    expect(error.kind).toBe('agent-not-found');
    expect(error.message).toBe(
      'Agent aaaaaaaaaaaaaaaaaaaaaaaa was not found (the API answered "No agent found"). Is agentId right, and does the API key belong to the agent\'s organisation?',
    );
  });

  it('401 names the input, never the key', async () => {
    const error = await caught(client({ apiKey: 'sk_wrong_key_98765' }).getAgent(AGENT));
    expect(error.kind).toBe('unauthorized');
    expect(error.message).toContain('api-key input');
    expect(`${error.message} ${error.stack} ${String(error.cause)}`).not.toContain('sk_wrong_key_98765');
  });

  it('branch model 409 says so', async () => {
    emu.setBranchModel(true);
    const error = await caught(client().listVersions(AGENT));
    expect([error.kind, error.status]).toEqual(['branch-model', 409]);
  });

  it('security check pending and failed are typed', async () => {
    const api = client();
    const agent = await api.getAgent(AGENT);
    emu.setSecurityCheckMs(60_000);
    const publish = async () => {
      const draft = await api.createDraft(AGENT, { sourceVersionId: agent.activeVersionId ?? '' });
      return api.publishDraft(AGENT, draft.draftId ?? '', {});
    };
    const pending = await publish();
    expect((await caught(api.activateVersion(AGENT, pending._id))).kind).toBe('security-check-pending');
    emu.setSecurityCheckMs(0);
    emu.failNextSecurityCheck('unsafe prompt');
    const failed = await publish();
    const error = await caught(api.activateVersion(AGENT, failed._id));
    expect(error.kind).toBe('security-check-failed');
    expect(error.message).toContain('unsafe prompt');
  });

  it('an unknown route (HTML 404) is a clear error, not a parse crash', async () => {
    const error = await caught(
      new AtomsClient({ apiKey: KEY, baseUrl: emu.url.replace('/atoms/v1', '/wrong') }).getAgent(AGENT),
    );
    expect(error.kind).toBe('no-route');
    expect(error.message).toContain('Is api-url right');
  });

  it('does not retry 400/401/403/404', async () => {
    for (const status of [400, 401, 403, 404]) {
      emu.injectFault({ path: `/agent/${AGENT}`, status, times: 5 });
      await caught(client().getAgent(AGENT));
      emu.clearFaults();
    }
    expect(sleeps).toEqual([]);
  });
});

describe('riding out faults', () => {
  it('retries a read through 503 and a connection reset', async () => {
    emu.injectFault({ path: `/agent/${AGENT}`, status: 503, times: 2 });
    emu.injectFault({ path: `/agent/${AGENT}`, reset: true, times: 1 });
    expect((await client().getAgent(AGENT)).agentId).toBe(AGENT);
    expect(sleeps).toEqual([500, 1000, 2000]);
  });

  it('honours Retry-After on 429 even for POST', async () => {
    const active = (await client().getAgent(AGENT)).activeVersionId ?? '';
    emu.injectFault({ method: 'POST', path: `/agent/${AGENT}/drafts`, status: 429, headers: { 'retry-after': '3' } });
    await client().createDraft(AGENT, { sourceVersionId: active });
    expect(sleeps).toEqual([3000]);
    expect(emu.getAgentState(AGENT)?.drafts).toHaveLength(1);
  });

  it('fails fast when Retry-After exceeds the cap', async () => {
    emu.injectFault({ path: `/agent/${AGENT}`, status: 429, headers: { 'retry-after': '3600' } });
    const error = await caught(client().getAgent(AGENT));
    expect(error.kind).toBe('rate-limited');
    expect(error.message).toContain('asked to wait 3600 s');
    expect(sleeps).toEqual([]);
  });

  it('a Retry-After over the cap does not park the other requests for that long', async () => {
    let clock = 0;
    const limiterSleeps: number[] = [];
    const limiter = createRateLimiter({
      requestsPerSecond: 8,
      now: () => clock,
      sleep: async (ms) => void limiterSleeps.push(ms),
    });
    const api = client({ limiter, now: () => clock });
    emu.injectFault({ path: `/agent/${AGENT}`, status: 429, headers: { 'retry-after': '7200' } });
    expect((await caught(api.getAgent(AGENT))).kind).toBe('rate-limited');
    await api.getAgent(AGENT);
    expect(Math.max(0, ...limiterSleeps)).toBeLessThanOrEqual(60_000);
  });

  it('never repeats a POST that failed after taking effect, and says it may have', async () => {
    const active = (await client().getAgent(AGENT)).activeVersionId ?? '';
    emu.injectFault({ method: 'POST', path: `/agent/${AGENT}/drafts`, status: 502, afterEffect: true });
    const error = await caught(client().createDraft(AGENT, { sourceVersionId: active }));
    expect([error.kind, error.mayHaveTakenEffect]).toEqual(['server', true]);
    expect(emu.getAgentState(AGENT)?.drafts).toHaveLength(1);
    emu.injectFault({ method: 'POST', path: `/agent/${AGENT}/drafts`, reset: true, afterEffect: true });
    expect((await caught(client().createDraft(AGENT, { sourceVersionId: active }))).mayHaveTakenEffect).toBe(true);
    expect(emu.getAgentState(AGENT)?.drafts).toHaveLength(2);
    expect(sleeps).toEqual([]);
  });

  it('times out a hanging request and stops at the overall deadline', async () => {
    emu.injectFault({ path: `/agent/${AGENT}`, delayMs: 300, times: 10 });
    const started = Date.now();
    const error = await caught(
      client({
        requestTimeoutMs: 50,
        deadlineMs: 400,
        sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))),
      }).getAgent(AGENT),
    );
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('raw servers', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/atoms/v1`;
  }

  it('honours an HTTP-date Retry-After and the documented 429 body', async () => {
    let calls = 0;
    const url = await serve((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': new Date(Date.now() + 2000).toUTCString(),
        });
        res.end(
          JSON.stringify({ status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 2 }),
        );
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: true, data: { _id: AGENT, name: 'x', activeVersionId: null } }));
      }
    });
    await new AtomsClient({
      apiKey: KEY,
      baseUrl: url,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 0,
    }).getAgent(AGENT);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(500);
    expect(sleeps[0]).toBeLessThanOrEqual(2000);
  });

  it('refuses redirects, oversized bodies and non-JSON success bodies', async () => {
    const url = await serve((req, res) => {
      if (req.url?.includes('aaaaaaaaaaaaaaaaaaaaaaaa')) {
        res.writeHead(302, { location: 'http://127.0.0.1:1/' });
        res.end();
      } else if (req.url?.includes('bbbbbbbbbbbbbbbbbbbbbbbb')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('x'.repeat(11 * 1024 * 1024));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status": true, "data": ');
      }
    });
    const api = new AtomsClient({ apiKey: KEY, baseUrl: url, sleep: async () => {} });
    expect((await caught(api.getAgent('aaaaaaaaaaaaaaaaaaaaaaaa'))).message).toContain('redirect');
    expect((await caught(api.getAgent('bbbbbbbbbbbbbbbbbbbbbbbb'))).message).toContain('more than');
    expect((await caught(api.getAgent('cccccccccccccccccccccccc'))).kind).toBe('invalid-response');
  });

  it('no message, stack or cause of any failure contains the key', async () => {
    const url = await serve((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: false, errors: [`echo ${req.headers.authorization}`] }));
    });
    const error = await caught(
      new AtomsClient({ apiKey: KEY, baseUrl: url, sleep: async () => {}, maxAttempts: 2 }).getAgent(AGENT),
    );
    const everything = [error.message, error.stack, String(error.cause), ...error.serverMessages].join('\n');
    expect(everything).not.toContain(KEY);
    expect(everything).not.toMatch(/Bearer sk_/);
  });
});

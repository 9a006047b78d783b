// One test per pitfall of fact sheet §12.7, plus the global behaviour of §12.1, over real HTTP.
import type { Json } from '../support/json.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
let clock = 1_000_000;
let emu: RunningEmulator;

async function call(method: string, path: string, body?: unknown, key: string | null = emu.apiKey) {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json = undefined;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}

const METRICS = {
  dispositionMetrics: [
    { identifier: 'call_resolved', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was it resolved?' },
  ],
  useInternalAnalyticsModel: true,
  useReasoningModel: false,
};
const NEW_METRICS = {
  dispositionMetrics: [
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'Outcome?',
      choices: ['a', 'b'],
    },
  ],
};

async function publishedVersion(): Promise<{ versionId: string; draftId: string }> {
  const agent = await call('GET', `/agent/${AGENT}`);
  const draft = await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: agent.json.data.activeVersionId });
  const draftId = draft.json.data.draftId;
  await call('PATCH', `/agent/${AGENT}/drafts/${draftId}/config`, { postCallAnalyticsConfig: NEW_METRICS });
  const published = await call('POST', `/agent/${AGENT}/drafts/${draftId}/publish`, { label: 'x', activate: true });
  return { versionId: published.json.data._id, draftId };
}

beforeEach(async () => {
  clock = 1_000_000;
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 6000,
    now: () => clock,
    seed: { agents: [{ _id: AGENT, versions: [{ isActive: true, postCallAnalyticsConfig: METRICS }] }] },
  });
});
afterEach(() => emu.close());

describe('§12.7 pitfalls', () => {
  it('1. publish with activate:true leaves the version inactive and live unchanged', async () => {
    const before = (await call('GET', `/agent/${AGENT}`)).json.data;
    const { versionId } = await publishedVersion();
    const version = (await call('GET', `/agent/${AGENT}/versions/${versionId}`)).json.data.version;
    expect(version.isActive).toBe(false);
    const after = (await call('GET', `/agent/${AGENT}`)).json.data;
    expect(after.activeVersionId).toBe(before.activeVersionId);
    expect(after._resolvedConfig.postCallAnalyticsConfig.dispositionMetrics).toEqual(METRICS.dispositionMetrics);
  });

  it('2. activating during the security check fails; after it passes, succeeds', async () => {
    const { versionId } = await publishedVersion();
    const early = await call('PATCH', `/agent/${AGENT}/versions/${versionId}/activate`);
    expect(early.status).toBe(400);
    expect(early.json).toEqual({ status: false, errors: ['Security check pending for this version'] });
    expect((await call('GET', `/agent/${AGENT}/versions/${versionId}`)).json.data.version.securityCheck.status).toBe(
      'pending',
    );
    clock += 6000;
    expect((await call('GET', `/agent/${AGENT}/versions/${versionId}`)).json.data.version.securityCheck.status).toBe(
      'passed',
    );
    const late = await call('PATCH', `/agent/${AGENT}/versions/${versionId}/activate`);
    expect(late.status).toBe(200);
    expect(late.json.data.isActive).toBe(true);
    expect(
      (await call('GET', `/agent/${AGENT}`)).json.data._resolvedConfig.postCallAnalyticsConfig.dispositionMetrics,
    ).toEqual(NEW_METRICS.dispositionMetrics);
  });

  it('2b. a failed security check blocks activation and carries the reason', async () => {
    emu.failNextSecurityCheck('prompt injection detected');
    const { versionId } = await publishedVersion();
    clock += 6000;
    const res = await call('PATCH', `/agent/${AGENT}/versions/${versionId}/activate`);
    expect(res.json).toEqual({ status: false, errors: ['Security check failed: prompt injection detected'] });
  });

  it('3. POST /drafts {} is a 400', async () => {
    const res = await call('POST', `/agent/${AGENT}/drafts`, {});
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual(['Either sourceVersionId or sourceDraftId is required']);
  });

  it('4. the config PATCH does not echo config; the draft read-back shows it', async () => {
    const agent = await call('GET', `/agent/${AGENT}`);
    const draftId = (await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: agent.json.data.activeVersionId }))
      .json.data.draftId;
    const patched = await call('PATCH', `/agent/${AGENT}/drafts/${draftId}/config`, {
      postCallAnalyticsConfig: NEW_METRICS,
    });
    expect(patched.status).toBe(200);
    expect(patched.text).not.toContain('call_outcome');
    expect(patched.json.data.draftRevision).toBe(1);
    const readBack = await call('GET', `/agent/${AGENT}?draftId=${draftId}`);
    expect(readBack.json.data._configSource).toBe('draft');
    expect(readBack.json.data._resolvedConfig.postCallAnalyticsConfig.dispositionMetrics).toEqual(
      NEW_METRICS.dispositionMetrics,
    );
  });

  it('5. dispositionMetrics is replaced wholesale, other keys merged', async () => {
    const agent = await call('GET', `/agent/${AGENT}`);
    const draftId = (await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: agent.json.data.activeVersionId }))
      .json.data.draftId;
    await call('PATCH', `/agent/${AGENT}/drafts/${draftId}/config`, {
      postCallAnalyticsConfig: { useReasoningModel: true, dispositionMetrics: NEW_METRICS.dispositionMetrics },
    });
    const config = (await call('GET', `/agent/${AGENT}?draftId=${draftId}`)).json.data._resolvedConfig
      .postCallAnalyticsConfig;
    expect(config.dispositionMetrics).toEqual(NEW_METRICS.dispositionMetrics);
    expect(config.useReasoningModel).toBe(true);
    expect(config.useInternalAnalyticsModel).toBe(true);
  });

  it('6. activating twice is idempotent', async () => {
    const { versionId } = await publishedVersion();
    clock += 6000;
    const first = await call('PATCH', `/agent/${AGENT}/versions/${versionId}/activate`);
    const second = await call('PATCH', `/agent/${AGENT}/versions/${versionId}/activate`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.json.data.activatedAt).toBe(first.json.data.activatedAt);
  });

  it('7. GET /agent/{unknown} is 400 "No agent found"', async () => {
    const res = await call('GET', '/agent/aaaaaaaaaaaaaaaaaaaaaaaa');
    expect([res.status, res.json]).toEqual([400, { status: false, errors: ['No agent found'] }]);
    expect((await call('GET', '/agent/aaaaaaaaaaaaaaaaaaaaaaaa/versions')).status).toBe(404);
  });

  it('8. versions total ignores isPinned', async () => {
    await publishedVersion();
    const res = await call('GET', `/agent/${AGENT}/versions?isPinned=true`);
    expect(res.json.data.versions).toEqual([]);
    expect(res.json.data.total).toBe(2);
  });

  it('9. legacy nested dispositionValues.type is accepted and stored flat', async () => {
    const agent = await call('GET', `/agent/${AGENT}`);
    const draftId = (await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: agent.json.data.activeVersionId }))
      .json.data.draftId;
    const res = await call('PATCH', `/agent/${AGENT}/drafts/${draftId}/config`, {
      postCallAnalyticsConfig: {
        dispositionMetrics: [
          { identifier: 'x', dispositionMetricPrompt: 'Was it?', dispositionValues: { type: 'BOOLEAN' } },
        ],
      },
    });
    expect(res.status).toBe(200);
    const stored = (await call('GET', `/agent/${AGENT}?draftId=${draftId}`)).json.data._resolvedConfig
      .postCallAnalyticsConfig.dispositionMetrics;
    expect(stored).toEqual([{ identifier: 'x', dispositionMetricPrompt: 'Was it?', dispositionMetricType: 'BOOLEAN' }]);
  });

  it('10. a malformed version id is 400 "Invalid versionId format"', async () => {
    const res = await call('PATCH', `/agent/${AGENT}/versions/not-an-id/activate`);
    expect([res.status, res.json.errors]).toEqual([400, ['Invalid versionId format']]);
    expect((await call('GET', '/agent/xyz')).json.errors).toEqual(['Invalid agentId format']);
  });

  it('11. branch-model mode answers v1 writes and lists with 409 + Deprecation: true; by-id reads keep working', async () => {
    emu.setBranchModel(true);
    const res = await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: 'a'.repeat(24) });
    expect(res.status).toBe(409);
    expect(res.headers.get('deprecation')).toBe('true');
    expect(res.json.error_type).toBe('versioning_v2_migration_required');
    expect((await call('GET', `/agent/${AGENT}/versions`)).status).toBe(409);
    const active = (await call('GET', `/agent/${AGENT}`)).json.data.activeVersionId;
    expect((await call('GET', `/agent/${AGENT}/versions/${active}`)).status).toBe(200);
  });

  it('12. rate limit answers 429 with Retry-After, in both body shapes', async () => {
    await emu.close();
    for (const shape of ['envelope', 'documented'] as const) {
      emu = await startEmulator({
        versioning: 'v1',
        rateLimitPerSecond: 2,
        rateLimitBody: shape,
        now: () => clock,
        seed: { agents: [{ _id: AGENT }] },
      });
      const statuses = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await call('GET', `/agent/${AGENT}`);
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(last?.headers.get('retry-after')).toBe('1');
      expect(last?.json).toEqual(
        shape === 'envelope'
          ? { status: false, errors: ['Rate limit exceeded'] }
          : { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 1 },
      );
      clock += 1000;
      expect((await call('GET', `/agent/${AGENT}`)).status).toBe(200);
      if (shape === 'envelope') await emu.close();
    }
  });
});

describe('§12.1 global behaviour', () => {
  it('requires a bearer key (401 envelope)', async () => {
    expect((await call('GET', `/agent/${AGENT}`, undefined, null)).json).toEqual({
      status: false,
      errors: ['Unauthorized: User not found'],
    });
    expect((await call('GET', `/agent/${AGENT}`, undefined, 'sk_wrong')).status).toBe(401);
  });

  it('answers unknown routes, and plain DELETE /agent/{id}, with Express HTML 404', async () => {
    for (const [method, path] of [
      ['GET', '/organization'],
      ['DELETE', `/agent/${AGENT}`],
    ] as const) {
      const res = await call(method, path);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.text).toContain(`Cannot ${method} /atoms/v1${path}`);
    }
  });

  it('adds x-request-id and rejects bad JSON', async () => {
    const res = await fetch(`${emu.url}/agent/${AGENT}/drafts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.apiKey}` },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('drafts: only the creator or an admin discards; discarded drafts vanish', async () => {
    await emu.close();
    emu = await startEmulator({
      versioning: 'v1',
      now: () => clock,
      keys: { sk_a: { userId: 'a' }, sk_b: { userId: 'b' } },
      seed: { agents: [{ _id: AGENT }] },
    });
    const active = (await call('GET', `/agent/${AGENT}`, undefined, 'sk_a')).json.data.activeVersionId;
    const draftId = (await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: active }, 'sk_a')).json.data
      .draftId;
    expect((await call('DELETE', `/agent/${AGENT}/drafts/${draftId}`, undefined, 'sk_b')).status).toBe(403);
    expect((await call('DELETE', `/agent/${AGENT}/drafts/${draftId}`, undefined, 'sk_a')).json).toEqual({
      status: true,
      data: null,
    });
    expect((await call('GET', `/agent/${AGENT}/drafts`, undefined, 'sk_a')).json.data).toEqual([]);
    expect((await call('POST', `/agent/${AGENT}/drafts/${draftId}/publish`, {}, 'sk_a')).status).toBe(404);
  });

  it('POST /agent creates an agent with an active V1 and checks language.switching', async () => {
    expect((await call('POST', '/agent', { name: 'x', language: { default: 'en' } })).json.errors).toEqual([
      'Invalid Input: Required',
    ]);
    const created = await call('POST', '/agent', { name: 'New agent' });
    expect(created.status).toBe(201);
    const agent = (await call('GET', `/agent/${created.json.data}`)).json.data;
    expect(agent.activeVersionId).toMatch(/^[a-f0-9]{24}$/);
    expect(agent._resolvedConfig.postCallAnalyticsConfig).toEqual({
      dispositionMetrics: [],
      successMetrics: [],
      summaryPrompt: '',
      useInternalAnalyticsModel: true,
      useReasoningModel: false,
    });
  });

  it('publish removes the draft; republishing it is 404; publish validates label length', async () => {
    const { draftId } = await publishedVersion();
    expect((await call('POST', `/agent/${AGENT}/drafts/${draftId}/publish`, {})).status).toBe(404);
    const active = (await call('GET', `/agent/${AGENT}`)).json.data.activeVersionId;
    const other = (await call('POST', `/agent/${AGENT}/drafts`, { sourceVersionId: active })).json.data.draftId;
    expect((await call('POST', `/agent/${AGENT}/drafts/${other}/publish`, { label: 'x'.repeat(201) })).status).toBe(
      400,
    );
  });
});

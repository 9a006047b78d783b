// The doctor's pure decisions, as tables over recorded answers: model, metrics location, the read findings, the
// --write findings, the emulator flags and the meanings.
import { describe, expect, it } from 'vitest';
import { toEmulatorArgs } from '../../src/doctor/emulator-args.js';
import { callLogFindings, interpretRead, rateLimitFinding } from '../../src/doctor/interpret-read.js';
import { interpretWrite } from '../../src/doctor/interpret-write.js';
import { meaningOf } from '../../src/doctor/meanings.js';
import type { Method, ProbeAnswer } from '../../src/doctor/probe-client.js';
import { PROBE_METRIC } from '../../src/doctor/probe-metric.js';
import { decideModel, locateMetrics } from '../../src/doctor/read-decisions.js';
import type { ReadFacts, WriteFacts } from '../../src/doctor/types.js';

const A = '65f1a2b3c4d5e6f708192a3b';
const HEAD = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const OLD = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const answer = (
  status: number,
  data?: unknown,
  headers: Record<string, string> = {},
  extra: { html?: boolean; body?: unknown; method?: Method } = {},
): ProbeAnswer => ({
  method: extra.method ?? 'GET',
  path: '/x',
  status,
  headers,
  body:
    extra.body ??
    (data === undefined
      ? undefined
      : status < 300
        ? { status: true, data }
        : { status: false, errors: [String(data)] }),
  html: extra.html ?? false,
});
const METRICS = {
  dispositionMetrics: [{ identifier: 'a', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'A?' }],
};
const OTHER = {
  dispositionMetrics: [{ identifier: 'b', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'B?' }],
};
const branches = (isDefault = true) =>
  answer(200, {
    branches: [
      {
        branch: {
          _id: 'cccccccccccccccccccccccc',
          name: isDefault ? 'Main' : 'experiment',
          isDefault,
          headRevisionId: HEAD,
        },
        isLive: true,
      },
    ],
  });
const MIGRATION = answer(
  409,
  undefined,
  { deprecation: 'true' },
  { body: { status: false, error_type: 'versioning_v2_migration_required', errors: ['deprecated'] } },
);
const HTML_404 = answer(404, undefined, {}, { html: true, body: undefined });

describe('decideModel', () => {
  const cases: [string, ProbeAnswer, ProbeAnswer, Record<string, unknown>][] = [
    ['a live branch → v2', branches(), MIGRATION, { model: 'v2' }],
    [
      'no v2 routes, v1 list answers → v1, branches absent',
      HTML_404,
      answer(200, { versions: [] }),
      { model: 'v1', v1Branches: 'absent' },
    ],
    [
      'no branches, v1 list answers → v1, branches empty',
      answer(200, { branches: [] }),
      answer(200, { versions: [] }),
      { model: 'v1', v1Branches: 'empty' },
    ],
    [
      'no branches but the v1 list is blocked → v2 (no live branch)',
      answer(200, { branches: [] }),
      MIGRATION,
      { model: 'v2' },
    ],
    [
      '401 → the key',
      answer(401, 'Unauthorized'),
      answer(401, 'Unauthorized'),
      { problem: expect.stringContaining('rejected the key (401)') },
    ],
    [
      'a JSON 404 → not found',
      answer(404, 'Resource not found'),
      MIGRATION,
      { problem: expect.stringContaining('not found: GET /branches answered 404: Resource not found') },
    ],
    [
      'neither answers → a problem naming both',
      answer(500, 'boom'),
      answer(502, 'bad gateway'),
      { problem: expect.stringContaining('GET /branches 500: boom; GET /versions 502: bad gateway') },
    ],
  ];
  it.each(cases)('%s', (_name, b, v, expected) => expect(decideModel(b, v)).toMatchObject(expected));
});

describe('locateMetrics', () => {
  const cases: [string, unknown, unknown][] = [
    [
      'nested',
      { analytics: { postCallAnalyticsConfig: METRICS } },
      { location: 'analytics.postCallAnalyticsConfig', metrics: METRICS },
    ],
    [
      'flat in the section, section fields left out',
      { analytics: { ...METRICS, callDispositionConfig: '' } },
      { location: 'analytics', metrics: METRICS },
    ],
    ['top-level', { analytics: {}, postCallAnalyticsConfig: METRICS }, { location: 'top-level', metrics: METRICS }],
    [
      'nowhere',
      { analytics: { dispositionMetrics: 'no' } },
      { missing: expect.stringContaining('sections: analytics') },
    ],
    ['no resolvedConfig', undefined, { missing: 'the revision read has no resolvedConfig' }],
  ];
  it.each(cases)('%s', (_name, resolved, expected) => expect(locateMetrics(resolved)).toEqual(expected));
});

function facts(
  agent: { metrics: unknown; active?: string; status?: number },
  head: { versionNumber: number | null; metrics?: unknown } = { versionNumber: null },
  extra: Partial<ReadFacts> = {},
): ReadFacts {
  return {
    agentId: A,
    branches: branches(),
    versionsList: MIGRATION,
    agent: answer(agent.status ?? 200, {
      _resolvedConfig: { postCallAnalyticsConfig: agent.metrics },
      ...(agent.active ? { activeVersionId: agent.active } : {}),
    }),
    conversations: answer(200, { logs: [] }),
    headRevision: answer(200, {
      revision: { _id: HEAD, versionNumber: head.versionNumber },
      resolvedConfig: { analytics: head.metrics ?? METRICS },
    }),
    revisions: answer(200, {
      revisions: [
        { _id: HEAD, label: null, securityCheck: { status: 'passed' } },
        { _id: OLD, label: 'Launch', securityCheck: { status: 'Scanning' } },
        { _id: 'dddddddddddddddddddddddd', securityCheck: null },
      ],
    }),
    keptV1Read: answer(200, { version: {} }),
    ...extra,
  };
}
const findingsOf = (f: ReadFacts) =>
  Object.fromEntries(interpretRead(f, { model: 'v2', evidence: '' }).map((x) => [x.id, x.answer]));

describe('interpretRead', () => {
  const cases: [string, ReadFacts, Record<string, string>][] = [
    [
      'GET /agent differs from the head → does not follow',
      facts({ metrics: OTHER, active: OLD }),
      { 'agent-read-follows-live': 'no' },
    ],
    [
      'equal metrics but another activeVersionId → does not follow',
      facts({ metrics: METRICS, active: OLD }),
      { 'agent-read-follows-live': 'no' },
    ],
    [
      'equal, and the head was published after the migration → follows',
      facts({ metrics: METRICS, active: HEAD }),
      { 'agent-read-follows-live': 'yes' },
    ],
    [
      'equal, but the head is the migration revision → unknown',
      facts({ metrics: METRICS }, { versionNumber: 3 }),
      { 'agent-read-follows-live': 'unknown' },
    ],
    ['GET /agent fails → unknown', facts({ metrics: METRICS, status: 500 }), { 'agent-read-follows-live': 'unknown' }],
    [
      'kept read with Deprecation',
      facts({ metrics: METRICS }, undefined, { keptV1Read: answer(200, {}, { deprecation: 'true' }) }),
      { 'kept-v1-reads': 'yes', 'kept-v1-deprecation': 'yes' },
    ],
    [
      'kept read gone',
      facts({ metrics: METRICS }, undefined, { keptV1Read: answer(404, 'Version not found') }),
      { 'kept-v1-reads': 'no', 'kept-v1-deprecation': 'unknown' },
    ],
    [
      'kept read broken',
      facts({ metrics: METRICS }, undefined, { keptV1Read: answer(500, 'boom') }),
      { 'kept-v1-reads': 'unknown', 'kept-v1-deprecation': 'unknown' },
    ],
    [
      'history: statuses in lower case, none for no check; labels seen',
      facts({ metrics: METRICS }),
      { 'scan-status-values': 'none,passed,scanning', 'labels-in-history': 'yes' },
    ],
    [
      'another branch than Main is live',
      facts({ metrics: METRICS }, undefined, { branches: branches(false) }),
      { 'live-branch': 'experiment', 'live-branch-default': 'no' },
    ],
    [
      'metrics nowhere in the head',
      facts({ metrics: METRICS }, { versionNumber: null, metrics: { nothing: true } }),
      { 'metrics-location': 'unknown', 'agent-read-follows-live': 'unknown' },
    ],
  ];
  it.each(cases)('%s', (_name, f, expected) => expect(findingsOf(f)).toMatchObject(expected));

  it('a v2 agent with no live branch answers unknown everywhere, with the reason', () => {
    const found = interpretRead(
      { ...facts({ metrics: METRICS }), branches: answer(200, { branches: [] }) },
      { model: 'v2', evidence: '' },
    );
    expect(found.find((f) => f.id === 'metrics-location')).toEqual({
      id: 'metrics-location',
      answer: 'unknown',
      evidence: 'no live branch: the agent has no branches (not migrated to the branch model?)',
    });
  });

  it('rate-limit headers by name, whatever the prefix', () => {
    expect(
      rateLimitFinding([
        answer(200, {}, { 'x-ratelimit-limit': '100' }),
        answer(200, {}, { 'ratelimit-remaining': '9' }),
      ]),
    ).toEqual({ id: 'rate-limit-headers', answer: 'yes', evidence: 'x-ratelimit-limit: 100, ratelimit-remaining: 9' });
    expect(rateLimitFinding([answer(200, {}, { 'x-request-id': 'r' })]).answer).toBe('no');
  });

  const logs: [string, ProbeAnswer, [string, string]][] = [
    [
      'a map with both ids',
      answer(200, { logs: [{ dispositionMetrics: { a: 'yes' }, versionId: HEAD, versionNumber: 2 }] }),
      ['map', 'both'],
    ],
    [
      'a list, versionId only',
      answer(200, { logs: [{ dispositionMetrics: [], versionId: HEAD, versionNumber: null }] }),
      ['list', 'versionId'],
    ],
    ['absent, number only', answer(200, { logs: [{ versionNumber: 3 }] }), ['absent', 'versionNumber']],
    ['no calls', answer(200, { logs: [] }), ['unknown', 'unknown']],
    ['an error', answer(504, 'timeout'), ['unknown', 'unknown']],
  ];
  it.each(logs)('call logs: %s', (_name, a, expected) =>
    expect(callLogFindings(a).map((f) => f.answer)).toEqual(expected),
  );
});

const LABEL = 'atoms-metrics doctor 2026-12-07T03:00:00.000Z';
const head = (metrics: Record<string, unknown>, label: string | null = LABEL) =>
  answer(200, { revision: { _id: HEAD, label }, resolvedConfig: { analytics: metrics } });
const WITH_PROBE = { dispositionMetrics: [...METRICS.dispositionMetrics, PROBE_METRIC] };
const written = (f: Partial<WriteFacts>) =>
  Object.fromEntries(interpretWrite({ label: LABEL, ...f }).map((x) => [x.id, x.answer]));

describe('interpretWrite', () => {
  const cases: [string, Partial<WriteFacts>, Record<string, string>][] = [
    [
      'merge, committed at once, label kept, equal PUT opens a draft',
      {
        publish: answer(200, { state: 'committed' }),
        newHead: head({ ...WITH_PROBE, useReasoningModel: true }),
        putEqual: answer(200, {}),
        draftAfterEqual: answer(200, {}),
      },
      {
        'put-merge': 'merge',
        'scan-on-analytics-change': 'no',
        'label-persisted': 'yes',
        'put-equal-opens-draft': 'yes',
      },
    ],
    [
      'replace (flag gone), scanned, label dropped, no draft',
      {
        publish: answer(202, { state: 'scanning' }),
        scan: { outcome: 'committed', waitedMs: 6100, polls: 4, status: 'passed' },
        newHead: head(WITH_PROBE, null),
        putEqual: answer(200, {}),
        draftAfterEqual: answer(404, 'No open draft'),
      },
      {
        'put-merge': 'replace',
        'scan-on-analytics-change': 'yes',
        'label-persisted': 'no',
        'put-equal-opens-draft': 'no',
      },
    ],
    [
      'replace (flag reset to false)',
      { publish: answer(200, {}), newHead: head({ ...WITH_PROBE, useReasoningModel: false }) },
      { 'put-merge': 'replace' },
    ],
    [
      'the PUTs did not land',
      { publish: answer(200, {}), newHead: head({ ...METRICS, useReasoningModel: true }) },
      { 'put-merge': 'unknown', 'label-persisted': 'yes' },
    ],
    [
      'an equal PUT refused',
      {
        publish: answer(200, {}),
        newHead: head(WITH_PROBE),
        putEqual: answer(400, 'No recognized config fields in request body'),
      },
      { 'put-equal-opens-draft': 'unknown' },
    ],
    [
      'a failed scan',
      {
        publish: answer(202, {}),
        scan: { outcome: 'failed', waitedMs: 5000, polls: 3, status: 'failed' },
        stop: { step: 'wait for the scan', kind: 'failed', reason: 'the scan ended failed' },
      },
      {
        'put-merge': 'unknown',
        'scan-on-analytics-change': 'yes',
        'label-persisted': 'unknown',
        'put-equal-opens-draft': 'unknown',
      },
    ],
    [
      'a freeze before publishing',
      { stop: { step: 'PUT the whole analytics object', kind: 'freeze', reason: 'PUT answered 423' } },
      {
        'put-merge': 'unknown',
        'scan-on-analytics-change': 'unknown',
        'label-persisted': 'unknown',
        'put-equal-opens-draft': 'unknown',
      },
    ],
  ];
  it.each(cases)('%s', (_name, f, expected) => expect(written(f)).toMatchObject(expected));

  it('an unfinished finding says where and how the experiment stopped', () => {
    const [merge] = interpretWrite({
      label: LABEL,
      stop: { step: 'publish', kind: 'freeze', reason: 'POST answered 423' },
    });
    expect(merge?.evidence).toBe('not found out: the step "publish" hit a config freeze (423): POST answered 423');
  });
});

describe('toEmulatorArgs', () => {
  const f = (id: string, answer: string) => ({ id, answer, evidence: '' });
  it('maps every replayable answer to the emulator flag, and leaves unknowns to its defaults', () => {
    const findings = [
      f('model', 'v2'),
      f('metrics-location', 'top-level'),
      f('agent-read-follows-live', 'no'),
      f('kept-v1-reads', 'unknown'),
      f('rate-limit-headers', 'yes'),
      f('call-log-metrics', 'map'),
      f('put-merge', 'replace'),
      f('scan-on-analytics-change', 'yes'),
      f('label-persisted', 'no'),
      f('put-equal-opens-draft', 'yes'),
      f('live-branch', 'Main'),
    ];
    expect(toEmulatorArgs(findings, { scanMs: 6300 })).toEqual([
      '--versioning',
      'v2',
      '--metrics-location',
      'postCallAnalyticsConfig',
      '--agent-read-follows-live',
      'false',
      '--rate-limit-headers',
      'true',
      '--calls-seed',
      '1',
      '--put-merge',
      'replace',
      '--publish-mode',
      'async',
      '--scan-analytics-changes',
      'true',
      '--security-check-ms',
      '6000',
      '--label-persisted',
      'false',
      '--put-equal-opens-draft',
      'true',
    ]);
    expect(
      toEmulatorArgs([
        f('model', 'v1'),
        f('v1-branches', 'empty'),
        f('scan-on-analytics-change', 'no'),
        f('call-log-metrics', 'list'),
      ]),
    ).toEqual(['--versioning', 'v1', '--v1-branches', 'empty', '--scan-analytics-changes', 'false']);
  });
});

describe('meaningOf', () => {
  const answers: [string, string[]][] = [
    ['model', ['v1', 'v2']],
    ['v1-branches', ['absent', 'empty']],
    ['live-branch-default', ['yes', 'no']],
    ['metrics-location', ['analytics', 'unknown']],
    ['agent-read-follows-live', ['yes', 'no']],
    ['kept-v1-reads', ['yes', 'no']],
    ['kept-v1-deprecation', ['yes', 'no']],
    ['labels-in-history', ['yes', 'no']],
    ['rate-limit-headers', ['yes', 'no']],
    ['call-log-metrics', ['map', 'list', 'unknown']],
    ['call-log-version', ['both', 'none']],
    ['put-merge', ['merge', 'replace']],
    ['scan-on-analytics-change', ['yes', 'no']],
    ['label-persisted', ['yes', 'no']],
    ['put-equal-opens-draft', ['yes', 'no']],
  ];
  it.each(answers)('%s has a sentence for each answer', (id, list) => {
    for (const a of list) expect(meaningOf({ id, answer: a, evidence: '' })).toMatch(/\w/);
  });
  it("the issue's wording for replace, and new scan states are called out", () => {
    expect(meaningOf({ id: 'put-merge', answer: 'replace', evidence: '' })).toBe(
      'PUT replaces: we always send the whole analytics object, so nothing is lost',
    );
    expect(meaningOf({ id: 'scan-status-values', answer: 'passed,scanning', evidence: '' })).toContain(
      'scanning is new to it',
    );
    expect(meaningOf({ id: 'put-merge', answer: 'unknown', evidence: '' })).toBeUndefined();
    expect(meaningOf({ id: 'live-branch', answer: 'unknown', evidence: '' })).toBeUndefined();
    expect(meaningOf({ id: 'scan-status-values', answer: 'unknown', evidence: '' })).toBeUndefined();
  });
});

// Injected faults from `--fault` specs and seed files: parsing (good and bad), then over real HTTP.
import type { Json } from '../support/json.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FaultSpecError,
  SeedError,
  describeFault,
  loadSeedFile,
  parseFaultFlag,
  startEmulator,
  type RunningEmulator,
} from '../../src/emulator/index.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const AGENT = '65f1a2b3c4d5e6f708192a3b';
let emu: RunningEmulator | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await emu?.close();
  ws?.remove();
  emu = undefined;
  ws = undefined;
});

function problem(spec: string): string {
  try {
    parseFaultFlag(spec);
  } catch (error) {
    if (error instanceof FaultSpecError) return error.message;
    throw error;
  }
  throw new Error(`'${spec}' parsed`);
}

describe('parseFaultFlag', () => {
  it.each([
    [
      'POST /agent/*/branches/*/draft/publish 502 after-effect times=1',
      { method: 'POST', status: 502, afterEffect: true, times: 1 },
    ],
    ['get */revisions/* reset', { method: 'GET', reset: true }],
    ['/agent/x/drafts', { path: '/agent/x/drafts' }],
    [
      '/atoms/v1/agent/x 503 retry-after=2 delay=50 times=3',
      { path: '/agent/x', status: 503, headers: { 'retry-after': '2' }, delayMs: 50, times: 3 },
    ],
    [
      'PUT */draft error_type=config_freeze_active',
      {
        method: 'PUT',
        status: 423,
        body: {
          status: false,
          error_type: 'config_freeze_active',
          errors: ['Agent config is frozen for a maintenance window'],
        },
      },
    ],
    [
      'POST */publish error_type=publish_in_progress times=2',
      {
        status: 409,
        times: 2,
        body: {
          status: false,
          error_type: 'publish_in_progress',
          errors: ['A publish or restore is already in progress on this branch'],
        },
      },
    ],
    [
      'POST */publish 418 error_type=teapot',
      { status: 418, body: { status: false, error_type: 'teapot', errors: ['Injected 418 teapot'] } },
    ],
  ])('%s', (spec, expected) => {
    expect(parseFaultFlag(spec)).toMatchObject(expected);
  });

  it('turns * into an anchored pattern that spans slashes; a path without * matches exactly', () => {
    const { path } = parseFaultFlag('GET */revisions/*');
    expect(path).toBeInstanceOf(RegExp);
    const test = (p: string) => path instanceof RegExp && path.test(p);
    expect([
      test('/agent/a/branches/b/revisions/c'),
      test('/agent/a/branches/b/revisions'),
      test('/agent/a/revisions/c.d'),
    ]).toEqual([true, false, true]);
    expect(parseFaultFlag('GET /agent/a.b').path).toBe('/agent/a.b');
  });

  it('describes a fault as typed: a glob reads back as the glob, a regex as /source/', () => {
    expect(describeFault(parseFaultFlag('POST /agent/*/branches/*/draft/publish 502 after-effect'))).toBe(
      'POST /agent/*/branches/*/draft/publish → 502 (after the effect, 1×)',
    );
    expect(describeFault(parseFaultFlag('GET */revisions/a.b reset delay=20 times=3'))).toBe(
      'GET */revisions/a.b → connection reset (after 20 ms, 3×)',
    );
    expect(describeFault({ path: /^\/agent\/.*x/ })).toBe('(any method) /^\\/agent\\/.*x/ → 500 (1×)');
  });

  it('positions the problem in a bad spec', () => {
    expect(problem('POST /x 5000')).toBe(
      "--fault 'POST /x 5000': status 5000 is not from 100 to 599\n  POST /x 5000\n          ^",
    );
    expect(problem('FETCH /x')).toMatch(
      /^--fault 'FETCH \/x': 'FETCH' is not a method \(GET, POST, PUT, PATCH, DELETE\); leave the method out to match any\n {2}FETCH \/x\n {2}\^$/,
    );
    expect(problem('POST')).toBe(
      "--fault 'POST': a path is missing after the method, e.g. /agent/*/drafts\n  POST\n      ^",
    );
    expect(problem('POST agent/x')).toContain(
      "'agent/x' is not a path: it starts with / or *\n  POST agent/x\n       ^",
    );
    expect(problem('POST /x 502 retry')).toContain("'retry' is not a status or a known word");
    expect(problem('POST /x times=0')).toContain("times takes a whole number from 1 to 1000000, got '0'");
    expect(problem('POST /x 502 503')).toContain("a second status '503' (the first was 502)");
    expect(problem('POST /x error_type=Bad-Name')).toContain('error_type takes a snake_case name');
    expect(problem('POST /x reset 502')).toBe(
      "--fault 'POST /x reset 502': reset drops the connection, so it takes no status, error_type or retry-after\n  POST /x reset 502\n                ^",
    );
    expect(problem('  ')).toContain('--fault needs a spec');
  });
});

describe('faults over HTTP', () => {
  it('a seed file brings faults (string, regex and glob paths) and scan options, checked and applied', async () => {
    ws = makeWorkspace();
    const seed = ws.write(
      'seed.json',
      JSON.stringify({
        options: { scanOutcome: 'failed', scanReason: 'prompt injection', publishMode: 'sync' },
        faults: [
          { method: 'GET', path: `/agent/${AGENT}`, status: 503, headers: { 'retry-after': '1' }, times: 2 },
          {
            method: 'get',
            path: { regex: '/branches$' },
            status: 423,
            body: { status: false, error_type: 'config_freeze_active', errors: ['frozen'] },
          },
          { path: { glob: '*/draft' }, reset: true },
        ],
        agents: [{ _id: AGENT }],
      }),
    );
    const loaded = await loadSeedFile(seed, 'seed.json');
    expect(loaded.options).toEqual({ scanOutcome: 'failed', scanReason: 'prompt injection', publishMode: 'sync' });
    expect(loaded.faults?.[1]?.path).toEqual(/\/branches$/);
    emu = await startEmulator({ securityCheckMs: 0, seed: loaded });
    expect(emu.getSwitches()).toMatchObject({ scanOutcome: 'failed', scanReason: 'prompt injection' });
    const get = (path: string) => fetch(`${emu?.url}${path}`, { headers: { authorization: `Bearer ${emu?.apiKey}` } });
    const first = await get(`/agent/${AGENT}`);
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '1']);
    expect((await get(`/agent/${AGENT}`)).status).toBe(503);
    expect((await get(`/agent/${AGENT}`)).status).toBe(200);
    const frozen = await get(`/agent/${AGENT}/branches`);
    expect([frozen.status, await frozen.json()]).toEqual([
      423,
      { status: false, error_type: 'config_freeze_active', errors: ['frozen'] },
    ]);
    const branches: Json = await (await get(`/agent/${AGENT}/branches`)).json();
    const branchId = branches.data.branches[0].branch._id;
    await expect(get(`/agent/${AGENT}/branches/${branchId}/draft`)).rejects.toThrow();
    expect(emu.requests.filter((r) => r.faulted).map((r) => r.status)).toEqual([503, 503, 423, 0]);
  });

  it("--fault specs come before the seed file's, and after-effect lets the write land", async () => {
    emu = await startEmulator({
      securityCheckMs: 0,
      versioning: 'v1',
      faults: [parseFaultFlag('POST /agent/*/drafts 502 after-effect')],
      seed: { agents: [{ _id: AGENT }], faults: [{ method: 'POST', path: `/agent/${AGENT}/drafts`, status: 409 }] },
    });
    const sourceVersionId = emu.getAgentState(AGENT)?.activeVersionId;
    const post = () =>
      fetch(`${emu?.url}/agent/${AGENT}/drafts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emu?.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ sourceVersionId }),
      });
    expect((await post()).status).toBe(502);
    expect(emu.getAgentState(AGENT)?.drafts).toHaveLength(1);
    expect((await post()).status).toBe(409);
    expect(emu.getAgentState(AGENT)?.drafts).toHaveLength(1);
  });

  it('a bad seed fault is a SeedError naming the file and the place', async () => {
    ws = makeWorkspace();
    const cases: [unknown, string][] = [
      [{ nope: 1 }, 'seed.json: seed: "faults" must be a list'],
      [[{ path: { regex: '(' } }], 'seed.json: seed: faults[0].path.regex is not a regular expression'],
      [[{}, { status: 99 }], 'seed.json: seed: faults[1].status must be a whole number from 100 to 599, got 99'],
      [
        [{ when: 'now' }],
        'seed.json: seed: faults[0].when is not a fault field (known: method, path, status, body, headers, times, delayMs, reset, afterEffect)',
      ],
      [
        [{ path: 3 }],
        'seed.json: seed: faults[0].path must be a path string (exact match), {"regex": "…"} or {"glob": "…"}',
      ],
      [
        [{ reset: true, status: 500 }],
        'seed.json: seed: faults[0]: reset drops the connection, so it takes no status or body',
      ],
    ];
    for (const [faults, message] of cases) {
      const seed = ws.write('seed.json', JSON.stringify({ agents: [], faults }));
      const error = await loadSeedFile(seed, 'seed.json').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SeedError);
      expect(error instanceof Error && error.message).toContain(message);
    }
    const badOption = ws.write('seed.json', JSON.stringify({ agents: [], options: { scanOutcome: 'maybe' } }));
    await expect(loadSeedFile(badOption, 'seed.json')).rejects.toThrow(
      'seed.json: seed: options.scanOutcome must be one of passed, failed, errored, got "maybe"',
    );
  });
});

// `atoms-metrics doctor` against the emulator over HTTP: every combination of the switches it reports, read-only and
// --write; what it writes and where; the emulatorArgs round trip; failures, freezes and v1 agents.
import { afterEach, describe, expect, it } from 'vitest';
import { parseFaultFlag, type EmulatorSwitches, type RunningEmulator } from '../../src/emulator/index.js';
import { runCli } from '../../src/cli/main.js';
import { recordingIo } from '../support/cli-io.js';
import {
  AGENT,
  listedBranches,
  liveOf,
  runDoctor,
  startAccount,
  startFromArgs,
  writesSince,
} from '../support/doctor-harness.js';

let emus: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(emus.map((e) => e.close()));
  emus = [];
});
const track = (emu: RunningEmulator) => (emus.push(emu), emu);

const LOCATIONS = [
  ['analytics', 'analytics'],
  ['analytics.postCallAnalyticsConfig', 'analytics.postCallAnalyticsConfig'],
  ['postCallAnalyticsConfig', 'top-level'],
] as const;
const yesNo = (value: boolean | undefined) => (value === true ? 'yes' : 'no');

/** Every combination of a list of boolean switches. */
function booleanCombinations<K extends string>(keys: readonly K[]): Partial<Record<K, boolean>>[] {
  return Array.from({ length: 2 ** keys.length }, (_, n) => {
    const combination: Partial<Record<K, boolean>> = {};
    keys.forEach((key, i) => (combination[key] = ((n >> i) & 1) === 1));
    return combination;
  });
}

const READ_SWITCHES = ['agentReadFollowsLive', 'keptV1Reads', 'keptV1Deprecation', 'rateLimitHeaders'] as const;
const WRITE_SWITCHES = [
  'putMergeDeep',
  'asyncPublish',
  'scanAnalyticsChanges',
  'labelPersisted',
  'putEqualOpensDraft',
] as const;

function expectedRead(
  location: string,
  s: Partial<Record<(typeof READ_SWITCHES)[number], boolean>>,
): Record<string, string> {
  return {
    model: 'v2',
    'live-branch': 'Main',
    'live-branch-default': 'yes',
    'metrics-location': location,
    'agent-read-follows-live': yesNo(s.agentReadFollowsLive),
    'kept-v1-reads': yesNo(s.keptV1Reads),
    'kept-v1-deprecation': s.keptV1Reads === true ? yesNo(s.keptV1Deprecation) : 'unknown',
    'rate-limit-headers': yesNo(s.rateLimitHeaders),
    'call-log-metrics': 'map',
  };
}

function pick(answers: Record<string, string>, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, answers[id] ?? '(missing)']));
}

describe('doctor, read-only', () => {
  it('answers every combination of the read switches, writes nothing, and its emulatorArgs replay the same answers', async () => {
    for (const [switchValue, location] of LOCATIONS) {
      for (const s of booleanCombinations(READ_SWITCHES)) {
        const emu = track(await startAccount({ metricsLocation: switchValue, ...s }));
        const before = liveOf(emu);
        const first = emu.requests.length;
        const run = await runDoctor(emu, ['--json']);
        const expected = expectedRead(location, s);
        expect([run.code, pick(run.answers, Object.keys(expected))]).toEqual([0, expected]);
        expect(emu.requests.slice(first).filter((r) => r.method !== 'GET')).toEqual([]);
        expect(liveOf(emu)).toEqual(before);
        expect(Object.keys(run.answers)).not.toContain('put-merge');
        const replay = track(await startFromArgs(run.json?.emulatorArgs ?? []));
        const again = await runDoctor(replay, ['--json']);
        expect(again.answers).toEqual(run.answers);
      }
    }
  }, 60_000);

  it('prints one line per finding with its meaning, and the emulator command to rehearse', async () => {
    const emu = track(
      await startAccount({ metricsLocation: 'analytics.postCallAnalyticsConfig', agentReadFollowsLive: false }),
    );
    const run = await runDoctor(emu, []);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(
      /^ {2}metrics-location +analytics\.postCallAnalyticsConfig: plan and apply read the live metrics there/m,
    );
    expect(run.out).toMatch(/^ {2}agent-read-follows-live +no: GET \/agent lags behind the live branch/m);
    expect(run.out).toContain('Read-only: 7 requests, 0 of them writes. Run with --write to find out put-merge');
    expect(run.out).toContain(
      'Rehearse this account in the emulator:\n  atoms-metrics emulator --versioning v2 --metrics-location analytics.postCallAnalyticsConfig --agent-read-follows-live false',
    );
    expect(run.out.split('\n').filter((line) => /^ {2}[a-z0-9-]+ {2,}/.test(line))).toHaveLength(12);
  });

  it('says unknown, with the reason, when the live head is still the migration revision', async () => {
    const emu = track(await startAccount({}));
    emu.load({ agents: [{ _id: AGENT, versions: [{ label: 'Launch' }] }] });
    const run = await runDoctor(emu, ['--json']);
    const finding = run.json?.findings.find((f) => f.id === 'agent-read-follows-live');
    expect(finding?.answer).toBe('unknown');
    expect(finding?.evidence).toContain('still the revision from the migration');
    expect(run.json?.emulatorArgs).not.toContain('--agent-read-follows-live');
  });
});

describe('doctor --write', () => {
  it('answers every combination of the write switches (and metrics locations), writes only on its scratch branch, archives it, and replays', async () => {
    let index = 0;
    for (const [switchValue, location] of LOCATIONS) {
      for (const s of booleanCombinations(WRITE_SWITCHES)) {
        // The read switches rotate, so --write runs see each of their values too.
        const read = booleanCombinations(READ_SWITCHES)[index++ % 16] ?? {};
        const switches: Partial<EmulatorSwitches> = {
          ...read,
          metricsLocation: switchValue,
          putMerge: s.putMergeDeep === true ? 'deep' : 'replace',
          publishMode: s.asyncPublish === true ? 'async' : 'sync',
          scanAnalyticsChanges: s.scanAnalyticsChanges,
          labelPersisted: s.labelPersisted,
          putEqualOpensDraft: s.putEqualOpensDraft,
        };
        const emu = track(await startAccount(switches));
        const live = liveOf(emu);
        const first = emu.requests.length;
        const run = await runDoctor(emu, ['--write', '--json']);
        const expected = {
          'metrics-location': location,
          'put-merge': s.putMergeDeep === true ? 'merge' : 'replace',
          'scan-on-analytics-change': yesNo(s.asyncPublish === true && s.scanAnalyticsChanges === true),
          'label-persisted': yesNo(s.labelPersisted),
          'put-equal-opens-draft': yesNo(s.putEqualOpensDraft),
        };
        expect([run.code, pick(run.answers, Object.keys(expected)), run.err]).toEqual([
          0,
          expected,
          expect.stringContaining('archived scratch branch atoms-metrics-doctor-'),
        ]);
        const scratch = run.json?.scratchBranch;
        expect(scratch).toMatchObject({
          archived: true,
          name: expect.stringMatching(/^atoms-metrics-doctor-\d{8}T\d{6}Z$/),
        });
        const writes = writesSince(emu, first);
        expect(writes[0]).toEqual({ method: 'POST', path: `/agent/${AGENT}/branches`, status: 201 });
        expect(writes.slice(1).every((w) => w.path.startsWith(`/agent/${AGENT}/branches/${scratch?.id}/`))).toBe(true);
        expect(writes.at(-1)).toEqual({
          method: 'POST',
          path: `/agent/${AGENT}/branches/${scratch?.id}/archive`,
          status: 200,
        });
        expect(liveOf(emu)).toEqual(live);
        expect(await listedBranches(emu)).toEqual([live.branchId]);
        const replay = track(await startFromArgs(run.json?.emulatorArgs ?? []));
        const again = await runDoctor(replay, ['--write', '--json']);
        expect(again.answers).toEqual(run.answers);
        await Promise.all(emus.splice(0).map((e) => e.close()));
      }
    }
  }, 120_000);

  const failures: [string, string, RegExp][] = [
    [
      'a failed publish',
      'POST /agent/*/branches/*/draft/publish 500',
      /the step "publish" failed: POST \/agent\/…\/branches\/[a-f0-9]{24}\/draft\/publish answered 500/,
    ],
    [
      'a config freeze',
      'PUT */draft error_type=config_freeze_active',
      /the step "PUT the whole analytics object" hit a config freeze \(423\)/,
    ],
    [
      'a lost connection',
      'PUT */draft reset',
      /the step "PUT the whole analytics object" failed: No answer from the Atoms API/,
    ],
    [
      'a creation whose answer is lost',
      'POST /agent/*/branches 502 after-effect',
      /the step "create the scratch branch" failed: POST \/branches answered 502.*\(the branch was created all the same\)/,
    ],
  ];
  it.each(failures)(
    'after %s it says which step stopped it, still archives the scratch branch, and exits 1',
    async (_name, fault, message) => {
      const emu = track(await startAccount({ faults: [parseFaultFlag(fault)] }));
      const live = liveOf(emu);
      const run = await runDoctor(emu, ['--write']);
      expect(run.code).toBe(1);
      expect(run.out).toMatch(message);
      expect(run.out).toMatch(/scratch branch atoms-metrics-doctor-\S+ \([a-f0-9]{24}\) is archived/);
      expect(run.out).toMatch(/^ {2}put-merge +unknown: not found out: the step/m);
      expect(await listedBranches(emu)).toEqual([live.branchId]);
      expect(emu.getAgentState(AGENT)?.branches).toHaveLength(2);
      expect(liveOf(emu)).toEqual(live);
    },
  );

  it('a scan that fails stops it after the publish; the scratch branch is still archived', async () => {
    const emu = track(await startAccount({ scanOutcome: 'failed', scanReason: 'prompt injection' }));
    const live = liveOf(emu);
    const run = await runDoctor(emu, ['--write', '--json']);
    expect(run.code).toBe(1);
    expect(pick(run.answers, ['scan-on-analytics-change', 'put-merge'])).toEqual({
      'scan-on-analytics-change': 'yes',
      'put-merge': 'unknown',
    });
    expect(run.json?.findings.find((f) => f.id === 'put-merge')?.evidence).toBe(
      'not found out: the step "wait for the scan" failed: the scan ended failed',
    );
    expect(run.json?.scratchBranch).toMatchObject({ archived: true });
    expect(await listedBranches(emu)).toEqual([live.branchId]);
  });

  it('a freeze on the creation itself stops it before anything exists', async () => {
    const emu = track(
      await startAccount({ faults: [parseFaultFlag('POST /agent/*/branches error_type=config_freeze_active')] }),
    );
    const run = await runDoctor(emu, ['--write']);
    expect(run.code).toBe(1);
    expect(run.out).toContain('no scratch branch was created');
    expect(run.out).toContain('hit a config freeze (423), so try again after the maintenance window');
    expect(emu.getAgentState(AGENT)?.branches).toHaveLength(1);
  });
});

describe('doctor on v1 agents', () => {
  it.each(['absent', 'empty'] as const)(
    'reports v1 (GET /branches %s), and --write writes nothing and says why; the round trip holds',
    async (v1Branches) => {
      const emu = track(await startAccount({ versioning: 'v1', v1Branches }, 'v1'));
      const first = emu.requests.length;
      const run = await runDoctor(emu, ['--write', '--json']);
      expect(run.code).toBe(0);
      expect(pick(run.answers, ['model', 'v1-branches', 'call-log-metrics'])).toEqual({
        model: 'v1',
        'v1-branches': v1Branches,
        'call-log-metrics': 'map',
      });
      expect(run.json?.emulatorArgs.slice(0, 4)).toEqual(['--versioning', 'v1', '--v1-branches', v1Branches]);
      expect(emu.requests.slice(first).filter((r) => r.method !== 'GET')).toEqual([]);
      const text = await runDoctor(emu, ['--write']);
      expect(text.out).toContain(
        '--write wrote nothing: agent 65f1a2b3c4d5e6f708192a3b is on the v1 model, which has no branches',
      );
      expect(text.out).toMatch(/^ {2}live-branch +unknown: a v1 agent: a question about the branch model$/m);
      expect(text.out).toMatch(/^ {2}put-merge +unknown: --write wrote nothing: a v1 agent has no branches$/m);
      const replay = track(await startFromArgs(run.json?.emulatorArgs ?? [], 'v1'));
      expect((await runDoctor(replay, ['--write', '--json'])).answers).toEqual(run.answers);
    },
  );
});

describe('doctor usage and errors', () => {
  it('takes exactly one agent id or metrics file, and has its own --help', async () => {
    const emu = track(await startAccount({}));
    const none = recordingIo(process.cwd(), { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['doctor'], none)).toBe(2);
    expect(none.err).toContain('doctor takes one agent id or one metrics file');
    const two = recordingIo(process.cwd(), {});
    expect(await runCli(['doctor', AGENT, AGENT], two)).toBe(2);
    const bad = recordingIo(process.cwd(), {});
    expect(await runCli(['doctor', AGENT, '--versioning', 'v2'], bad)).toBe(2);
    expect(bad.err).toContain("unknown option '--versioning' for doctor");
    const help = recordingIo(process.cwd(), {});
    expect(await runCli(['doctor', '--help'], help)).toBe(0);
    expect(help.out).toContain('Usage: atoms-metrics doctor <agentId|metrics file> [--write] [--json] [--api-url URL]');
    const main = recordingIo(process.cwd(), {});
    await runCli(['--help'], main);
    expect(main.out).toMatch(/^ {2}atoms-metrics doctor +<agentId\|file> +What this account's API really does/m);
    expect(emu.requests).toEqual([]);
  });

  it('an agent without calls: the call log is unknown, the emulator gets no calls, and the round trip holds', async () => {
    const emu = track(await startAccount({ callsSeed: undefined }));
    const run = await runDoctor(emu, ['--json']);
    expect(pick(run.answers, ['call-log-metrics', 'call-log-version'])).toEqual({
      'call-log-metrics': 'unknown',
      'call-log-version': 'unknown',
    });
    expect(run.json?.emulatorArgs).not.toContain('--calls-seed');
    const replay = track(await startFromArgs(run.json?.emulatorArgs ?? []));
    expect((await runDoctor(replay, ['--json'])).answers).toEqual(run.answers);
  });

  it('never prints the key, and a rejected key is one clear line', async () => {
    const key = 'sk_doctor_secret_key_0123456789';
    const emu = track(await startAccount({ keys: { [key]: { userId: 'u1', admin: true } } }));
    const run = await runDoctor(emu, ['--write']);
    expect(run.code).toBe(0);
    expect(run.out + run.err).not.toContain(key);
    const wrong = await runDoctor(emu, ['--json'], { SMALLEST_API_KEY: 'sk_wrong_key_987654321' });
    expect([wrong.code, wrong.out]).toEqual([1, '']);
    expect(wrong.err).toBe(
      'atoms-metrics: agent 65f1a2b3c4d5e6f708192a3b: the API rejected the key (401): is SMALLEST_API_KEY current and for this workspace?\n',
    );
  });

  it('an unknown agent is one clear line', async () => {
    const emu = track(await startAccount({}));
    emu.load({ agents: [] });
    const run = await runDoctor(emu, []);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^atoms-metrics: agent 65f1a2b3c4d5e6f708192a3b: not found: GET \/branches answered 404: Resource not found\. Is the agent id right/,
    );
  });
});

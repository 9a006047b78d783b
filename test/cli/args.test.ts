import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCliArgs, UsageError } from '../../src/cli/args.js';
import { parseEmulatorArgs } from '../../src/cli/emulator-args.js';
import { HELP } from '../../src/cli/help.js';

const usage = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    if (argv[0] === 'emulator') parseEmulatorArgs(argv.slice(1));
    else parseCliArgs(argv, env);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  return 'no usage error';
};

describe('parseCliArgs', () => {
  it('knows the commands the help describes, no more and no fewer (the help loads only when asked for)', () => {
    expect([...COMMANDS].sort()).toEqual(
      Object.keys(HELP)
        .filter((topic) => topic !== 'main')
        .sort(),
    );
    expect(usage(['help', 'nope'])).toBe("unknown command 'nope'");
    expect(usage(['main'])).toBe("unknown command 'main'");
  });

  it('rejects an option the command does not take, instead of ignoring it', () => {
    expect(usage(['validate', '--port', '5'])).toBe(
      "unknown option '--port' for validate (see 'atoms-metrics validate --help')",
    );
    expect(usage(['list', '--format', 'json'])).toBe(
      "unknown option '--format' for list (see 'atoms-metrics list --help')",
    );
    expect(usage(['plan', '--bogus'])).toBe("unknown option '--bogus' for plan (see 'atoms-metrics plan --help')");
    expect(usage(['emulator', '--format', 'json'])).toBe(
      "unknown option '--format' for emulator (see 'atoms-metrics emulator --help')",
    );
    expect(usage(['pull', 'x', '--out'])).toBe("option '--out' needs a value");
  });

  it('checks the API URL before any request, from the flag or the environment', () => {
    expect(usage(['plan', '--api-url', 'notaurl'])).toBe("--api-url must be an http(s) URL, got 'notaurl'");
    expect(usage(['plan'], { ATOMS_API_URL: 'localhost:4010' })).toBe(
      "ATOMS_API_URL must be an http(s) URL, got 'localhost:4010'",
    );
    expect(parseCliArgs(['plan', '--api-url', 'http://127.0.0.1:4010/atoms/v1/'], {})).toMatchObject({
      apiUrl: 'http://127.0.0.1:4010/atoms/v1',
    });
  });

  it('refuses plain http to a host that is not loopback, saying why; loopback stays allowed', () => {
    expect(usage(['plan', '--api-url', 'http://api.smallest.ai/atoms/v1'])).toBe(
      '--api-url uses plain http to api.smallest.ai, which would send the API key unencrypted: use https (plain http is allowed only for loopback addresses such as 127.0.0.1 and localhost, e.g. the emulator)',
    );
    expect(
      usage(['pull', '65f1a2b3c4d5e6f708192a3b'], { ATOMS_API_URL: 'http://127.0.0.1.nip.io/atoms/v1' }),
    ).toContain('ATOMS_API_URL uses plain http to 127.0.0.1.nip.io');
    expect(usage(['apply'], { ATOMS_API_URL: 'HTTP://10.0.0.5:4010' })).toContain('plain http to 10.0.0.5');
    for (const url of [
      'http://localhost:4010/atoms/v1',
      'http://127.0.0.2:9',
      'http://[::1]:4010/atoms/v1',
      'https://api.example',
    ]) {
      expect(parseCliArgs(['plan', '--api-url', url], {})).toMatchObject({ kind: 'plan' });
    }
  });

  it('help for an unknown command is a usage error; known topics and --strict/--allow-breaking parse', () => {
    expect(usage(['help', 'nope'])).toBe("unknown command 'nope'");
    expect(parseCliArgs(['help', 'apply'], {})).toEqual({ kind: 'help', topic: 'apply' });
    expect(parseCliArgs(['apply', '--strict', '--allow-breaking'], {})).toMatchObject({
      kind: 'apply',
      strict: true,
      allowBreaking: true,
    });
    expect(parseCliArgs(['plan', '--strict'], {})).toMatchObject({ kind: 'plan', strict: true });
    expect(parseCliArgs(['pull', '65f1a2b3c4d5e6f708192a3b', '65f1a2b3c4d5e6f708192a3b'], {})).toMatchObject({
      agentIds: ['65f1a2b3c4d5e6f708192a3b'],
    });
  });

  it('names an unknown rule id with a suggestion, and refuses a URL carrying credentials without echoing it', () => {
    expect(usage(['validate', '--disable', 'vague-promt'])).toBe(
      "--disable: 'vague-promt' is not a lint rule — did you mean \"vague-prompt\"? ('atoms-metrics rules' lists them)",
    );
    const message = usage(['plan'], { ATOMS_API_URL: 'https://user:hunter2@api.example/atoms/v1' });
    expect(message).toContain('must not contain credentials');
    expect(message).not.toContain('hunter2');
  });

  it('reads ATOMS_API_URL only for commands that call the API, an empty one as unset; an on/off option given a value says so', () => {
    expect(parseCliArgs(['validate'], { ATOMS_API_URL: 'localhost:4010' })).toMatchObject({ kind: 'validate' });
    expect(parseCliArgs(['plan'], { ATOMS_API_URL: '' })).toMatchObject({ apiUrl: 'https://api.smallest.ai/atoms/v1' });
    expect(usage(['validate', '--strict=true'])).toBe("option '--strict' is on/off and takes no value");
  });

  it('emulator: every switch is a flag, checked against its allowed values; only given flags are set', () => {
    expect(
      parseEmulatorArgs([
        '--versioning',
        'v1',
        '--publish-mode',
        'sync',
        '--scan-analytics-changes',
        'false',
        '--metrics-location',
        'analytics.postCallAnalyticsConfig',
        '--freeze-ms',
        '500',
        '--security-check-ms',
        '0',
      ]),
    ).toEqual({
      kind: 'emulator',
      port: 4010,
      host: '127.0.0.1',
      seed: undefined,
      empty: false,
      switches: {
        versioning: 'v1',
        publishMode: 'sync',
        scanAnalyticsChanges: false,
        metricsLocation: 'analytics.postCallAnalyticsConfig',
        freezeMs: 500,
        securityCheckMs: 0,
      },
      faults: [],
      acts: [],
    });
    expect(parseEmulatorArgs([])).toMatchObject({ switches: {} });
    expect(
      parseEmulatorArgs([
        '--act',
        'PUT /agent/*/branches/*/draft edit-draft=analytics by=Ana_Ortiz skip=1',
        '--act',
        '/agent/* make-live=hotfix',
      ]),
    ).toMatchObject({
      acts: [
        {
          method: 'PUT',
          path: /^\/agent\/.*\/branches\/.*\/draft$/,
          action: 'edit-draft',
          arg: 'analytics',
          by: 'Ana Ortiz',
          skip: 1,
        },
        { path: /^\/agent\/.*$/, action: 'make-live', arg: 'hotfix' },
      ],
    });
    expect(usage(['emulator', '--act', 'PUT /agent/* dance'])).toContain("'dance' is not an action");
    expect(usage(['emulator', '--act', 'PUT /agent/*'])).toContain('no action');
    expect(usage(['emulator', '--conflict-body', 'fat'])).toBe('--conflict-body must be one of lean, rich, got "fat"');
    expect(usage(['emulator', '--kept-v1-reads', 'yes'])).toBe('--kept-v1-reads must be true or false, got "yes"');
    expect(usage(['plan', '--publish-mode', 'sync'])).toBe(
      "unknown option '--publish-mode' for plan (see 'atoms-metrics plan --help')",
    );
  });

  it('takes the request rate and concurrency from options, else the environment, else the action defaults', () => {
    expect(parseCliArgs(['plan'], {})).toMatchObject({ maxRequestsPerSecond: 8, concurrency: 8 });
    expect(parseCliArgs(['apply', '--max-requests-per-second', '0.5', '--concurrency', '32'], {})).toMatchObject({
      maxRequestsPerSecond: 0.5,
      concurrency: 32,
    });
    const env = { ATOMS_MAX_REQUESTS_PER_SECOND: '0', ATOMS_CONCURRENCY: '2' };
    expect(parseCliArgs(['pull', '65f1a2b3c4d5e6f708192a3b'], env)).toMatchObject({
      maxRequestsPerSecond: 0,
      concurrency: 2,
    });
    expect(parseCliArgs(['plan', '--concurrency', '4'], env)).toMatchObject({
      maxRequestsPerSecond: 0,
      concurrency: 4,
    });
    expect(parseCliArgs(['plan'], { ATOMS_MAX_REQUESTS_PER_SECOND: '', ATOMS_CONCURRENCY: '' })).toMatchObject({
      maxRequestsPerSecond: 8,
      concurrency: 8,
    });
  });

  it('refuses a rate or concurrency out of range, and on commands that make no requests', () => {
    expect(usage(['plan', '--max-requests-per-second', '1001'])).toBe(
      "--max-requests-per-second must be a number from 0 to 1000, got '1001'",
    );
    expect(usage(['apply', '--concurrency', '0'])).toBe("--concurrency must be a whole number from 1 to 64, got '0'");
    expect(usage(['plan'], { ATOMS_CONCURRENCY: '2.5' })).toBe(
      "ATOMS_CONCURRENCY must be a whole number from 1 to 64, got '2.5'",
    );
    expect(usage(['plan'], { ATOMS_MAX_REQUESTS_PER_SECOND: 'fast' })).toBe(
      "ATOMS_MAX_REQUESTS_PER_SECOND must be a number from 0 to 1000, got 'fast'",
    );
    expect(usage(['validate', '--concurrency', '4'])).toBe(
      "unknown option '--concurrency' for validate (see 'atoms-metrics validate --help')",
    );
    expect(parseCliArgs(['validate'], { ATOMS_CONCURRENCY: 'many' })).toMatchObject({ kind: 'validate' });
  });
});

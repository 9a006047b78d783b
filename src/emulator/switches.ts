/** The emulator's switches in one table: defaults, seed-file `options`, CLI flags and their help all come from it. */
import type { EmulatorSwitches, SeedOptions } from './types-v2.js';

/** What every switch is unless a flag, a seed file or a test says otherwise. */
export const DEFAULT_SWITCHES: EmulatorSwitches = {
  versioning: 'v2',
  publishMode: 'async',
  scanAnalyticsChanges: true,
  metricsLocation: 'analytics',
  agentReadFollowsLive: true,
  keptV1Reads: true,
  conflictBody: 'lean',
  putMerge: 'deep',
  labelPersisted: true,
  freezeMs: 0,
  diffPaths: 'leaf',
  v1Branches: 'absent',
  scanOutcome: 'passed',
  scanReason: '',
  putDuringScan: 'conflict',
  scanningRowListed: true,
  keptV1Deprecation: false,
  rateLimitHeaders: false,
  putEqualOpensDraft: true,
};

type Kind = { enum: readonly string[] } | 'boolean' | 'integer' | 'text';

interface SwitchSpec {
  key: keyof SeedOptions;
  flag: string;
  kind: Kind;
  help: string;
}

/** Every switch a seed file's `options` and `atoms-metrics emulator` flags can set. */
export const SWITCH_SPECS: readonly SwitchSpec[] = [
  {
    key: 'versioning',
    flag: 'versioning',
    kind: { enum: ['v1', 'v2'] },
    help: 'Versioning model of the agents (seeds may say per agent); v2 = branch model, as in production (default v2)',
  },
  {
    key: 'publishMode',
    flag: 'publish-mode',
    kind: { enum: ['sync', 'async'] },
    help: 'v2 publish: 200 committed at once, or 202 scanning for --security-check-ms (default async)',
  },
  {
    key: 'scanAnalyticsChanges',
    flag: 'scan-analytics-changes',
    kind: 'boolean',
    help: 'false: an analytics-only publish commits at once (200) even when async (default true)',
  },
  {
    key: 'metricsLocation',
    flag: 'metrics-location',
    kind: { enum: ['analytics', 'analytics.postCallAnalyticsConfig', 'postCallAnalyticsConfig'] },
    help: "Where a revision's resolvedConfig holds the metrics (default analytics)",
  },
  {
    key: 'agentReadFollowsLive',
    flag: 'agent-read-follows-live',
    kind: 'boolean',
    help: 'false: GET /agent/{id} keeps serving the config from the migration (default true)',
  },
  {
    key: 'keptV1Reads',
    flag: 'kept-v1-reads',
    kind: 'boolean',
    help: 'v2 agents: GET /versions/{id} and /drafts/{id} and their POST …/test-call still answer (true) or 404 (default true)',
  },
  {
    key: 'conflictBody',
    flag: 'conflict-body',
    kind: { enum: ['lean', 'rich'] },
    help: '409 draft conflict body: lean errors (prod) or rich data.conflict (dev) (default lean)',
  },
  {
    key: 'putMerge',
    flag: 'put-merge',
    kind: { enum: ['deep', 'replace'] },
    help: 'PUT draft: postCallAnalyticsConfig keys merged (deep) or the object replaced (default deep)',
  },
  {
    key: 'labelPersisted',
    flag: 'label-persisted',
    kind: 'boolean',
    help: 'false: publish accepts label and drops it (default true)',
  },
  {
    key: 'freezeMs',
    flag: 'freeze-ms',
    kind: 'integer',
    help: 'v2 writes answer 423 config_freeze_active for this long after start (default 0)',
  },
  {
    key: 'diffPaths',
    flag: 'diff-paths',
    kind: { enum: ['leaf', 'indexed'] },
    help: 'GET /diff change paths: a list as one value (leaf) or into lists, dispositionMetrics.1.identifier (indexed) (default leaf)',
  },
  {
    key: 'v1Branches',
    flag: 'v1-branches',
    kind: { enum: ['absent', 'empty'] },
    help: "v1 agents' GET /branches: Express HTML 404, or 200 with no branches (default absent)",
  },
  {
    key: 'scanOutcome',
    flag: 'scan-outcome',
    kind: { enum: ['passed', 'failed', 'errored'] },
    help: 'How every security scan ends: v1 checks, v2 publishes (which then always scan, 202) and restores (default passed)',
  },
  {
    key: 'scanReason',
    flag: 'scan-reason',
    kind: 'text',
    help: 'securityCheck.reason of a scan that does not pass (default none: null)',
  },
  {
    key: 'putDuringScan',
    flag: 'put-during-scan',
    kind: { enum: ['conflict', 'accept'] },
    help: 'PUT draft during a publish or restore scan: 409 publish_in_progress, or accepted (it cancels a publish of that draft) (default conflict)',
  },
  {
    key: 'scanningRowListed',
    flag: 'scanning-row-listed',
    kind: 'boolean',
    help: 'false: GET …/revisions leaves out the draft row of a publish being scanned, so revisions[0] is still the old head (default true)',
  },
  {
    key: 'keptV1Deprecation',
    flag: 'kept-v1-deprecation',
    kind: 'boolean',
    help: 'v2 agents: the kept v1 reads answer with the header Deprecation: true (default false)',
  },
  {
    key: 'rateLimitHeaders',
    flag: 'rate-limit-headers',
    kind: 'boolean',
    help: 'Every answer carries x-ratelimit-limit and x-ratelimit-remaining (default false)',
  },
  {
    key: 'putEqualOpensDraft',
    flag: 'put-equal-opens-draft',
    kind: 'boolean',
    help: 'false: a PUT draft leaving the config equal to the head opens no draft (default true)',
  },
  {
    key: 'securityCheckMs',
    flag: 'security-check-ms',
    kind: 'integer',
    help: 'How long a security scan takes (default 6000, like the platform)',
  },
  { key: 'latencyMs', flag: 'latency-ms', kind: 'integer', help: 'Added to every response (default 0)' },
  {
    key: 'rateLimitPerSecond',
    flag: 'rate-limit',
    kind: 'integer',
    help: 'Requests per second per key before 429 with Retry-After (default unlimited)',
  },
  {
    key: 'rateLimitBody',
    flag: 'rate-limit-body',
    kind: { enum: ['envelope', 'documented'] },
    help: '429 body shape (default envelope)',
  },
  {
    key: 'validateMetrics',
    flag: 'validate-metrics',
    kind: 'boolean',
    help: 'Reject an invalid postCallAnalyticsConfig with 400 (default true)',
  },
  {
    key: 'callsSeed',
    flag: 'calls-seed',
    kind: 'integer',
    help: "Generate synthetic call logs (GET /conversation) for each agent's live metrics from this seed number (default: no calls)",
  },
  {
    key: 'callsPerAgent',
    flag: 'calls-per-agent',
    kind: 'integer',
    help: 'How many calls per agent --calls-seed generates, over the last 20 days (default 600)',
  },
  {
    key: 'normaliseLegacyType',
    flag: 'normalise-legacy-type',
    kind: 'boolean',
    help: 'Store legacy dispositionValues.type as dispositionMetricType (default true)',
  },
];

/** The value placeholder of a switch's flag in `--help`, e.g. `<v1|v2>`. */
export function switchPlaceholder(spec: SwitchSpec): string {
  if (typeof spec.kind === 'object') return `<${spec.kind.enum.join('|')}>`;
  return { boolean: '<true|false>', integer: '<n>', text: '<text>' }[spec.kind];
}

/** One switch value from text (a CLI flag) or JSON (a seed file); throws an Error naming what is allowed. */
export function readSwitch(spec: SwitchSpec, value: unknown, where: string): string | number | boolean {
  const { kind } = spec;
  if (kind === 'boolean') {
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw new Error(`${where} must be true or false, got ${JSON.stringify(value)}`);
  }
  if (kind === 'text') {
    if (typeof value === 'string' && value.length <= 500) return value;
    throw new Error(`${where} must be text of at most 500 characters, got ${JSON.stringify(value)}`);
  }
  if (kind === 'integer') {
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 3_600_000) return n;
    throw new Error(`${where} must be a whole number from 0 to 3600000, got ${JSON.stringify(value)}`);
  }
  if (typeof value === 'string' && kind.enum.includes(value)) return value;
  throw new Error(`${where} must be one of ${kind.enum.join(', ')}, got ${JSON.stringify(value)}`);
}

/** Checks a seed file's `options` object; throws an Error naming the first bad key. */
export function checkSeedOptions(value: unknown): SeedOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('seed: "options" must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const spec = SWITCH_SPECS.find((s) => s.key === key);
    if (!spec)
      throw new Error(`seed: options.${key} is not a switch (known: ${SWITCH_SPECS.map((s) => s.key).join(', ')})`);
    out[key] = readSwitch(spec, raw, `seed: options.${key}`);
  }
  return out;
}

/** Options with undefined fields dropped, so spreading them never erases a seed's value. */
export function definedOnly<T extends object>(options: T): Partial<T> {
  const out: Partial<T> = { ...options };
  for (const key in out) if (out[key] === undefined) delete out[key];
  return out;
}

/** The switch flags among parsed CLI values, checked against the table; throws an Error naming a bad one. */
export function readSwitchFlags(values: Record<string, unknown>): SeedOptions {
  const switches: Record<string, unknown> = {};
  for (const spec of SWITCH_SPECS)
    if (values[spec.flag] !== undefined) switches[spec.key] = readSwitch(spec, values[spec.flag], `--${spec.flag}`);
  return switches;
}

const SWITCH_KEYS: readonly (keyof EmulatorSwitches)[] = [
  'versioning',
  'publishMode',
  'scanAnalyticsChanges',
  'metricsLocation',
  'agentReadFollowsLive',
  'keptV1Reads',
  'conflictBody',
  'putMerge',
  'labelPersisted',
  'freezeMs',
  'diffPaths',
  'v1Branches',
  'scanOutcome',
  'scanReason',
  'putDuringScan',
  'scanningRowListed',
  'keptV1Deprecation',
  'rateLimitHeaders',
  'putEqualOpensDraft',
];

function copySwitch<K extends keyof EmulatorSwitches>(
  target: EmulatorSwitches,
  source: Partial<EmulatorSwitches>,
  key: K,
): void {
  const value = source[key];
  if (value !== undefined) target[key] = value;
}

/** The v2 switches in force: defaults, then the seed's `options`, then the legacy `branchModel`, then explicit options. */
export function resolveSwitches(
  explicit: Partial<EmulatorSwitches> & { branchModel?: boolean },
  seed: SeedOptions | undefined,
): EmulatorSwitches {
  const out: EmulatorSwitches = { ...DEFAULT_SWITCHES };
  const legacy: Partial<EmulatorSwitches> =
    explicit.branchModel === undefined ? {} : { versioning: explicit.branchModel ? 'v2' : 'v1' };
  for (const source of [seed ?? {}, legacy, explicit]) for (const key of SWITCH_KEYS) copySwitch(out, source, key);
  return out;
}

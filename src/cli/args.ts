/** Parses the CLI's argv into a typed command, or a usage error. Pure: no I/O. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { apiUrlProblem } from '../action/api-url.js';
import { unknownRuleProblem } from '../config/lint-rule-catalog.js';
import type { ActSpec } from '../emulator/act-spec.js';
import type { FaultSpec } from '../emulator/types.js';
import type { SeedOptions } from '../emulator/types-v2.js';
import { errnoCode } from '../report/fs-error.js';
import { VERSIONING_CHOICES, type VersioningChoice } from '../versioning/model.js';
import { DEFAULT_API_URL, DEFAULT_PATTERN } from '../defaults.js';
import { DEFAULT_LIMITS, readFleetLimits, type FleetLimits } from './limits.js';
import { STATS_OPTIONS, readStatsCommand, type StatsCommand } from './stats-args.js';
import type { DoctorCommand } from './doctor-command.js';
import type { RollbackCommand } from './rollback-command.js';
import { UsageError } from './usage-error.js';

export { UsageError };

export type CliCommand =
  | { kind: 'help'; topic?: string }
  | { kind: 'version' }
  | { kind: 'validate'; patterns: string[]; format: 'text' | 'json'; strict: boolean; disabledRules: string[] }
  | ({
      kind: 'plan';
      patterns: string[];
      format: 'text' | 'markdown' | 'json';
      apiUrl: string;
      color: boolean | undefined;
      agentId: string;
      disabledRules: string[];
      strict: boolean;
      versioning: VersioningChoice;
    } & FleetLimits)
  | ({
      kind: 'drift';
      patterns: string[];
      format: 'text' | 'json';
      apiUrl: string;
      disabledRules: string[];
      versioning: VersioningChoice;
    } & FleetLimits)
  | ({
      kind: 'apply';
      patterns: string[];
      apiUrl: string;
      agentId: string;
      securityCheckTimeoutMs: number;
      format: 'text' | 'json';
      disabledRules: string[];
      strict: boolean;
      allowBreaking: boolean;
      versioning: VersioningChoice;
    } & FleetLimits)
  | ({
      kind: 'pull';
      agentIds: string[];
      outDir: string;
      format: 'yaml' | 'json';
      formatRequired: boolean;
      apiUrl: string;
      overwrite: boolean;
      versioning: VersioningChoice;
    } & FleetLimits)
  | {
      kind: 'history';
      target: string;
      apiUrl: string;
      limit: number;
      format: 'text' | 'json';
      versioning: VersioningChoice;
    }
  | ({ kind: 'rollback' } & RollbackCommand)
  | { kind: 'list'; patterns: string[]; maxSlices: number; disabledRules: string[] }
  | {
      kind: 'emulator';
      port: number;
      host: string;
      seed?: string;
      empty: boolean;
      switches: SeedOptions;
      faults: FaultSpec[];
      acts?: ActSpec[];
    }
  /** The emulator's own arguments, for emulator-args.ts (which loads its switch table) to parse. */
  | { kind: 'emulator-args'; args: string[] }
  | {
      kind: 'init';
      agentIds: string[];
      outDir: string;
      branch: string | undefined;
      format: 'yaml' | 'json';
      apiUrl: string;
      force: boolean;
    }
  | { kind: 'rules'; format: 'text' | 'json' | 'markdown' }
  | { kind: 'demo'; versioning: 'v1' | 'v2' }
  | ({ kind: 'doctor' } & DoctorCommand)
  | StatsCommand;

/** The commands, and which options each takes; anything else is a usage error rather than silently ignored. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  validate: ['format', 'strict', 'disable'],
  plan: [
    'format',
    'strict',
    'disable',
    'api-url',
    'agent-id',
    'color',
    'no-color',
    'versioning',
    'max-requests-per-second',
    'concurrency',
  ],
  drift: ['format', 'disable', 'api-url', 'versioning', 'max-requests-per-second', 'concurrency'],
  apply: [
    'format',
    'strict',
    'disable',
    'api-url',
    'agent-id',
    'security-check-timeout',
    'allow-breaking',
    'versioning',
    'max-requests-per-second',
    'concurrency',
  ],
  pull: ['format', 'out', 'force', 'api-url', 'versioning', 'max-requests-per-second', 'concurrency'],
  history: ['format', 'api-url', 'versioning', 'limit'],
  rollback: [
    'format',
    'api-url',
    'versioning',
    'to',
    'yes',
    'security-check-timeout',
    'whole-revision',
    'allow-invalid',
    'allow-breaking',
  ],
  list: ['max-slices', 'disable'],
  init: ['format', 'out', 'force', 'api-url', 'branch'],
  rules: ['format'],
  stats: STATS_OPTIONS,
  demo: ['versioning'],
  doctor: ['write', 'json', 'api-url'],
  // Its options (the emulator's switch table and fault specs) are parsed by emulator-args.ts, loaded for it alone.
  emulator: [],
};

/** The command names (help.ts has a text for each, and a test keeps the two lists equal). */
export const COMMANDS: readonly string[] = Object.keys(COMMAND_OPTIONS);

function readFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const match = allowed.find((item) => item === value);
  if (match === undefined) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got '${value}'`);
  return match;
}

export function readInteger(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

function readVersioning(value: string | undefined, env: NodeJS.ProcessEnv): VersioningChoice {
  const raw = value ?? (env.ATOMS_VERSIONING || 'auto');
  const match = VERSIONING_CHOICES.find((choice) => choice === raw);
  if (match === undefined)
    throw new UsageError(
      `${value !== undefined ? '--versioning' : 'ATOMS_VERSIONING'} must be one of ${VERSIONING_CHOICES.join(', ')}, got '${raw}'`,
    );
  return match;
}

function splitRules(values: string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
}

/** Every option any command (but the emulator) takes; COMMAND_OPTIONS says which command takes which. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  format: { type: 'string' },
  strict: { type: 'boolean' },
  disable: { type: 'string', multiple: true },
  'api-url': { type: 'string' },
  'agent-id': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'security-check-timeout': { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  'max-slices': { type: 'string' },
  'allow-breaking': { type: 'boolean' },
  versioning: { type: 'string' },
  limit: { type: 'string' },
  to: { type: 'string' },
  yes: { type: 'boolean' },
  'whole-revision': { type: 'boolean' },
  'allow-invalid': { type: 'boolean' },
  branch: { type: 'string' },
  'max-requests-per-second': { type: 'string' },
  concurrency: { type: 'string' },
  calls: { type: 'string' },
  days: { type: 'string' },
  write: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/** node:util's parseArgs, its errors turned into usage lines that name the option. */
export function parseOptions<T extends ParseArgsConfig['options']>(
  command: string,
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    const code = errnoCode(error);
    const option = error instanceof Error ? /'(-{1,2}[^' ]*)/.exec(error.message)?.[1] : undefined;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
      throw new UsageError(`unknown option '${option}' for ${command} (see 'atoms-metrics ${command} --help')`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      // Node uses this code both for a missing value and for a value given to an on/off option.
      throw new UsageError(
        /does not take an argument/.test(error instanceof Error ? error.message : '')
          ? `option '${option}' is on/off and takes no value`
          : `option '${option}' needs a value`,
      );
    }
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Parses argv (without node and script) into a command. Throws UsageError on bad usage. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMAND_OPTIONS, topic))
      throw new UsageError(`unknown command '${topic}'`);
    return { kind: 'help', topic };
  }
  if (command === '-v' || command === '--version') return { kind: 'version' };
  if (!Object.hasOwn(COMMAND_OPTIONS, command)) throw new UsageError(`unknown command '${command}'`);
  if (command === 'emulator') return { kind: 'emulator-args', args: [...rest] };

  const { values, positionals } = parseOptions(command, rest, OPTIONS);
  if (values.help) return { kind: 'help', topic: command };
  const allowed = COMMAND_OPTIONS[command] ?? [];
  const stray = Object.keys(values).find((name) => name !== 'help' && !allowed.includes(name));
  if (stray !== undefined)
    throw new UsageError(`unknown option '--${stray}' for ${command} (see 'atoms-metrics ${command} --help')`);
  // Only the commands that call the API read it; an empty variable (an unset `vars.X` in CI) counts as unset.
  const usesApi = (COMMAND_OPTIONS[command] ?? []).includes('api-url');
  const rawUrl = usesApi ? (values['api-url'] ?? (env.ATOMS_API_URL || undefined)) : undefined;
  const urlSource = values['api-url'] !== undefined ? '--api-url' : 'ATOMS_API_URL';
  const urlProblem = rawUrl === undefined ? undefined : apiUrlProblem(rawUrl);
  if (urlProblem !== undefined)
    throw new UsageError(
      `${urlSource} ${urlProblem.message}${urlProblem.kind === 'credentials' ? '; the key goes in SMALLEST_API_KEY' : ''}`,
    );
  const patterns = positionals.length > 0 ? positionals : [DEFAULT_PATTERN];
  const apiUrl = (rawUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const agentId = values['agent-id'] ?? '';
  if (agentId !== '' && !/^[a-f0-9]{24}$/.test(agentId))
    throw new UsageError(`--agent-id must be 24 lowercase hex characters, got '${agentId}'`);
  const versioning = readVersioning(values.versioning, env);
  // Like ATOMS_API_URL, the limits' variables are read only by the commands that call the API.
  const limits = usesApi ? readFleetLimits(values, env) : DEFAULT_LIMITS;
  const disabledRules = splitRules(values.disable);
  const ruleProblem = disabledRules.map(unknownRuleProblem).find((p) => p !== undefined);
  if (ruleProblem) throw new UsageError(`--disable: ${ruleProblem}`);

  switch (command) {
    case 'validate':
      return {
        kind: 'validate',
        patterns,
        format: readFormat(values.format, ['text', 'json'] as const, 'text'),
        strict: values.strict === true,
        disabledRules,
      };
    case 'plan':
      return {
        kind: 'plan',
        patterns,
        format: readFormat(values.format, ['text', 'markdown', 'json'] as const, 'text'),
        apiUrl,
        agentId,
        disabledRules,
        strict: values.strict === true,
        color: values['no-color'] ? false : values.color,
        versioning,
        ...limits,
      };
    case 'drift':
      return {
        kind: 'drift',
        patterns,
        format: readFormat(values.format, ['text', 'json'] as const, 'text'),
        apiUrl,
        disabledRules,
        versioning,
        ...limits,
      };
    case 'apply':
      return {
        kind: 'apply',
        patterns,
        apiUrl,
        agentId,
        disabledRules,
        strict: values.strict === true,
        allowBreaking: values['allow-breaking'] === true,
        format: readFormat(values.format, ['text', 'json'] as const, 'text'),
        securityCheckTimeoutMs:
          readInteger(values['security-check-timeout'], 'security-check-timeout', 180, 1, 3600) * 1000,
        versioning,
        ...limits,
      };
    case 'history':
    case 'rollback': {
      if (positionals.length !== 1) throw new UsageError(`${command} takes one agent id or one metrics file`);
      const target = positionals[0] ?? '';
      const format = readFormat(values.format, ['text', 'json'] as const, 'text');
      if (command === 'history')
        return {
          kind: 'history',
          target,
          apiUrl,
          format,
          versioning,
          limit: readInteger(values.limit, 'limit', 20, 1, 100),
        };
      return {
        kind: 'rollback',
        target,
        apiUrl,
        format,
        versioning,
        execute: values.yes === true,
        wholeRevision: values['whole-revision'] === true,
        allowInvalid: values['allow-invalid'] === true,
        allowBreaking: values['allow-breaking'] === true,
        ...(values.to !== undefined ? { to: readInteger(values.to, 'to', 0, 0, 1_000_000) } : {}),
        securityCheckTimeoutMs:
          readInteger(values['security-check-timeout'], 'security-check-timeout', 180, 1, 3600) * 1000,
      };
    }
    case 'pull': {
      if (positionals.length === 0) throw new UsageError('pull needs at least one agent id');
      const bad = positionals.find((id) => !/^[a-f0-9]{24}$/.test(id));
      if (bad !== undefined) throw new UsageError(`'${bad}' is not an agent id (24 lowercase hex characters)`);
      return {
        kind: 'pull',
        agentIds: [...new Set(positionals)],
        outDir: values.out ?? 'metrics',
        format: readFormat(values.format, ['yaml', 'json'] as const, 'yaml'),
        formatRequired: values.format !== undefined,
        apiUrl,
        overwrite: values.force === true,
        versioning,
        ...limits,
      };
    }
    case 'list':
      return {
        kind: 'list',
        patterns,
        maxSlices: readInteger(values['max-slices'], 'max-slices', 16, 1, 256),
        disabledRules,
      };
    case 'init': {
      const bad = positionals.find((id) => !/^[a-f0-9]{24}$/.test(id));
      if (bad !== undefined) throw new UsageError(`'${bad}' is not an agent id (24 lowercase hex characters)`);
      const outDir = (values.out ?? 'metrics').replace(/\\/g, '/').replace(/^(\.\/)+|\/+$/g, '');
      // The workflow names the directory in its path filters and globs, so it must be a subdirectory of this one.
      if (
        outDir === '' ||
        outDir === '.' ||
        outDir.startsWith('/') ||
        /^[a-z]:/i.test(outDir) ||
        outDir.split('/').includes('..')
      ) {
        throw new UsageError(`--out must be a subdirectory of the current directory, got '${values.out ?? ''}'`);
      }
      const branch = values.branch;
      if (branch !== undefined && !/^[\w./-]+$/.test(branch))
        throw new UsageError(`--branch must be a branch name, got '${branch}'`);
      return {
        kind: 'init',
        agentIds: [...new Set(positionals)],
        outDir,
        branch,
        format: readFormat(values.format, ['yaml', 'json'] as const, 'yaml'),
        apiUrl,
        force: values.force === true,
      };
    }
    case 'stats':
      return readStatsCommand(values, { patterns, apiUrl, versioning, disabledRules, ...limits });
    case 'rules':
      return { kind: 'rules', format: readFormat(values.format, ['text', 'json', 'markdown'] as const, 'text') };
    case 'doctor':
      if (positionals.length !== 1) throw new UsageError('doctor takes one agent id or one metrics file');
      return {
        kind: 'doctor',
        target: positionals[0] ?? '',
        apiUrl,
        write: values.write === true,
        json: values.json === true,
      };
    case 'demo':
      if (versioning === 'auto') return { kind: 'demo', versioning: 'v2' };
      return { kind: 'demo', versioning };
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

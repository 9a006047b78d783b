/** Parses the CLI's argv into a typed command, or a usage error. Pure: no I/O. */
import { parseArgs } from 'node:util';
import { unknownRuleProblem } from '../config/lint-rule-catalog.js';
import { errnoCode } from '../report/fs-error.js';
import { apiUrlProblem } from '../action/api-url.js';

export type CliCommand =
  | { kind: 'help'; topic?: string }
  | { kind: 'version' }
  | { kind: 'validate'; patterns: string[]; format: 'text' | 'json'; strict: boolean; disabledRules: string[] }
  | { kind: 'plan'; patterns: string[]; format: 'text' | 'markdown' | 'json'; apiUrl: string; color: boolean | undefined; agentId: string; disabledRules: string[]; strict: boolean }
  | { kind: 'apply'; patterns: string[]; apiUrl: string; agentId: string; securityCheckTimeoutMs: number; format: 'text' | 'json'; disabledRules: string[]; strict: boolean; allowBreaking: boolean }
  | { kind: 'pull'; agentIds: string[]; outDir: string; format: 'yaml' | 'json'; apiUrl: string; overwrite: boolean }
  | { kind: 'list'; patterns: string[]; maxSlices: number; disabledRules: string[] }
  | { kind: 'emulator'; port: number; host: string; seed?: string; securityCheckMs: number }
  | { kind: 'demo' };

export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_API_URL = 'https://api.smallest.ai/atoms/v1';
export const DEFAULT_PATTERN = 'metrics/**/*.{json,yaml,yml}';

export const HELP: Record<string, string> = {
  main: `atoms-metrics — post-call metrics of Smallest AI Atoms voice agents as code

Usage:
  atoms-metrics validate [files or globs…]   Check metrics files (schema, rules, lint)
  atoms-metrics plan     [files or globs…]   Diff files against each agent's live active version
  atoms-metrics apply    [files or globs…]   Publish, wait for the security check, activate, verify
  atoms-metrics pull     <agentId…>          Write metrics files from live config (adopt an agent)
  atoms-metrics list     [files or globs…]   Print the GitHub Actions matrix for a fan-out
  atoms-metrics emulator                     Run the local Atoms API emulator
  atoms-metrics demo                         The whole story against a built-in emulator (no key, no network)
  atoms-metrics --version                    Print the version

Files default to '${DEFAULT_PATTERN}'. Run 'atoms-metrics <command> --help' for options.
Environment: SMALLEST_API_KEY (API key), ATOMS_API_URL (API base URL, default ${DEFAULT_API_URL}).
Exit codes: 0 ok, 1 invalid files / failed checks / failed apply, 2 usage error or unreadable file.`,
  validate: `Usage: atoms-metrics validate [files or globs…] [options]

Validates metrics files against the JSON Schema and the semantic and lint rules.
Prints path:line:col: severity: message [rule].

Options:
  --format text|json   Output format (default text)
  --strict             Treat warnings as errors
  --disable <rule>     Switch a lint rule off (repeatable, or comma-separated)
  -h, --help           Show this help`,
  plan: `Usage: atoms-metrics plan [files or globs…] [options]

Reads each agent's live active version (one request per agent; nothing is written)
and shows what applying the files would add, change and remove, and what is breaking.

Options:
  --format text|markdown|json   Output format (default text; markdown is the PR comment)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --agent-id <id>               Override the file's agentId (exactly one file)
  --color / --no-color          Force colours on or off (default: on for a TTY)
  --strict                      Treat lint warnings as errors
  --disable <rule>              Switch a lint rule off
  -h, --help                    Show this help
Exit code 0 whether or not there are changes (breaking ones included: the plan only reports);
1 when files are invalid or an agent could not be read.`,
  apply: `Usage: atoms-metrics apply [files or globs…] [options]

For each agent whose live metrics differ from its file: create a draft from the active version,
patch its postCallAnalyticsConfig, publish, wait for the security check, activate, verify.
Safe to re-run: a re-run resumes or does nothing; it never publishes the same change twice.

Options:
  --api-url <url>                     API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --agent-id <id>                     Override the file's agentId (exactly one file)
  --security-check-timeout <seconds>  Wait at most this long for the security check (default 180)
  --allow-breaking                    Apply even when a metric is removed, renamed, changes type or
                                      loses an ENUM choice (exports, webhooks and dashboards key on them)
  --strict                            Treat lint warnings as errors
  --disable <rule>                    Switch a lint rule off
  --format text|json                  Output format (default text)
  -h, --help                          Show this help
Exit code 0 when every agent is applied or unchanged; 1 when any failed or was refused.`,
  pull: `Usage: atoms-metrics pull <agentId…> [options]

Writes one metrics file per agent from its live active config, so dashboard-made metrics
can be adopted in one command. Planning right after shows "no changes".

Options:
  --out <dir>          Directory to write to (default metrics)
  --format yaml|json   File format (default yaml)
  --force              Overwrite existing files
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  -h, --help           Show this help`,
  list: `Usage: atoms-metrics list [files or globs…] [options]

Prints the JSON matrix ({"include":[{slice, files, agents}]}) that a workflow can fan out over:
files balanced by agent count into at most N slices.

Options:
  --max-slices <n>     At most this many slices (default 16; GitHub allows 256 jobs per matrix)
  --disable <rule>     Switch a lint rule off
  -h, --help           Show this help`,
  demo: `Usage: atoms-metrics demo

Runs the whole story against a built-in emulator: plan examples/metrics, show the PR comment,
apply (publish, wait for the security check, activate, verify), show the new live metrics, plan again.
Needs no API key and no network.`,
  emulator: `Usage: atoms-metrics emulator [options]

Runs a local emulator of the Atoms v1 API (drafts → publish → security check → activate) on 127.0.0.1.

Options:
  --port <n>                 Port (default 4010; 0 picks a free one)
  --host <addr>              Address to bind (default 127.0.0.1)
  --seed <file.json>         Agents, versions and drafts to start with
  --security-check-ms <n>    Time a published version stays "pending" (default 6000, like the platform)
  -h, --help                 Show this help
The API key it accepts is printed on start.`,
};

/** Which options each command takes; anything else is a usage error rather than silently ignored. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  validate: ['format', 'strict', 'disable'],
  plan: ['format', 'strict', 'disable', 'api-url', 'agent-id', 'color', 'no-color'],
  apply: ['format', 'strict', 'disable', 'api-url', 'agent-id', 'security-check-timeout', 'allow-breaking'],
  pull: ['format', 'out', 'force', 'api-url'],
  list: ['max-slices', 'disable'],
  demo: [],
  emulator: ['port', 'host', 'seed', 'security-check-ms'],
};

function readFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const match = allowed.find((item) => item === value);
  if (match === undefined) throw new UsageError(`--format must be one of ${allowed.join(', ')}, got '${value}'`);
  return match;
}

function readInteger(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'`);
  }
  return Number(value);
}

function splitRules(values: string[] | undefined): string[] {
  return (values ?? []).flatMap((value) => value.split(',')).map((rule) => rule.trim()).filter((rule) => rule !== '');
}

/** Parses argv (without node and script) into a command. Throws UsageError on bad usage. */
export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && (!(topic in HELP) || topic === 'main')) throw new UsageError(`unknown command '${topic}'`);
    return { kind: 'help', topic };
  }
  if (command === '-v' || command === '--version') return { kind: 'version' };
  if (!(command in HELP) || command === 'main') throw new UsageError(`unknown command '${command}'`);

  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
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
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'security-check-ms': { type: 'string' },
        'allow-breaking': { type: 'boolean' },
      },
    });
  } catch (error) {
    const code = errnoCode(error);
    const option = error instanceof Error ? /'(-{1,2}[^' ]*)/.exec(error.message)?.[1] : undefined;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) throw new UsageError(`unknown option '${option}' for ${command}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      // Node uses this code both for a missing value and for a value given to an on/off option.
      throw new UsageError(/does not take an argument/.test(error instanceof Error ? error.message : '') ? `option '${option}' is on/off and takes no value` : `option '${option}' needs a value`);
    }
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', topic: command };
  const allowed = COMMAND_OPTIONS[command] ?? [];
  const stray = Object.keys(values).find((name) => name !== 'help' && !allowed.includes(name));
  if (stray !== undefined) throw new UsageError(`unknown option '--${stray}' for ${command} (see 'atoms-metrics ${command} --help')`);
  // Only the commands that call the API read it; an empty variable (an unset `vars.X` in CI) counts as unset.
  const usesApi = (COMMAND_OPTIONS[command] ?? []).includes('api-url');
  const rawUrl = usesApi ? values['api-url'] ?? (env.ATOMS_API_URL || undefined) : undefined;
  const urlSource = values['api-url'] !== undefined ? '--api-url' : 'ATOMS_API_URL';
  const urlProblem = rawUrl === undefined ? undefined : apiUrlProblem(rawUrl);
  if (urlProblem !== undefined) throw new UsageError(`${urlSource} ${urlProblem.message}${urlProblem.kind === 'credentials' ? '; the key goes in SMALLEST_API_KEY' : ''}`);
  const patterns = positionals.length > 0 ? positionals : [DEFAULT_PATTERN];
  const apiUrl = (rawUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const agentId = values['agent-id'] ?? '';
  if (agentId !== '' && !/^[a-f0-9]{24}$/.test(agentId)) throw new UsageError(`--agent-id must be 24 lowercase hex characters, got '${agentId}'`);
  const disabledRules = splitRules(values.disable);
  const ruleProblem = disabledRules.map(unknownRuleProblem).find((p) => p !== undefined);
  if (ruleProblem) throw new UsageError(`--disable: ${ruleProblem}`);

  switch (command) {
    case 'validate':
      return { kind: 'validate', patterns, format: readFormat(values.format, ['text', 'json'] as const, 'text'), strict: values.strict === true, disabledRules };
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
        securityCheckTimeoutMs: readInteger(values['security-check-timeout'], 'security-check-timeout', 180, 1, 3600) * 1000,
      };
    case 'pull': {
      if (positionals.length === 0) throw new UsageError('pull needs at least one agent id');
      const bad = positionals.find((id) => !/^[a-f0-9]{24}$/.test(id));
      if (bad !== undefined) throw new UsageError(`'${bad}' is not an agent id (24 lowercase hex characters)`);
      return { kind: 'pull', agentIds: [...new Set(positionals)], outDir: values.out ?? 'metrics', format: readFormat(values.format, ['yaml', 'json'] as const, 'yaml'), apiUrl, overwrite: values.force === true };
    }
    case 'list':
      return { kind: 'list', patterns, maxSlices: readInteger(values['max-slices'], 'max-slices', 16, 1, 256), disabledRules };
    case 'demo':
      return { kind: 'demo' };
    case 'emulator':
      return {
        kind: 'emulator',
        port: readInteger(values.port, 'port', 4010, 0, 65535),
        host: values.host ?? '127.0.0.1',
        seed: values.seed,
        securityCheckMs: readInteger(values['security-check-ms'], 'security-check-ms', 6000, 0, 600_000),
      };
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

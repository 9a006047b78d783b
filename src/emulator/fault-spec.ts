/** Injected faults from text (`atoms-metrics emulator --fault <spec>`) and from a seed file's `"faults"`; both checked with clear errors. */
import { MIGRATION_REQUIRED } from './constants.js';
import type { FaultSpec } from './types.js';
import { globToPath } from './path-glob.js';

export { globToPath };

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const MAX_TIMES = 1_000_000;
const MAX_DELAY_MS = 3_600_000;

/** Error types a fault may name by shorthand: the status it implies and the message the emulator itself sends. */
const KNOWN_ERROR_TYPES: Record<string, { status: number; message: string }> = {
  config_freeze_active: { status: 423, message: 'Agent config is frozen for a maintenance window' },
  publish_in_progress: { status: 409, message: 'A publish or restore is already in progress on this branch' },
  versioning_v2_migration_required: { status: 409, message: MIGRATION_REQUIRED },
};

/** The `--fault` lines of `atoms-metrics emulator --help`. */
export const FAULT_FLAG_HELP = `  --fault '<METHOD> <path> [status] [words…]'   (repeatable; the seed file's "faults" list adds more)
      Answer matching requests with a fault. <path> is below /atoms/v1; * matches any characters ('/' too).
      status: 100-599 (default 500, or the error_type's); words: reset (drop the connection instead),
      after-effect (let the request take effect, then fail it), times=N (default 1), delay=MS,
      error_type=T (body {status:false, error_type:T, errors:[…]}; config_freeze_active implies 423,
      publish_in_progress 409), retry-after=S (header). The first fault that matches answers.`;

/** A `--fault` spec that cannot be read; the message quotes the spec and points at the word. */
export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

function errorBody(errorType: string | undefined, status: number): unknown {
  if (errorType === undefined) return undefined;
  const message = KNOWN_ERROR_TYPES[errorType]?.message ?? `Injected ${status} ${errorType}`;
  return { status: false, error_type: errorType, errors: [message] };
}

/** Parses one `--fault` spec, e.g. `POST /agent/*\/branches/*\/draft/publish 502 after-effect times=1`; throws a FaultSpecError. */
export function parseFaultFlag(spec: string): FaultSpec {
  const words = [...spec.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
  const problem = (at: number, message: string) =>
    new FaultSpecError(`--fault '${spec}': ${message}\n  ${spec}\n  ${' '.repeat(at)}^`);
  const fault: FaultSpec = {};
  let i = 0;
  const first = words[0];
  if (first === undefined)
    throw new FaultSpecError(`--fault needs a spec such as 'POST /agent/*/branches/*/draft/publish 502'`);
  const method = METHODS.find((m) => m === first.text.toUpperCase());
  if (method) {
    fault.method = method;
    i += 1;
  } else if (/^[a-z]+$/i.test(first.text))
    throw problem(
      first.at,
      `'${first.text}' is not a method (${METHODS.join(', ')}); leave the method out to match any`,
    );
  const path = words[i];
  if (path === undefined) throw problem(spec.length, `a path is missing after the method, e.g. /agent/*/drafts`);
  if (!path.text.startsWith('/') && !path.text.startsWith('*'))
    throw problem(path.at, `'${path.text}' is not a path: it starts with / or *`);
  fault.path = globToPath(path.text);
  let errorType: string | undefined;
  let resetAt = -1;
  let answerAt = -1;
  for (const word of words.slice(i + 1)) {
    const [key, value] = word.text.includes('=')
      ? [word.text.slice(0, word.text.indexOf('=')), word.text.slice(word.text.indexOf('=') + 1)]
      : [word.text, undefined];
    const number = (max: number, min = 0) => {
      if (value !== undefined && /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max)
        return Number(value);
      throw problem(word.at, `${key} takes a whole number from ${min} to ${max}, got '${value ?? ''}'`);
    };
    if (/^\d+$/.test(word.text)) {
      if (fault.status !== undefined)
        throw problem(word.at, `a second status '${word.text}' (the first was ${fault.status})`);
      if (Number(word.text) < 100 || Number(word.text) > 599)
        throw problem(word.at, `status ${word.text} is not from 100 to 599`);
      fault.status = Number(word.text);
    } else if (word.text === 'reset') {
      fault.reset = true;
      resetAt = word.at;
    } else if (word.text === 'after-effect') fault.afterEffect = true;
    else if (key === 'times') fault.times = number(MAX_TIMES, 1);
    else if (key === 'delay' || key === 'delay-ms') fault.delayMs = number(MAX_DELAY_MS);
    else if (key === 'retry-after') fault.headers = { ...fault.headers, 'retry-after': String(number(86_400)) };
    else if (key === 'error_type' && value !== undefined && /^[a-z][a-z0-9_]*$/.test(value)) errorType = value;
    else if (key === 'error_type')
      throw problem(word.at, `error_type takes a snake_case name such as publish_in_progress, got '${value ?? ''}'`);
    else
      throw problem(
        word.at,
        `'${word.text}' is not a status or a known word (reset, after-effect, times=N, delay=MS, error_type=T, retry-after=S)`,
      );
    if (/^\d+$/.test(word.text) || key === 'error_type' || key === 'retry-after') answerAt = word.at;
  }
  if (fault.reset && answerAt >= 0)
    throw problem(
      Math.max(resetAt, answerAt),
      'reset drops the connection, so it takes no status, error_type or retry-after',
    );
  if (errorType !== undefined) {
    fault.status ??= KNOWN_ERROR_TYPES[errorType]?.status ?? 500;
    fault.body = errorBody(errorType, fault.status);
  }
  return fault;
}

/** Parses every `--fault` flag in order; throws a FaultSpecError for the first bad one. */
export function parseFaultFlags(specs: readonly string[] | undefined): FaultSpec[] {
  return (specs ?? []).map(parseFaultFlag);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SEED_KEYS = ['method', 'path', 'status', 'body', 'headers', 'times', 'delayMs', 'reset', 'afterEffect'];

function checkSeedPath(value: unknown, where: string): string | RegExp {
  if (typeof value === 'string') return value;
  if (isRecord(value) && Object.keys(value).length === 1 && typeof value.regex === 'string') {
    try {
      return new RegExp(value.regex);
    } catch (error) {
      throw new Error(
        `${where}.regex is not a regular expression: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  if (isRecord(value) && Object.keys(value).length === 1 && typeof value.glob === 'string')
    return globToPath(value.glob);
  throw new Error(`${where} must be a path string (exact match), {"regex": "…"} or {"glob": "…"}`);
}

function checkInteger(value: unknown, where: string, min: number, max: number): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  throw new Error(`${where} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
}

function checkBoolean(value: unknown, where: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new Error(`${where} must be true or false, got ${JSON.stringify(value)}`);
}

/** Checks one seed-file fault (JSON has no RegExp: a path is a string, `{"regex"}` or `{"glob"}`); throws an Error naming the place. */
function checkSeedFault(value: unknown, where: string): FaultSpec {
  if (!isRecord(value)) throw new Error(`${where} must be an object`);
  const unknown = Object.keys(value).find((key) => !SEED_KEYS.includes(key));
  if (unknown !== undefined)
    throw new Error(`${where}.${unknown} is not a fault field (known: ${SEED_KEYS.join(', ')})`);
  const fault: FaultSpec = {};
  if (value.method !== undefined) {
    const method = METHODS.find((m) => typeof value.method === 'string' && m === value.method.toUpperCase());
    if (!method)
      throw new Error(`${where}.method must be one of ${METHODS.join(', ')}, got ${JSON.stringify(value.method)}`);
    fault.method = method;
  }
  if (value.path !== undefined) fault.path = checkSeedPath(value.path, `${where}.path`);
  if (value.status !== undefined) fault.status = checkInteger(value.status, `${where}.status`, 100, 599);
  if (value.body !== undefined) fault.body = value.body;
  if (value.headers !== undefined) {
    const { headers } = value;
    if (!isRecord(headers) || Object.values(headers).some((h) => typeof h !== 'string'))
      throw new Error(`${where}.headers must be an object of strings`);
    fault.headers = Object.fromEntries(Object.entries(headers).map(([name, h]) => [name, String(h)]));
  }
  if (value.times !== undefined) fault.times = checkInteger(value.times, `${where}.times`, 1, MAX_TIMES);
  if (value.delayMs !== undefined) fault.delayMs = checkInteger(value.delayMs, `${where}.delayMs`, 0, MAX_DELAY_MS);
  if (value.reset !== undefined) fault.reset = checkBoolean(value.reset, `${where}.reset`);
  if (value.afterEffect !== undefined) fault.afterEffect = checkBoolean(value.afterEffect, `${where}.afterEffect`);
  if (fault.reset && (fault.status !== undefined || fault.body !== undefined))
    throw new Error(`${where}: reset drops the connection, so it takes no status or body`);
  return fault;
}

/** Checks a seed file's top-level `"faults"` list; throws an Error naming the first bad entry's place. */
export function checkSeedFaults(value: unknown): FaultSpec[] {
  if (!Array.isArray(value)) throw new Error('seed: "faults" must be a list');
  return value.map((entry: unknown, i) => checkSeedFault(entry, `seed: faults[${i}]`));
}

/** A pattern made from a `*` glob reads back as that glob; any other as /source/. */
function describePattern(pattern: RegExp): string {
  const glob = pattern.source
    .replace(/^\^|\$$/g, '')
    .split('.*')
    .map((part) => part.replace(/\\(.)/g, '$1'))
    .join('*');
  const again = globToPath(glob);
  return again instanceof RegExp && again.source === pattern.source && pattern.flags === ''
    ? glob
    : `/${pattern.source}/`;
}

/** One line naming a fault, for the emulator's start-up output. */
export function describeFault(fault: FaultSpec): string {
  const path =
    fault.path === undefined ? '(any path)' : typeof fault.path === 'string' ? fault.path : describePattern(fault.path);
  const answer = fault.reset ? 'connection reset' : `${fault.status ?? 500}`;
  const extras = [
    fault.afterEffect ? 'after the effect' : '',
    fault.delayMs ? `after ${fault.delayMs} ms` : '',
    `${fault.times ?? 1}×`,
  ].filter((e) => e !== '');
  return `${fault.method ?? '(any method)'} ${path} → ${answer} (${extras.join(', ')})`;
}

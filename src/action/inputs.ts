/** Reads every action input once, checks it, and returns one typed object. */
import { unknownRuleProblem } from '../config/lint-rule-catalog.js';
import { ROLLBACK_SCOPES, VERSIONING_CHOICES, type RollbackScope, type VersioningChoice } from '../versioning/model.js';
import { apiUrlProblem } from './api-url.js';
import { INPUT_DEFAULTS, MODES, type InputName, type ModeInput } from './contract.js';

export interface Inputs {
  config: string[];
  mode: ModeInput;
  apiKey: string;
  apiUrl: string;
  githubToken: string;
  agentId: string;
  allowBreaking: boolean;
  breakingLabel: string;
  strict: boolean;
  disabledRules: string[];
  comment: boolean;
  securityCheckTimeoutMs: number;
  onLiveChanged: 'fail' | 'apply';
  force: boolean;
  allowPullRequestTarget: boolean;
  maxRequestsPerSecond: number;
  concurrency: number;
  versioning: VersioningChoice;
  /** mode rollback: the version (v1) or revision (v2) number to go back to; undefined = the one before live. */
  rollbackTo?: number;
  /** mode rollback: `metrics` publishes the target's metrics over live (the default); `whole` restores the whole target. */
  rollbackScope: RollbackScope;
  /** mode rollback: make an invalid target live anyway (emergencies; reported as a warning). */
  allowInvalid: boolean;
  /** Plan: read recent calls and show what the live metrics produced (aggregates only). */
  insights: boolean;
  /** The window: the last this many calls or `insightsDays` days, whichever is smaller. */
  insightsCalls: number;
  insightsDays: number;
  /** mode drift: the label of the one drift issue. */
  driftLabel: string;
}

/** A problem with an input: the run stops before any work with this message. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Reads `INPUT_<NAME>` the way the runner sets it (spaces → `_`, upper-case), falling back to the documented default. */
function readRaw(env: NodeJS.ProcessEnv, name: InputName): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  // `${{ github.token }}` only exists inside a workflow; outside one the default is "no token".
  const fallback = INPUT_DEFAULTS[name].startsWith('${{') ? '' : INPUT_DEFAULTS[name];
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? fallback : trimmed;
}

function readBoolean(env: NodeJS.ProcessEnv, name: InputName): boolean {
  const raw = readRaw(env, name);
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`Input '${name}' must be true or false (YAML 1.2 core schema), got '${raw}'.`);
}

function readNumber(env: NodeJS.ProcessEnv, name: InputName, min: number, max: number): number {
  const raw = readRaw(env, name);
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || value < min || value > max) {
    throw new InputError(`Input '${name}' must be a number from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

function readWholeNumber(env: NodeJS.ProcessEnv, name: InputName): number {
  const raw = readRaw(env, name);
  if (!/^\d{1,9}$/.test(raw))
    throw new InputError(`Input '${name}' must be a whole number (a version or revision number), got '${raw}'.`);
  return Number(raw);
}

function readWholeRange(env: NodeJS.ProcessEnv, name: InputName, min: number, max: number): number {
  const raw = readRaw(env, name);
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new InputError(`Input '${name}' must be a whole number from ${min} to ${max}, got '${raw}'.`);
  return Number(raw);
}

function readChoice<T extends string>(env: NodeJS.ProcessEnv, name: InputName, choices: readonly T[]): T {
  const raw = readRaw(env, name);
  const match = choices.find((choice) => choice === raw);
  if (match === undefined) throw new InputError(`Input '${name}' must be one of ${choices.join(', ')}, got '${raw}'.`);
  return match;
}

function readList(env: NodeJS.ProcessEnv, name: InputName): string[] {
  return readRaw(env, name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('#'));
}

function readRuleIds(env: NodeJS.ProcessEnv): string[] {
  const rules = readList(env, 'disable-rules');
  const problem = rules.map(unknownRuleProblem).find((p) => p !== undefined);
  if (problem) throw new InputError(`Input 'disable-rules': ${problem}.`);
  return rules;
}

/**
 * The secret inputs' values, read before anything else so they are masked even when another input is
 * invalid and the run stops early (an input error must never be the line that leaks a key).
 */
export function readSecretInputs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [readRaw(env, 'api-key'), readRaw(env, 'github-token')].filter((value) => value !== '');
}

/** Reads and checks all inputs from the environment (the runner passes them as `INPUT_*`). */
export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  const config = readRaw(env, 'config')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const agentId = readRaw(env, 'agent-id');
  if (agentId !== '' && !/^[a-f0-9]{24}$/.test(agentId)) {
    throw new InputError(`Input 'agent-id' must be 24 lowercase hex characters (an Atoms agent id), got '${agentId}'.`);
  }
  const apiUrl = readRaw(env, 'api-url');
  const urlProblem = apiUrlProblem(apiUrl);
  if (urlProblem !== undefined)
    throw new InputError(
      `Input 'api-url' ${urlProblem.message}${urlProblem.kind === 'credentials' ? "; pass the key in 'api-key'" : ''}.`,
    );
  const apiKey = readRaw(env, 'api-key');
  if (/[\s\x00-\x1f\x7f]/.test(apiKey))
    throw new InputError(
      "Input 'api-key' contains a space, line break or control character (a secret pasted with a newline?).",
    );
  return {
    config,
    mode: readChoice(env, 'mode', MODES),
    apiKey,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    githubToken: readRaw(env, 'github-token'),
    agentId,
    allowBreaking: readBoolean(env, 'allow-breaking'),
    breakingLabel: readRaw(env, 'breaking-label'),
    strict: readBoolean(env, 'strict'),
    disabledRules: readRuleIds(env),
    comment: readBoolean(env, 'comment'),
    securityCheckTimeoutMs: readNumber(env, 'security-check-timeout', 1, 3600) * 1000,
    onLiveChanged: readChoice(env, 'on-live-changed', ['fail', 'apply'] as const),
    force: readBoolean(env, 'force'),
    allowPullRequestTarget: readBoolean(env, 'allow-pull-request-target'),
    maxRequestsPerSecond: readNumber(env, 'max-requests-per-second', 0, 1000),
    concurrency: readNumber(env, 'concurrency', 1, 64),
    versioning: readChoice(env, 'versioning', VERSIONING_CHOICES),
    insights: readBoolean(env, 'insights'),
    // Up to three pages of 500 are read per agent, so a larger window could never fill.
    insightsCalls: readWholeRange(env, 'insights-calls', 1, 1500),
    insightsDays: readWholeRange(env, 'insights-days', 1, 90),
    driftLabel: readRaw(env, 'drift-label'),
    rollbackScope: readChoice(env, 'rollback-scope', ROLLBACK_SCOPES),
    allowInvalid: readBoolean(env, 'allow-invalid'),
    ...(readRaw(env, 'to') !== '' ? { rollbackTo: readWholeNumber(env, 'to') } : {}),
  };
}

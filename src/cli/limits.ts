/** The CLI's request rate and concurrency: the action's `max-requests-per-second` and `concurrency` inputs, as options or environment variables. Pure. */
import { UsageError } from './usage-error.js';

export interface FleetLimits {
  /** Requests per second shared by all agents; 0 switches the limiter off. */
  maxRequestsPerSecond: number;
  /** Agents read or applied at the same time. */
  concurrency: number;
}

/** The action inputs' defaults (action.yml). */
export const DEFAULT_LIMITS: FleetLimits = { maxRequestsPerSecond: 8, concurrency: 8 };

export const LIMIT_ENV = {
  maxRequestsPerSecond: 'ATOMS_MAX_REQUESTS_PER_SECOND',
  concurrency: 'ATOMS_CONCURRENCY',
} as const;

function readLimit(
  option: string | undefined,
  variable: string,
  env: NodeJS.ProcessEnv,
  spec: { flag: string; min: number; max: number; whole: boolean; fallback: number },
): number {
  // An empty variable (an unset `vars.X` in CI) counts as unset, as ATOMS_API_URL does.
  const fromEnv = env[variable] || undefined;
  const raw = option ?? fromEnv;
  if (raw === undefined) return spec.fallback;
  const source = option !== undefined ? `--${spec.flag}` : variable;
  const value = Number(raw);
  if (!(spec.whole ? /^\d+$/ : /^\d+(\.\d+)?$/).test(raw) || value < spec.min || value > spec.max) {
    throw new UsageError(
      `${source} must be a ${spec.whole ? 'whole number' : 'number'} from ${spec.min} to ${spec.max}, got '${raw}'`,
    );
  }
  return value;
}

/** Reads the limits from the options, else the environment, else the action's defaults. Throws UsageError when out of range. */
export function readFleetLimits(
  options: { 'max-requests-per-second'?: string; concurrency?: string },
  env: NodeJS.ProcessEnv,
): FleetLimits {
  return {
    // Same range as the action input: fractions allowed (0.5 = one request every two seconds), 0 = off.
    maxRequestsPerSecond: readLimit(options['max-requests-per-second'], LIMIT_ENV.maxRequestsPerSecond, env, {
      flag: 'max-requests-per-second',
      min: 0,
      max: 1000,
      whole: false,
      fallback: DEFAULT_LIMITS.maxRequestsPerSecond,
    }),
    concurrency: readLimit(options.concurrency, LIMIT_ENV.concurrency, env, {
      flag: 'concurrency',
      min: 1,
      max: 64,
      whole: true,
      fallback: DEFAULT_LIMITS.concurrency,
    }),
  };
}

/** Turns anything thrown into one safe line for the log: no stack trace, no secret. */
import { inertForLog } from '../report/inert.js';
import { redactSecrets } from '../report/secrets.js';

/** Replaces every occurrence of each secret (and any bearer credential) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  return redactSecrets(text, secrets).replace(/\b(Bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 ***');
}

/** A message for a failure the run did not expect to handle as a result. */
export function describeFailure(error: unknown, secrets: readonly string[]): string {
  if (error instanceof Error) {
    const known = ['InputError', 'UsageError', 'AtomsApiError', 'GitHubApiError', 'ContextError'];
    const prefix = known.includes(error.name) ? '' : `Unexpected ${error.name}: `;
    return inertForLog(redact(`${prefix}${error.message}`, secrets));
  }
  return inertForLog(redact(`Unexpected failure: ${String(error)}`, secrets));
}

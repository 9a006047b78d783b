/** Turns anything thrown into one safe line for the log: no stack trace, no secret. */

/** Replaces every occurrence of each secret (and any bearer credential) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
  }
  return out.replace(/\b(Bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 ***');
}

/** A message for a failure the run did not expect to handle as a result. */
export function describeFailure(error: unknown, secrets: readonly string[]): string {
  if (error instanceof Error) {
    const known = ['InputError', 'UsageError', 'AtomsApiError', 'GitHubApiError', 'ContextError'];
    const prefix = known.includes(error.name) ? '' : `Unexpected ${error.name}: `;
    return redact(`${prefix}${error.message}`, secrets);
  }
  return redact(`Unexpected failure: ${String(error)}`, secrets);
}

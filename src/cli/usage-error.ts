/** A usage error: bad arguments or options. The CLI prints its message with a pointer to --help and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

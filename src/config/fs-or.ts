/**
 * Synchronous file-system reads with a fallback. Config discovery reads a handful of small local files before
 * anything else can run, so the thread-pool round trips of node:fs/promises bought nothing but start-up time.
 */

/** `read()`'s value, or `fallback` when it throws (a missing path, a permission denied, a dangling link). */
export function orElse<T, F>(read: () => T, fallback: F): T | F {
  try {
    return read();
  } catch {
    return fallback;
  }
}

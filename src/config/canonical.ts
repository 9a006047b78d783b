/** A stable text form of a normalised config, so equal configs hash and compare equal whatever their key order. */
import { createHash } from 'node:crypto';
import type { PostCallAnalyticsConfig } from './types.js';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    // No prototype, so a "__proto__" key is copied as data; the default sort orders by UTF-16 code units, as `<` does.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    return sorted;
  }
  return value;
}

/** JSON with sorted keys; metric order is kept because the API keeps it. */
export function canonicalConfigJson(config: PostCallAnalyticsConfig): string {
  return JSON.stringify(sortKeys(config));
}

/** sha256 hex of the canonical JSON; the plan records it and apply checks it. */
export function hashConfig(config: PostCallAnalyticsConfig): string {
  return createHash('sha256').update(canonicalConfigJson(config)).digest('hex');
}

export function configsEqual(a: PostCallAnalyticsConfig, b: PostCallAnalyticsConfig): boolean {
  return canonicalConfigJson(a) === canonicalConfigJson(b);
}

/** Reads a metric value the way its type means it: the wire carries every value as a string (fact sheet v2 §5). */
import type { MetricType } from '../config/types.js';

export type NormalisedValue =
  | { kind: 'empty' }
  | { kind: 'off-type'; raw: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'integer'; value: number }
  | { kind: 'datetime'; value: number }
  | { kind: 'choice'; value: string }
  | { kind: 'outside'; raw: string }
  | { kind: 'string'; value: string };

/** An ISO-like date (digits, then `-` or `/`): `Date.parse` alone would accept "2" or "March". */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}|^\d{1,2}\/\d{1,2}\/\d{2,4}/;

/** Normalises one value for a metric of `type` (with `choices` for ENUM). */
export function normaliseValue(raw: string | null, type: MetricType, choices: readonly string[] = []): NormalisedValue {
  if (raw === null || raw.trim() === '') return { kind: 'empty' };
  const text = raw.trim();
  switch (type) {
    case 'BOOLEAN':
      // The platform's own examples answer BOOLEAN metrics "yes"/"no" (fact sheet v2 §5): the same answer as true/false.
      return /^(true|false|yes|no)$/i.test(text)
        ? { kind: 'boolean', value: /^(true|yes)$/i.test(text) }
        : { kind: 'off-type', raw: text };
    case 'INTEGER': {
      const value = Number(text);
      return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(value)
        ? { kind: 'integer', value }
        : { kind: 'off-type', raw: text };
    }
    case 'DATETIME': {
      const value = Date.parse(text);
      return DATE_LIKE.test(text) && !Number.isNaN(value)
        ? { kind: 'datetime', value }
        : { kind: 'off-type', raw: text };
    }
    case 'ENUM':
      return choices.includes(text) ? { kind: 'choice', value: text } : { kind: 'outside', raw: text };
    case 'STRING':
      return { kind: 'string', value: text };
  }
}

/** Longest value shown, in characters, after which it is cut with "…". */
export const SHORT_LABEL_CHARS = 24;

/**
 * Whether a free-text value may be shown: a short label (≤ 32 characters, ≤ 4 words), with no run of five digits
 * (a phone or account number) and no `@` (an e-mail address). Anything else is only counted.
 */
export function isShortLabel(value: string): boolean {
  return (
    value.length <= 32 &&
    value.split(/\s+/).length <= 4 &&
    !/\d{5}|\d[\d\s().-]{6,}\d/.test(value) &&
    !value.includes('@')
  );
}

/** A short label cut to SHORT_LABEL_CHARS. */
export function truncateLabel(value: string): string {
  return value.length > SHORT_LABEL_CHARS ? `${value.slice(0, SHORT_LABEL_CHARS - 1)}…` : value;
}

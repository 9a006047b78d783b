/**
 * The secrets of this run (the API key, the GitHub token), and one function that takes them out of text.
 *
 * The list is process-wide on purpose, like the runner's own mask list: every writer of foreign text must honour
 * it — the plan renderer, the apply outcome, log lines — and most of them never see the inputs. Redaction has to
 * happen *before* any escaping or encoding (markdown turns `sk_live` into `sk\_live`, JSON and deflate change it
 * further), because the runner masks only the verbatim string, and never masks a PR comment at all.
 */

/** Shorter values would redact ordinary words; no real key or token is this short. */
const MIN_SECRET_LENGTH = 4;
const REPLACEMENT = '***';

const registered = new Set<string>();
/** The registered secrets, longest first; rebuilt only when one is added (redaction runs per string, often). */
let longestFirst: readonly string[] = [];

/** Adds a secret for the rest of the process (call it as soon as a secret is read, before anything can fail). */
export function registerSecret(value: string): void {
  if (value.length < MIN_SECRET_LENGTH || registered.has(value)) return;
  registered.add(value);
  longestFirst = [...registered].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of each secret with `***`: the registered ones, plus any given. Longest first, so a secret containing another goes whole. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  const secrets =
    extra.length === 0
      ? longestFirst
      : [...registered, ...extra.filter((s) => s.length >= MIN_SECRET_LENGTH)].sort((a, b) => b.length - a.length);
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REPLACEMENT);
  return out;
}

/**
 * Whether JSON text may hold a registered secret: its escaped form inside a string. Escaping goes character by
 * character except for surrogates (a lone one is escaped, a paired one is not), so a secret with one counts as held.
 */
function jsonHoldsSecret(json: string): boolean {
  return longestFirst.some(
    (secret) => /[\ud800-\udfff]/.test(secret) || json.includes(JSON.stringify(secret).slice(1, -1)),
  );
}

/**
 * Every string inside a JSON-like value redacted (keys included), for data about to be stringified or encoded.
 * A value with no secret in it comes back as it is: JSON escapes character by character, so a string holding a
 * secret makes the value's JSON hold the secret's escaped form, and one native stringify rules that out far faster
 * than copying a 20,000-metric config string by string.
 */
export function redactDeep(value: unknown): unknown {
  if (longestFirst.length === 0) return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined; // not JSON (a cycle, a BigInt): copy it string by string
  }
  if (json !== undefined && !jsonHoldsSecret(json)) return value;
  return copyRedacted(value);
}

/** JSON.stringify(redactDeep(value), null, indent), stringifying only once when the value holds no secret (the usual case). */
export function stringifyRedacted(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent);
  if (longestFirst.length === 0 || !jsonHoldsSecret(json)) return json;
  return JSON.stringify(copyRedacted(value), null, indent);
}

function copyRedacted(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(copyRedacted);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactSecrets(key), copyRedacted(item)]));
  }
  return value;
}

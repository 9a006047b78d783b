// redactDeep answers a value without secrets with the value itself (one stringify), and copies only when needed.
import { describe, expect, it } from 'vitest';
import { redactDeep, redactSecrets, registerSecret, stringifyRedacted } from '../../src/report/secrets.js';

describe('redaction of JSON-like values', () => {
  it('returns the value untouched when no secret is registered', () => {
    const value = { a: ['sk_anything'] };
    expect(redactDeep(value)).toBe(value);
  });

  it('returns the same value when it holds no secret, and a redacted copy when a key or a nested string holds one', () => {
    registerSecret('sk_live_"quoted\\slash"_9');
    registerSecret('sk_live_plain_42');
    const clean = { dispositionMetrics: [{ identifier: 'sk_live', prompt: 'no key here' }], n: 3 };
    expect(redactDeep(clean)).toBe(clean);
    const dirty = { list: [{ prompt: 'key sk_live_"quoted\\slash"_9 inside' }], ['by sk_live_plain_42']: true, n: 3 };
    const redacted = redactDeep(dirty);
    expect(redacted).toEqual({ list: [{ prompt: 'key *** inside' }], ['by ***']: true, n: 3 });
    expect(dirty.list[0]?.prompt).toContain('quoted'); // the input is not changed
  });

  it('does not redact a secret split across a key and its value (each string is redacted on its own)', () => {
    registerSecret('abcd_secret');
    const value = { abcd_: '_secret', ['x']: 'abcd_secret!' };
    expect(redactDeep(value)).toEqual({ abcd_: '_secret', x: '***!' });
  });

  it('copies values JSON cannot stringify', () => {
    registerSecret('sk_bigint_1');
    expect(redactDeep({ big: 1n, text: 'sk_bigint_1' })).toEqual({ big: 1n, text: '***' });
  });

  it('redacts the longest secret first and honours extra ones', () => {
    registerSecret('tok_1234');
    registerSecret('tok_1234_longer');
    expect(redactSecrets('tok_1234_longer and tok_1234')).toBe('*** and ***');
    expect(redactSecrets('one-off extra_9999', ['extra_9999'])).toBe('one-off ***');
  });

  it('stringifies once when nothing is secret, and redacts before stringifying when something is', () => {
    registerSecret('sk_out_"q"_1');
    expect(stringifyRedacted({ a: ['x'] }, 2)).toBe(JSON.stringify({ a: ['x'] }, null, 2));
    expect(stringifyRedacted({ a: ['the key sk_out_"q"_1'], ['sk_out_"q"_1']: 1 }, 2)).toBe(
      JSON.stringify({ a: ['the key ***'], ['***']: 1 }, null, 2),
    );
  });

  it('copies a value when a secret holds a surrogate (JSON escapes a lone one, not a pair), so it is still found', () => {
    registerSecret('key\ud83d');
    expect(redactDeep({ a: 'x key\ud83d\ude00 y' })).toEqual({ a: 'x ***\ude00 y' });
  });
});

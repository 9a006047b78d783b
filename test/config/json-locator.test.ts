import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson, parseJsonWithPositions } from '../../src/config/parse-json.js';
import { pointerSegment } from '../../src/config/source-map.js';

/** Every pointer in a value, plus a few that name nothing. */
function pointers(value: unknown, base = ''): string[] {
  const own = [base, `${base}/missing`, `${base}/9`];
  if (Array.isArray(value)) return [...own, ...value.flatMap((item, i) => pointers(item, `${base}/${i}`))];
  if (typeof value === 'object' && value !== null)
    return [...own, ...Object.entries(value).flatMap(([k, v]) => pointers(v, `${base}/${pointerSegment(k)}`))];
  return own;
}

const key = fc.string({ unit: fc.constantFrom('a', 'b', '/', '~', ' ', 'é', '1'), minLength: 0, maxLength: 4 });
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
})).value;

describe('parseJson fast path', () => {
  it('gives the same value and, pointer by pointer, the same positions as the full parser', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, '\t', ' \n '), (value, indent) => {
        const text = `${typeof indent === 'string' ? indent : ''}${JSON.stringify(value, null, typeof indent === 'number' ? indent : undefined)}\n`;
        const full = parseJsonWithPositions(text);
        expect(parseJson(text).value).toEqual(full.value);
        for (const pointer of pointers(value)) {
          // A fresh document per pointer, so each lookup walks the text instead of using the full map.
          expect(parseJson(text).map.get(pointer)).toEqual(full.map.get(pointer));
        }
        const many = parseJson(text).map;
        for (const pointer of pointers(value)) expect(many.get(pointer)).toEqual(full.map.get(pointer));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves duplicate, forbidden and escaped keys, and syntax errors, to the full parser', () => {
    expect(parseJson('{"a": 1, "a": 2}').problems.map((p) => p.rule)).toEqual(['duplicate-key']);
    expect(parseJson('{"__proto__": {}}').problems.map((p) => p.rule)).toEqual(['forbidden-key']);
    expect(parseJson('{"a": 1, "\\u0061": 2}').problems.map((p) => p.rule)).toEqual(['duplicate-key']);
    expect(parseJson('{"a": [1,]}').problems.map((p) => p.rule)).toEqual(['json-syntax']);
  });
});

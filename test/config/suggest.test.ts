import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/config/suggest.js';

/** The full-table version editDistance replaced (rolling rows): the oracle that the answers did not change. */
function editDistanceFullTable(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect([
      editDistance('choise', 'choices'),
      editDistance('INTEGRE', 'INTEGER'),
      editDistance('', 'abc'),
      editDistance('abc', ''),
    ]).toEqual([2, 1, 3, 3]);
    expect(closestMatch('NUMBR', ['STRING', 'BOOLEAN', 'INTEGER'])).toBeUndefined();
  });

  it('agrees with the full-table computation', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, (a, b) => editDistance(a, b) === editDistanceFullTable(a, b)),
      { numRuns: 3000 },
    );
  });
});

// The picomatch-free globs against picomatch itself (dot: true, as glob.ts calls it): same matches, base and verdict.
import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { simpleGlob } from '../../src/config/simple-glob.js';

const word = fc.constantFrom(
  'metrics',
  'agents',
  'a',
  'b',
  'support',
  'x.y',
  'v1-2',
  'my dir',
  '_',
  '.hidden',
  'a.yaml',
  'b.yml',
  'c.json',
);
const pathArb = fc.array(word, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));
const segmentArb = fc.constantFrom(
  'metrics',
  'agents',
  '*',
  '*.yaml',
  '*.{json,yaml,yml}',
  'a*',
  '*a*',
  '?.yaml',
  'a.?aml',
  '{a,b}.yaml',
  '{a,support}',
  'x.y',
  '.hidden',
  '*.json',
  'v1-2',
  'my dir',
  '**',
  '.*',
  '..',
  '.',
  '{a}',
  '[ab].yaml',
  '!(a)',
  '@(a|b)',
  'a+',
  '{a,{b,c}}',
  'a\\b',
  '',
);
const patternArb = fc.array(segmentArb, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));

describe('simple globs', () => {
  it('match exactly what picomatch matches, or are left to it', () => {
    let compared = 0;
    fc.assert(
      fc.property(patternArb, fc.array(pathArb, { minLength: 1, maxLength: 8 }), (pattern, paths) => {
        const simple = simpleGlob(pattern);
        if (simple === undefined) return;
        compared++;
        const matcher = picomatch(pattern, { dot: true });
        const scan = picomatch.scan(pattern);
        expect(simple.isGlob, pattern).toBe(scan.isGlob);
        if (simple.isGlob) expect(simple.base, pattern).toBe(scan.base);
        for (const path of paths) expect(simple.regex.test(path), `${pattern} ~ ${path}`).toBe(matcher(path));
      }),
      { numRuns: 5000 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('takes the patterns people write, and the default', () => {
    for (const pattern of [
      'metrics/**/*.{json,yaml,yml}',
      'metrics/*.yaml',
      'agents/support.yml',
      '**/*.json',
      'metrics/team a/*.y?ml',
    ])
      expect(simpleGlob(pattern), pattern).toBeDefined();
    expect(simpleGlob('metrics/**/*.{json,yaml,yml}')?.regex.test('metrics/support/agent.yaml')).toBe(true);
    expect(simpleGlob('metrics/**/*.{json,yaml,yml}')?.regex.test('metrics/agent.yml')).toBe(true);
    expect(simpleGlob('metrics/**/*.{json,yaml,yml}')?.regex.test('other/agent.yml')).toBe(false);
  });

  it('leaves classes, extglobs, escapes, nested braces and trailing ** to picomatch', () => {
    for (const pattern of [
      'metrics/[ab].yaml',
      'metrics/!(x).yaml',
      'metrics/@(a|b).yaml',
      'a\\*b',
      '{a,{b,c}}',
      'metrics/**',
      '/abs/*.yaml',
      'a//b',
      '../x/*.yaml',
    ]) {
      expect(simpleGlob(pattern), pattern).toBeUndefined();
    }
  });
});

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUT_DEFAULTS, OUTPUT_NAMES } from '../../src/action/contract.js';
import { LINT_RULES } from '../../src/config/lint-rules.js';

const action = parse(readFileSync('action.yml', 'utf8')) as {
  name: string;
  description: string;
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: Record<string, string>;
};
const readme = readFileSync('README.md', 'utf8');

describe('action.yml and the code agree', () => {
  it('declares exactly the inputs the code reads, with the same defaults', () => {
    expect(
      Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ''])),
    ).toEqual(INPUT_DEFAULTS);
  });
  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUT_NAMES).sort());
  });
  it('has a name and a description within the Marketplace limits (description ≤ 125 characters)', () => {
    // The Marketplace refuses a listing whose description is longer, and it shows the name in its catalogue.
    expect(action.description.length).toBeGreaterThan(0);
    expect(action.description.length).toBeLessThanOrEqual(125);
    expect(action.name.length).toBeGreaterThan(0);
  });
  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('README documents', () => {
  it.each(Object.keys(INPUT_DEFAULTS))('input %s', (name) => expect(readme).toContain(`\`${name}\``));
  it.each(LINT_RULES.map((rule) => rule.id))('lint rule %s', (id) => expect(readme).toContain(`\`${id}\``));
  it('both quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });
});

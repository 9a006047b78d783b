// `atoms-metrics rules` and docs/rules.md come from the same catalogues, and the catalogues match the sources.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ERROR_IDS } from '../../src/config/error-catalog.js';
import { LINT_RULES } from '../../src/config/lint-rule-catalog.js';
import { buildRulesReference, renderRulesMarkdown } from '../../src/report/rules-reference.js';

async function cli(argv: string[]) {
  let stdout = '';
  const code = await runCli(argv, {
    cwd: process.cwd(),
    env: {},
    stdout: (t) => (stdout += t),
    stderr: () => {},
    isTTY: false,
  });
  return { code, stdout };
}

/** Every id the validation sources emit: `rule: '…'` (ternaries included) and the last argument of the id-taking helpers. */
function emittedIds(): Set<string> {
  const ids = new Set<string>();
  const dir = 'src/config';
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    // Over the whole text, not line by line: a formatter may put a call's arguments on lines of their own.
    const text = readFileSync(join(dir, name), 'utf8');
    for (const [, ruleField = ''] of text.matchAll(/\brule:\s*([^,}]+)/g))
      for (const [, id] of ruleField.matchAll(/'([a-z][a-z0-9-]*)'/g)) if (id) ids.add(id);
    for (const [, id] of text.matchAll(
      /(?<!function )(?:new YamlLimitError|usageProblem)\([\s\S]*?'([a-z][a-z0-9-]*)'\s*,?\s*\)/g,
    ))
      if (id) ids.add(id);
  }
  return ids;
}

describe('atoms-metrics rules', () => {
  it('lists every lint rule and every error id, one line each', async () => {
    const { code, stdout } = await cli(['rules']);
    expect(code).toBe(0);
    for (const { id } of [...LINT_RULES, ...ERROR_IDS]) expect(stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
  });

  it('prints the same catalogue as JSON', async () => {
    const { code, stdout } = await cli(['rules', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(buildRulesReference());
  });

  it('has an entry for exactly the ids the validation code emits', () => {
    const lintIds = new Set(LINT_RULES.map((rule) => rule.id));
    const emitted = [...emittedIds()].filter((id) => !lintIds.has(id)).sort();
    expect(ERROR_IDS.map((error) => error.id).sort()).toEqual(emitted);
  });

  it('has no id twice', () => {
    const ids = [...LINT_RULES, ...ERROR_IDS].map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('docs/rules.md', () => {
  it('is what the build generates from the catalogues (run `npm run build` to refresh it)', () => {
    expect(readFileSync('docs/rules.md', 'utf8')).toBe(renderRulesMarkdown(buildRulesReference()));
  });
  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/rules.md)');
  });
});

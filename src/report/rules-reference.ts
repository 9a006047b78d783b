/** The rule reference (`atoms-metrics rules`, docs/rules.md), rendered from the two catalogues. Pure. */
import { ERROR_IDS } from '../config/error-catalog.js';
import { LINT_RULES } from '../config/lint-rule-catalog.js';

export interface RulesReference {
  lintRules: { id: string; severity: 'warning'; description: string }[];
  errors: { id: string; severity: 'error'; description: string }[];
}

export function buildRulesReference(): RulesReference {
  return {
    lintRules: LINT_RULES.map((rule) => ({ id: rule.id, severity: 'warning', description: rule.description })),
    errors: ERROR_IDS.map((error) => ({ id: error.id, severity: 'error', description: error.description })),
  };
}

/** Two aligned lists for a terminal. */
export function renderRulesText(reference: RulesReference): string {
  const width = Math.max(...[...reference.lintRules, ...reference.errors].map((rule) => rule.id.length));
  const list = (rules: readonly { id: string; description: string }[]) =>
    rules.map((rule) => `  ${rule.id.padEnd(width)}  ${rule.description}`).join('\n');
  return [
    'Lint rules (warnings; fail only with --strict / strict: true; switch off with --disable, disable-rules or lint.disable):',
    list(reference.lintRules),
    '',
    'Errors (the check fails):',
    list(reference.errors),
    '',
  ].join('\n');
}

/** docs/rules.md: the same lists with anchors, so a diagnostic's [id] can be linked. */
export function renderRulesMarkdown(reference: RulesReference): string {
  // `|` would end a table cell early; the descriptions are ours, so escaping it is all that is needed.
  const table = (rules: readonly { id: string; description: string }[]) =>
    [
      '| id | what it means |',
      '|---|---|',
      ...rules.map((rule) => `| <a id="${rule.id}"></a>\`${rule.id}\` | ${rule.description.replace(/\|/g, '\\|')} |`),
    ].join('\n');
  return [
    '# Rules and errors',
    '',
    '<!-- Generated from src/config/lint-rule-catalog.ts and src/config/error-catalog.ts by `npm run build`',
    '     (the same text as `atoms-metrics rules --format markdown`). Do not edit by hand. -->',
    '',
    'Every diagnostic ends with its id in brackets: `metrics/a.yaml:7:30: error: unknown metric type "NUMBER" … [metric-type]`.',
    '',
    '## Lint rules',
    '',
    'Warnings: advice that fails the check only with `strict: true` (CLI: `--strict`). Switch a rule off for one file',
    "with `lint: {disable: [rule-id]}`, or for every file with the action's `disable-rules` input (CLI: `--disable rule-id`).",
    '',
    table(reference.lintRules),
    '',
    '## Errors',
    '',
    'The file is refused and the check fails. Errors cannot be switched off.',
    '',
    table(reference.errors),
    '',
  ].join('\n');
}

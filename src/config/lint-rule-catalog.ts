/**
 * The lint rules' ids and descriptions, apart from the rules themselves: checking a `disable-rules` input or
 * a `--disable` flag needs only the ids, and should not load the schema validator the rules depend on.
 */
import { didYouMean } from './suggest.js';

export interface LintRule {
  id: string;
  description: string;
}

/** Every lint rule, listed by `atoms-metrics rules` and docs/rules.md. Switch one off with `lint.disable` in a file or the `disable-rules` input. */
export const LINT_RULES: readonly LintRule[] = [
  {
    id: 'enum-prompt-options',
    description:
      "An ENUM prompt lists options that differ from its `choices`; an answer outside `choices` drops the whole call's analytics.",
  },
  {
    id: 'off-type-fallback',
    description:
      'An INTEGER, BOOLEAN or DATETIME prompt invites an off-type answer such as "N/A" or "unknown", which fails the type check.',
  },
  {
    id: 'skip-instruction',
    description:
      'A prompt tells the model to skip, omit or leave the metric blank; every metric must always get a value.',
  },
  {
    id: 'string-fixed-options',
    description: 'A STRING prompt lists fixed options: make it an ENUM so values are checked and consistent.',
  },
  { id: 'vague-prompt', description: 'A prompt too short to say what to extract (e.g. "Customer happy?").' },
  {
    id: 'too-many-metrics',
    description:
      'More metrics than the platform suggests (start with 3–5; each one adds a way for the whole result to be dropped).',
  },
  {
    id: 'legacy-nested-type',
    description: 'The legacy nested `dispositionValues: {type}` form; use the flat `dispositionMetricType`.',
  },
  { id: 'deprecated-field', description: '`summaryPrompt` or `successMetrics`, which the platform no longer uses.' },
  {
    id: 'unknown-lint-rule',
    description:
      'A rule id in `lint.disable` that does not exist (in the `disable-rules` input or `--disable` it is an input error).',
  },
];

export const LINT_RULE_IDS = new Set(LINT_RULES.map((rule) => rule.id));

/** For an id given to switch a rule off: undefined when it is a rule, else a "did you mean …?" suffix (maybe empty). */
export function unknownRuleHint(rule: string): string | undefined {
  return LINT_RULE_IDS.has(rule) ? undefined : didYouMean(rule, [...LINT_RULE_IDS]);
}

/** For ids given outside a file (the `disable-rules` input, `--disable`): why one is not a rule, or undefined. */
export function unknownRuleProblem(rule: string): string | undefined {
  const hint = unknownRuleHint(rule);
  return hint === undefined ? undefined : `'${rule}' is not a lint rule${hint} ('atoms-metrics rules' lists them)`;
}

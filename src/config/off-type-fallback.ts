/** The `off-type-fallback` lint rule's reading of a prompt: does it invite an answer the metric's type rejects? Pure. */
import type { MetricType } from './types.js';

type OffTypeChecked = Extract<MetricType, 'INTEGER' | 'BOOLEAN' | 'DATETIME'>;
const isChecked = (type: unknown): type is OffTypeChecked =>
  type === 'INTEGER' || type === 'BOOLEAN' || type === 'DATETIME';

const OFF_TYPE =
  /\b(n\/?a|not applicable|unknown|none|null|not mentioned|not sure|unsure|if (?:it is |it's )?not (?:mentioned|stated|clear|known|available)|no answer|leave (?:it )?empty)\b/gi;
/** A prompt that tells the model to skip the metric (its own rule, `skip-instruction`). */
export const SKIP =
  /\b(skip|omit|leave (?:it |this )?(?:blank|empty)|do not (?:answer|fill|respond)|don't (?:answer|fill|respond)|ignore this (?:metric|question)|return nothing|no value)\b/i;
/** Words that make the phrase after them a condition ("0 if none", "if not mentioned, answer false"). */
const CONDITION_BEFORE =
  /\b(?:if|when|unless)\s+(?:(?:it|that|this|there)\s+(?:is|are|was|were)\s+|it's\s+|there's\s+)?$/i;
const LEADING_VERB =
  /^[\s,:;)→=-]*(?:then\s+)?(?:(?:answer|return|use|say|reply|respond|output|put|write|give)\s+(?:with\s+)?)?/i;

/** An answer of the metric's own type: what a fallback may name. */
function isOnType(token: string, type: OffTypeChecked): boolean {
  const text = token.replace(/^["'`(]+|["'`),.;:!?]+$/g, '');
  if (type === 'INTEGER') return /^[+-]?\d+$/.test(text);
  if (type === 'BOOLEAN') return /^(true|false|yes|no)$/i.test(text);
  return /^\d{4}-\d{2}-\d{2}/.test(text);
}

/** The answer a condition leads to: the word just before "if …", or the first word after the condition. */
function conditionAnswers(before: string, after: string): string[] {
  const lead = before.replace(CONDITION_BEFORE, '').trimEnd();
  const last = /(\S+)$/.exec(lead)?.[1] ?? '';
  const next = /^(\S+)/.exec(after.replace(LEADING_VERB, ''))?.[1] ?? '';
  return [last, next];
}

/**
 * The first phrase of the prompt that invites an off-type answer ("N/A", "or unknown"), or undefined.
 * A fallback that names an on-type answer is the rule's own advice and passes: "0 if none", "answer 0 if not
 * mentioned", "if unknown, answer false".
 */
export function findOffTypeInvitation(prompt: string, type: unknown): string | undefined {
  if (!isChecked(type)) return undefined;
  if (SKIP.test(prompt)) return undefined;
  for (const match of prompt.matchAll(OFF_TYPE)) {
    const phrase = match[0];
    const before = prompt.slice(0, match.index);
    const after = prompt.slice(match.index + phrase.length);
    const isCondition = /^if\b/i.test(phrase) || CONDITION_BEFORE.test(before);
    if (!isCondition || !conditionAnswers(before, after).some((answer) => isOnType(answer, type))) return phrase;
  }
  return undefined;
}

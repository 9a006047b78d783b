/** `--act` specs from text: people acting between a client's calls (carried out by acts.ts). Light: help and parsing only. */
import { globToPath } from './path-glob.js';

export const ACT_ACTIONS = ['publish-draft', 'edit-draft', 'discard-draft', 'publish-edit', 'make-live'] as const;
export type ActAction = (typeof ACT_ACTIONS)[number];

export interface ActSpec {
  method?: string;
  /** Below the base path; a string matches exactly, `*` globs become a RegExp. */
  path?: string | RegExp;
  action: ActAction;
  /** edit-draft and publish-edit: the section edited (default workflow_prompt); make-live: the branch's name. */
  arg?: string;
  /** Who acts (default Dana Person). */
  by?: string;
  /** Matching requests to let pass first (default 0). */
  skip?: number;
  /** How many times it acts (default 1). */
  times?: number;
}

export const ACT_FLAG_HELP = `  --act '<METHOD> <path> <action>[=<arg>] [by=<name>] [skip=N] [times=N]'   (repeatable)
      Right after a matching request took effect, a person acts on the agent's live branch:
      publish-draft (publishes the open draft as it is), edit-draft=<section> (edits the draft; default
      workflow_prompt; analytics flips useReasoningModel), discard-draft, publish-edit=<section> (edits and
      publishes at once: a revision lands), make-live=<branch> (another branch, made from the live head if new,
      becomes live). <path> is below /atoms/v1; * matches any characters. skip=N lets N matches pass first.`;

export class ActSpecError extends Error {
  override name = 'ActSpecError';
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Parses one `--act` spec; throws an ActSpecError that quotes it. */
export function parseActFlag(spec: string): ActSpec {
  const words = spec
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  const bad = (message: string) => new ActSpecError(`--act '${spec}': ${message}`);
  let i = 0;
  const act: Partial<ActSpec> = {};
  if (words[i] && METHODS.includes(words[i]?.toUpperCase() ?? '')) act.method = words[i++]?.toUpperCase();
  const path = words[i++];
  if (!path || (!path.startsWith('/') && !path.startsWith('*')))
    throw bad('a path (starting with / or *) is needed, e.g. PUT /agent/*/branches/*/draft publish-draft');
  act.path = globToPath(path);
  for (const word of words.slice(i)) {
    const [key = '', value] = word.includes('=')
      ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]
      : [word, undefined];
    const action = ACT_ACTIONS.find((a) => a === key);
    if (action) {
      if (act.action) throw bad(`a second action '${key}' (one act does one thing; repeat --act)`);
      act.action = action;
      if (value !== undefined) act.arg = value;
    } else if (key === 'by' && value) act.by = value.replace(/_/g, ' ');
    else if (
      (key === 'skip' || key === 'times') &&
      value !== undefined &&
      /^\d+$/.test(value) &&
      Number(value) <= 1_000_000
    )
      act[key] = Number(value);
    else throw bad(`'${word}' is not an action (${ACT_ACTIONS.join(', ')}) or by=NAME, skip=N, times=N`);
  }
  if (!act.action) throw bad(`no action: one of ${ACT_ACTIONS.join(', ')}`);
  return { ...act, action: act.action };
}

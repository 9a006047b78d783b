/**
 * Word-level diff of two texts. The alignment is jsdiff's `diffArrays` (Myers' O(ND) algorithm) over word and
 * whitespace tokens: its cost grows with the size of the edit, not the size of the prompt, so a long prompt with a
 * word changed at each end shows two small edits. A bound on the edit keeps very different texts fast.
 */
import { diffArrays } from 'diff';
import type { TextDiffPart } from './types.js';

/**
 * Past this many token insertions plus deletions (about 250 changed words), show "all removed, all added": such a
 * diff is no longer readable, and Myers' cost grows with the square of the edit (two unrelated 5,000-word prompts
 * give up after ~40 ms here, ~170 ms at 1,000).
 */
const MAX_EDIT_TOKENS = 500;

function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(parts: TextDiffPart[], op: TextDiffPart['op'], text: string): void {
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else if (text !== '') parts.push({ op, text });
}

/** Diff parts whose `equal`+`removed` text joins to `before` and `equal`+`added` text joins to `after`. */
export function diffWords(before: string, after: string): TextDiffPart[] {
  const changes = diffArrays(tokenize(before), tokenize(after), { maxEditLength: MAX_EDIT_TOKENS });
  const parts: TextDiffPart[] = [];
  if (changes === undefined) {
    push(parts, 'removed', before);
    push(parts, 'added', after);
    return parts;
  }
  for (const change of changes)
    push(parts, change.removed ? 'removed' : change.added ? 'added' : 'equal', change.value.join(''));
  return parts;
}

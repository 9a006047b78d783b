/** Word-level diff of two texts (LCS over word tokens), bounded so huge prompts stay fast. */
import type { TextDiffPart } from './types.js';

/** Above this many tokens × tokens, fall back to "all removed, all added" rather than spend quadratic time. */
const MAX_CELLS = 400_000;

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
  const a = tokenize(before);
  const b = tokenize(after);
  // Trim the common prefix and suffix first: most prompt edits are local.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: TextDiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, 'removed', midA.join(''));
    push(parts, 'added', midB.join(''));
  } else {
    const rows = midA.length + 1;
    const cols = midB.length + 1;
    const lcs = new Uint32Array(rows * cols);
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * cols + j] = midA[i] === midB[j] ? (lcs[(i + 1) * cols + j + 1] ?? 0) + 1 : Math.max(lcs[(i + 1) * cols + j] ?? 0, lcs[i * cols + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        push(parts, 'equal', midA[i++] ?? '');
        j++;
      } else if ((lcs[(i + 1) * cols + j] ?? 0) >= (lcs[i * cols + j + 1] ?? 0)) push(parts, 'removed', midA[i++] ?? '');
      else push(parts, 'added', midB[j++] ?? '');
    }
    push(parts, 'removed', midA.slice(i).join(''));
    push(parts, 'added', midB.slice(j).join(''));
  }
  push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}

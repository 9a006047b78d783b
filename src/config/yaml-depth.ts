/**
 * A cheap look at how deep YAML block structure goes, before the parser sees it. The `yaml` package parses block
 * collections recursively, so a sequence written thousands of levels deep without brackets (`- - - …`, or one
 * `-` per line, each indented one more) runs it out of stack. Brackets are counted elsewhere (findExcessiveNesting).
 */

/** A line that opens structure: sequence entries (`-`, possibly several compact ones) and a key (`key:`). */
const DASHES = /^(?:-(?:[ \t]+|$))+/;
const KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]|$)/;
/** A block scalar's header (`|`, `>-`, `|2+` …) ends the line: the lines under it are text, not structure. */
const BLOCK_SCALAR = /(?:^|[ \t:])[|>][-+1-9]{0,2}[ \t]*(?:#.*)?$/;

/**
 * The offset of the first line whose block nesting exceeds `maxDepth`, or -1. It counts at most the levels the
 * parser will build (a sequence written at its parent key's indentation is one level it does not count), so a
 * file it flags is one the converter would refuse anyway — only earlier, and without a stack overflow.
 */
export function findExcessiveBlockNesting(text: string, maxDepth: number): number {
  /** The columns of the open block nodes, innermost last. */
  const open: number[] = [];
  let blockScalarParent = -1;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const start = lineStart;
    lineStart += line.length + 1;
    const content = line.replace(/^ +/, '');
    const indent = line.length - content.length;
    if (content.trim() === '' || content.startsWith('#')) continue;
    if (blockScalarParent >= 0) {
      if (indent > blockScalarParent) continue;
      blockScalarParent = -1;
    }
    const dashes = DASHES.exec(content)?.[0] ?? '';
    const rest = content.slice(dashes.length);
    const isKey = KEY.test(rest);
    if (dashes === '' && !isKey) continue;
    while ((open.at(-1) ?? -1) >= indent) open.pop();
    // Every dash is one more sequence level, at its own column; a key is one more mapping level.
    for (let i = 0; i < dashes.length; i++) if (dashes[i] === '-') open.push(indent + i);
    if (isKey) open.push(indent + dashes.length);
    if (open.length > maxDepth) return start + indent;
    if (BLOCK_SCALAR.test(rest)) blockScalarParent = indent;
  }
  return -1;
}

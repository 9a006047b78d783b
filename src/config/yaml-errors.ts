/** The yaml package's parse errors as problems a person can act on. Pure. */
import type { YAMLError } from 'yaml';
import type { ParseProblem, Position } from './source-map.js';

/**
 * Errors that mean "this line is not where the structure expects it". One such mistake makes the parser report
 * a cascade (9–11 errors for one mis-indented line), all but the first about lines that are fine.
 */
const INDENTATION_CODES = new Set([
  'TAB_AS_INDENT',
  'BAD_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
]);
/** The hint after an indentation error; the tab rule only when the text holds a tab at all. */
const hintFor = (text: string): string =>
  text.includes('\t')
    ? 'check the indentation of this line; tabs are not allowed in YAML'
    : 'check the indentation of this line against the lines it belongs with';

function lineAt(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, end: end === -1 ? text.length : end };
}

/** The first content of the next line that is not blank or a comment, or undefined at the end of the text. */
function nextContentLine(text: string, after: number): number | undefined {
  let start = text.indexOf('\n', after);
  while (start !== -1) {
    const line = lineAt(text, start + 1);
    const content = text.slice(line.start, line.end).search(/[^ \t]/);
    if (content !== -1 && text[line.start + content] !== '#') return line.start + content;
    start = text.indexOf('\n', start + 1);
  }
  return undefined;
}

/** The first line up to `limit` whose indentation holds a tab: the likeliest cause of any indentation error. */
function firstTabIndent(text: string, limit: number): number | undefined {
  const match = /^ *\t/m.exec(text.slice(0, lineAt(text, limit).end));
  return match ? match.index + match[0].length - 1 : undefined;
}

/**
 * Problems for a document that failed to parse. An indentation mistake is one error, at the line to fix (a tab
 * in its indentation first), with a hint; other errors are each reported once, an unclosed bracket or quote at the
 * end of the last written line rather than past it.
 */
export function describeYamlErrors(
  text: string,
  errors: readonly YAMLError[],
  at: (offset: number) => Position,
): ParseProblem[] {
  const contentEnd = text.trimEnd().length;
  const first = [...errors].sort((a, b) => a.pos[0] - b.pos[0])[0];
  // An unclosed quote or bracket is reported where the text runs out, with the same codes: not an indentation mistake.
  if (first && INDENTATION_CODES.has(first.code) && first.pos[0] < contentEnd) {
    const lastErrorAt = Math.max(...errors.map((error) => error.pos[0]));
    const HINT = hintFor(text);
    const tab = firstTabIndent(text, lastErrorAt);
    if (tab !== undefined)
      return [
        {
          position: at(tab),
          message: `YAML syntax error: this line is indented with a tab — ${HINT}`,
          rule: 'yaml-syntax',
        },
      ];
    // "Implicit keys need to be on a single line" points at the value before the line that is indented too far.
    const line = lineAt(text, first.pos[0]);
    const sameLineMapping = /:[ \t]/.test(text.slice(first.pos[0], line.end));
    const implicitKey = first.code === 'BLOCK_AS_IMPLICIT_KEY' || first.code === 'MULTILINE_IMPLICIT_KEY';
    const next = implicitKey && !sameLineMapping ? nextContentLine(text, first.pos[0]) : undefined;
    if (next !== undefined)
      return [
        {
          position: at(next),
          message: `YAML syntax error: this line is indented further than the line above allows — ${HINT}`,
          rule: 'yaml-syntax',
        },
      ];
    return [
      {
        position: at(first.pos[0]),
        message: `YAML syntax error: ${first.message.split('\n')[0]} — ${HINT}`,
        rule: 'yaml-syntax',
      },
    ];
  }

  const seen = new Set<string>();
  const problems: ParseProblem[] = [];
  for (const error of errors) {
    const multiple = error.code === 'MULTIPLE_DOCS';
    const atEnd = error.pos[0] >= contentEnd && contentEnd > 0;
    const position = at(atEnd ? contentEnd - 1 : error.pos[0]);
    const message = multiple
      ? 'a metrics file holds one YAML document; found a second one (remove the extra `---`)'
      : `YAML syntax error: ${error.message.split('\n')[0]}${atEnd ? ' (the file ends before it is closed)' : ''}`;
    const key = `${position.line}:${position.column}:${multiple}`;
    // yaml reports an unclosed flow mapping inside an unclosed sequence twice at the same place; once is enough.
    if (atEnd && seen.has(key)) continue;
    seen.add(key);
    problems.push({ position, message, rule: multiple ? 'yaml-multiple-documents' : 'yaml-syntax' });
  }
  return problems;
}

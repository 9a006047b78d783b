/**
 * The YAML most metrics files are written in, parsed without the `yaml` package: block mappings with plain keys,
 * block sequences, single-line plain or quoted scalars, one-line `[a, b]` lists, comments, a leading `---`.
 * Anything else — block scalars, anchors, tags, multi-line scalars, numbers, odd indentation, anything the package
 * would report as an error — answers `undefined`, and the `yaml` package parses the file as before. So this is a
 * shortcut, never a second dialect: where it answers, the value, the source map and the problems are the ones the
 * package's path gives (test/config/parse-yaml-fast.test.ts checks that on thousands of generated and mutated files).
 *
 * Why: compiling and running the package costs a small file's validation ~15 ms of start-up, and a 5,000-metric
 * file most of its parse time.
 */
import {
  MAX_DEPTH,
  addMappingEntry,
  childPointer,
  type NodeLocation,
  type ParseProblem,
  type ParsedDocument,
  type Position,
} from './source-map.js';

type FastNode =
  | { kind: 'scalar'; at: Position; value: string | boolean | null }
  | { kind: 'seq'; at: Position; items: FastNode[] }
  | { kind: 'map'; at: Position; entries: { key: string; keyAt: Position; value: FastNode }[] };

/** One line that is not blank and not only a comment; a compact mapping in a sequence item becomes one of its own. */
interface Line {
  /** 1-based. */
  no: number;
  /** Where `text` starts, in spaces from the line's start. */
  indent: number;
  text: string;
}

class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported();

/** Upper bound on nodes (the package's path has the same one, and reports it). */
const MAX_NODES = 150_000;

/**
 * Characters whose handling the package decides: tabs (indentation rules), carriage returns, control and C1
 * characters, line and paragraph separators, byte-order marks and non-characters, lone surrogates.
 */
const UNSUPPORTED_CHARACTERS =
  /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** A plain key, then `:` and a space or the line's end. Quoted keys, keys with spaces or symbols: the package. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +|$)/;
/** Keys the core schema reads as booleans or null, which the package's path reports differently. */
const NOT_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** What the core schema reads as a number (int, octal, hex, float, exponent, .inf, .nan): left to the package. */
const NUMBER =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const NULL = /^(?:~|[Nn]ull|NULL)$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
/** Characters a plain scalar may not start with here (indicators, reserved characters, quotes); `-` only before text. */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`]|^-[^-\s]/;
/** In a `[…]` list, `-` must not be followed by a list's own punctuation either. */
const FLOW_PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`]|^-[^-\s,[\]{}]/;
/** What may follow a closing quote or bracket: nothing, spaces, or spaces and a comment. */
const TRAILER = /^(?: +(?:#.*)?)?$/;
const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t' };

/** The logical lines, or undefined when a line is outside the subset (directives, a later `---`, `...`). */
function logicalLines(text: string): Line[] | undefined {
  const lines: Line[] = [];
  let no = 0;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    no++;
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === 32) indent++;
    if (indent < end && text.charCodeAt(indent) !== 35 /* # */) {
      const content = text.slice(indent, end);
      const column = indent - start;
      if (column === 0 && (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))) {
        // Only a plain `---` before any content is kept out of the way: the document's start.
        if (lines.length > 0 || !/^---(?: +(?:#.*)?)?$/.test(content)) return undefined;
      } else {
        lines.push({ no, indent: column, text: content });
      }
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

function isSeqItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function leadingSpaces(text: string): number {
  let n = 0;
  while (text.charCodeAt(n) === 32) n++;
  return n;
}

class BlockParser {
  private pos = 0;

  constructor(private readonly lines: Line[]) {}

  parseDocument(): FastNode {
    const first = this.lines[0];
    if (first === undefined) throw UNSUPPORTED;
    const root = this.parseBlock(first.indent, 0);
    if (this.pos < this.lines.length) throw UNSUPPORTED;
    return root;
  }

  private at(line: Line, column: number): Position {
    return { line: line.no, column: column + 1 };
  }

  /** `depth` bounds the recursion: a file nested deeper than any metrics file is the package path's to report. */
  private parseBlock(indent: number, depth: number): FastNode {
    const line = this.lines[this.pos];
    if (line === undefined || depth > MAX_DEPTH) throw UNSUPPORTED;
    if (isSeqItem(line.text)) return this.parseSeq(indent, depth);
    if (KEY_LINE.test(line.text)) return this.parseMap(indent, depth);
    throw UNSUPPORTED;
  }

  private parseMap(indent: number, depth: number): FastNode {
    const first = this.lines[this.pos] as Line;
    const node: FastNode = { kind: 'map', at: this.at(first, indent), entries: [] };
    for (let line = this.lines[this.pos]; line !== undefined && line.indent >= indent; line = this.lines[this.pos]) {
      if (line.indent > indent) throw UNSUPPORTED;
      const match = KEY_LINE.exec(line.text);
      const key = match?.[1];
      if (match === null || key === undefined || NOT_STRING_KEYS.has(key) || key.length > 1000) throw UNSUPPORTED;
      const keyAt = this.at(line, indent);
      const rest = line.text.slice(match[0].length);
      this.pos++;
      let value: FastNode;
      if (rest === '' || rest.startsWith('#')) {
        const next = this.lines[this.pos];
        if (next !== undefined && next.indent > indent) value = this.parseBlock(next.indent, depth + 1);
        else if (next !== undefined && next.indent === indent && isSeqItem(next.text))
          value = this.parseSeq(indent, depth + 1);
        else value = { kind: 'scalar', at: this.at(line, indent + match[0].length), value: null };
      } else {
        value = this.parseInline(line, indent + match[0].length, rest);
        this.refuseContinuation(indent);
      }
      node.entries.push({ key, keyAt, value });
    }
    return node;
  }

  private parseSeq(indent: number, depth: number): FastNode {
    const first = this.lines[this.pos] as Line;
    const node: FastNode = { kind: 'seq', at: this.at(first, indent), items: [] };
    for (let line = this.lines[this.pos]; line !== undefined && line.indent >= indent; line = this.lines[this.pos]) {
      if (line.indent > indent) throw UNSUPPORTED;
      // A key at the sequence's own column ends it: the sequence was a mapping value written at its key's indentation.
      if (!isSeqItem(line.text)) break;
      const column = indent + 1 + leadingSpaces(line.text.slice(1));
      const rest = line.text.slice(column - indent);
      if (rest === '' || rest.startsWith('#')) {
        this.pos++;
        const next = this.lines[this.pos];
        node.items.push(
          next !== undefined && next.indent > indent
            ? this.parseBlock(next.indent, depth + 1)
            : { kind: 'scalar', at: this.at(line, column), value: null },
        );
      } else if (isSeqItem(rest)) {
        throw UNSUPPORTED;
      } else if (KEY_LINE.test(rest)) {
        // A compact mapping (`- key: value`): its lines continue at the column of its first key.
        this.lines[this.pos] = { no: line.no, indent: column, text: rest };
        node.items.push(this.parseMap(column, depth + 1));
      } else {
        this.pos++;
        node.items.push(this.parseInline(line, column, rest));
        this.refuseContinuation(indent);
      }
    }
    return node;
  }

  /** A line indented under a scalar would continue it (a multi-line plain scalar) or be an error: the package decides. */
  private refuseContinuation(indent: number): void {
    const next = this.lines[this.pos];
    if (next !== undefined && next.indent > indent) throw UNSUPPORTED;
  }

  /** A scalar or a one-line `[…]` list that starts at `column` and runs to the end of the line. */
  private parseInline(line: Line, column: number, text: string): FastNode {
    const at = this.at(line, column);
    if (text.startsWith('[')) return this.parseFlowSeq(line, column, text);
    const scalar = readScalar(text, false);
    if (!TRAILER.test(text.slice(scalar.length))) throw UNSUPPORTED;
    return { kind: 'scalar', at, value: scalar.value };
  }

  private parseFlowSeq(line: Line, column: number, text: string): FastNode {
    const node: FastNode = { kind: 'seq', at: this.at(line, column), items: [] };
    let i = 1 + leadingSpaces(text.slice(1));
    if (text[i] === ']') {
      i++;
    } else {
      for (;;) {
        const scalar = readScalar(text.slice(i), true);
        node.items.push({ kind: 'scalar', at: this.at(line, column + i), value: scalar.value });
        i += scalar.length;
        i += leadingSpaces(text.slice(i));
        const separator = text[i];
        i++;
        if (separator === ']') break;
        if (separator !== ',') throw UNSUPPORTED;
        i += leadingSpaces(text.slice(i));
        if (text[i] === ']' || text[i] === ',') throw UNSUPPORTED; // a trailing or empty entry
      }
    }
    if (!TRAILER.test(text.slice(i))) throw UNSUPPORTED;
    return node;
  }
}

/** Reads a quoted or plain scalar at the start of `text`; `length` is how much of `text` it took (trailing spaces excluded). */
function readScalar(text: string, inFlow: boolean): { value: string | boolean | null; length: number } {
  if (text.startsWith('"')) return readDoubleQuoted(text);
  if (text.startsWith("'")) return readSingleQuoted(text);
  if (!(inFlow ? FLOW_PLAIN_START : PLAIN_START).test(text)) throw UNSUPPORTED;
  // A plain scalar ends at a comment (` #`), in a list also at `,` or `]`; `: ` inside it would start a mapping.
  let end = text.length;
  const comment = text.indexOf(' #');
  if (comment >= 0) end = comment;
  if (inFlow) {
    const stop = text.slice(0, end).search(/[,\]]/);
    if (stop >= 0) end = stop;
  }
  const source = text.slice(0, end).replace(/ +$/, '');
  if (source.includes(': ') || source.endsWith(':') || (inFlow && /[[{}:#]/.test(source))) throw UNSUPPORTED;
  if (NUMBER.test(source)) throw UNSUPPORTED;
  const value = NULL.test(source) ? null : TRUE.test(source) ? true : FALSE.test(source) ? false : source;
  return { value, length: source.length };
}

function readDoubleQuoted(text: string): { value: string; length: number } {
  let value = '';
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value: value + text.slice(run, i), length: i + 1 };
    if (c === '\\') {
      const escaped = DOUBLE_QUOTED_ESCAPES[text[i + 1] ?? ''];
      if (escaped === undefined) throw UNSUPPORTED;
      value += text.slice(run, i) + escaped;
      i++;
      run = i + 1;
    }
  }
  throw UNSUPPORTED; // closes on a later line
}

function readSingleQuoted(text: string): { value: string; length: number } {
  let value = '';
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    if (text[i] !== "'") continue;
    if (text[i + 1] === "'") {
      value += text.slice(run, i + 1);
      i++;
      run = i + 1;
      continue;
    }
    return { value: value + text.slice(run, i), length: i + 1 };
  }
  throw UNSUPPORTED;
}

/** The value, source map and problems the `yaml` package's path would give, or undefined when the file is outside the subset. */
export function parseYamlFast(text: string): ParsedDocument | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  const lines = logicalLines(text);
  if (lines === undefined) return undefined;
  let root: FastNode;
  try {
    root = new BlockParser(lines).parseDocument();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const map = new Map<string, NodeLocation>();
  const problems: ParseProblem[] = [];
  let visited = 0;
  const convert = (node: FastNode, pointer: string, depth: number, key?: Position): unknown => {
    if (++visited > MAX_NODES || depth > MAX_DEPTH) throw UNSUPPORTED;
    map.set(pointer, key ? { value: node.at, key } : { value: node.at });
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'seq')
      return node.items.map((item, index) => convert(item, childPointer(pointer, index), depth + 1));
    const out: Record<string, unknown> = {};
    const mapping = { out, seen: new Map<string, Position>(), map, problems };
    for (const entry of node.entries) {
      const child = childPointer(pointer, entry.key);
      addMappingEntry(mapping, entry.key, entry.keyAt, child, () =>
        convert(entry.value, child, depth + 1, entry.keyAt),
      );
    }
    return out;
  };
  try {
    return { value: convert(root, '', 0), map, problems };
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

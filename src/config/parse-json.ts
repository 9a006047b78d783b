/**
 * A small JSON parser that keeps what JSON.parse throws away: the position of every node, and duplicate
 * keys (JSON.parse silently keeps the last one, which would lose data without a word).
 */
import {
  MAX_DEPTH,
  addMappingEntry,
  childPointer,
  lineStarts,
  positionAt,
  type ParseProblem,
  type ParsedDocument,
  type Position,
  type NodeLocation,
} from './source-map.js';
import { hasPlainUniqueKeys, lazyJsonSourceMap } from './json-locator.js';

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of file';
  if (ch === '\n' || ch === '\r') return 'a line break';
  return `'${ch}'`;
}

/**
 * Parses JSON text (BOM already stripped) into a value, a source map and problems. A text that JSON.parse accepts
 * and whose keys are plain and unique has nothing for this parser to report, so it takes JSON.parse's value and
 * a source map that finds positions only when a diagnostic asks (several times faster on a large file).
 */
export function parseJson(text: string): ParsedDocument {
  const value = parseNative(text);
  if (value !== undefined)
    return { value: value.parsed, map: lazyJsonSourceMap(text, () => parseJsonWithPositions(text).map), problems: [] };
  return parseJsonWithPositions(text);
}

function parseNative(text: string): { parsed: unknown } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined; // the full parser says where and why
  }
  return hasPlainUniqueKeys(text) ? { parsed } : undefined;
}

/** The full parser: every node's position, duplicate and forbidden keys, syntax errors with their place. */
export function parseJsonWithPositions(text: string): ParsedDocument {
  const starts = lineStarts(text);
  const map = new Map<string, NodeLocation>();
  const problems: ParseProblem[] = [];
  const at = (offset: number): Position => positionAt(starts, offset);
  let i = 0;

  const skipWhitespace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };

  const fail = (message: string, offset = i): never => {
    throw new JsonSyntaxError(message, offset);
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let runStart = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(runStart, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(runStart, i);
        const esc = text[i + 1];
        if (esc === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape in string: expected 4 hex digits', i);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (esc !== undefined && esc in ESCAPES) {
          out += ESCAPES[esc];
          i += 2;
        } else {
          fail(`invalid escape '\\${esc ?? ''}' in string`, i);
        }
        runStart = i;
        continue;
      }
      if (c < 32)
        fail(
          c === 10 || c === 13
            ? 'unterminated string (line break inside a string)'
            : 'control character inside a string',
          i,
        );
      i++;
    }
    return fail('unterminated string', start);
  };

  const parseNumber = (): number => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) return fail(`unexpected ${describeChar(text[i])}: expected a value`);
    i += match[0].length;
    return Number(match[0]);
  };

  const parseValue = (pointer: string, depth: number, key?: Position): unknown => {
    skipWhitespace();
    const start = at(i);
    map.set(pointer, key ? { value: start, key } : { value: start });
    const ch = text[i];
    if (depth > MAX_DEPTH) fail(`too deeply nested (more than ${MAX_DEPTH} levels)`);
    if (ch === '{') return parseObject(pointer, depth);
    if (ch === '[') return parseArray(pointer, depth);
    if (ch === '"') return parseString();
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return parseNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`unexpected ${describeChar(ch)}: expected a value`);
  };

  const parseObject = (pointer: string, depth: number): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    const mapping = { out, seen: new Map<string, Position>(), map, problems };
    skipWhitespace();
    if (text[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      skipWhitespace();
      if (text[i] !== '"') fail(`unexpected ${describeChar(text[i])}: expected a key in double quotes`);
      const keyPos = at(i);
      const key = parseString();
      skipWhitespace();
      if (text[i] !== ':') fail(`unexpected ${describeChar(text[i])}: expected ':' after key "${key}"`);
      i++;
      const child = childPointer(pointer, key);
      addMappingEntry(mapping, key, keyPos, child, () => parseValue(child, depth + 1, keyPos));
      skipWhitespace();
      if (text[i] === ',') {
        const comma = i++;
        skipWhitespace();
        // Pinned at the comma to delete, not at the brace after it (which may be lines below).
        if (text[i] === '}') fail("trailing comma: remove this ',' (JSON allows no comma before '}')", comma);
        continue;
      }
      if (text[i] === '}') {
        i++;
        return out;
      }
      fail(`unexpected ${describeChar(text[i])}: expected ',' or '}'`);
    }
  };

  const parseArray = (pointer: string, depth: number): unknown[] => {
    i++;
    const out: unknown[] = [];
    skipWhitespace();
    if (text[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(parseValue(childPointer(pointer, out.length), depth + 1));
      skipWhitespace();
      if (text[i] === ',') {
        const comma = i++;
        skipWhitespace();
        if (text[i] === ']') fail("trailing comma: remove this ',' (JSON allows no comma before ']')", comma);
        continue;
      }
      if (text[i] === ']') {
        i++;
        return out;
      }
      fail(`unexpected ${describeChar(text[i])}: expected ',' or ']'`);
    }
  };

  try {
    const value = parseValue('', 0);
    skipWhitespace();
    if (i < text.length) fail(`unexpected ${describeChar(text[i])} after the end of the document`);
    return { value, map, problems };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return {
      value: undefined,
      map,
      problems: [
        ...problems,
        { position: at(error.offset), message: `JSON syntax error: ${error.message}`, rule: 'json-syntax' },
      ],
    };
  }
}

/**
 * Positions in a JSON text, found only when asked for. Most files have little or nothing to report, and recording
 * the position of every node while parsing cost several times what parsing itself does; here a few lookups walk
 * the text to the node they want, and a file with many diagnostics gets its full map built once.
 * Only for texts that JSON.parse accepted and whose keys are plain (see `hasPlainUniqueKeys`).
 */
import { FORBIDDEN_KEYS, MAX_DEPTH, lineStarts, positionAt, type NodeLocation, type SourceMap } from './source-map.js';

/** Walks (rather than building the full map) for this many lookups; past it, the full map is cheaper. */
const WALK_BUDGET = 8;

const QUOTE = 34;
const BACKSLASH = 92;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function skipWhitespace(text: string, i: number): number {
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just past the string that starts (with its quote) at `i`. */
function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return i;
}

/** Offset just past the value that starts at `i` (no whitespace before it). */
function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === QUOTE) return skipString(text, i);
  if (c === 123 || c === 91) {
    let depth = 0;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === QUOTE) {
        i = skipString(text, i);
        continue;
      }
      if (d === 123 || d === 91) depth++;
      else if (d === 125 || d === 93) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 44 || d === 125 || d === 93 || isWhitespace(d)) break;
    i++;
  }
  return i;
}

function decodeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Where the node at `pointer` starts (and its key's quote), as offsets; undefined when there is no such node. */
function walkTo(text: string, pointer: string): { value: number; key?: number } | undefined {
  let i = skipWhitespace(text, 0);
  let key: number | undefined;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const segment = decodeSegment(raw);
    const open = text.charCodeAt(i);
    let found = false;
    if (open === 123) {
      i = skipWhitespace(text, i + 1);
      while (text.charCodeAt(i) === QUOTE) {
        const keyStart = i;
        const keyEnd = skipString(text, i);
        i = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
        // Keys hold no escapes (checked before this is used), so the text between the quotes is the key.
        if (text.slice(keyStart + 1, keyEnd - 1) === segment) {
          key = keyStart;
          found = true;
          break;
        }
        i = skipWhitespace(text, skipValue(text, i));
        if (text.charCodeAt(i) === 44) i = skipWhitespace(text, i + 1);
      }
    } else if (open === 91 && /^(0|[1-9]\d*)$/.test(segment)) {
      const index = Number(segment);
      i = skipWhitespace(text, i + 1);
      for (let n = 0; i < text.length && text.charCodeAt(i) !== 93; n++) {
        if (n === index) {
          key = undefined;
          found = true;
          break;
        }
        i = skipWhitespace(text, skipValue(text, i));
        if (text.charCodeAt(i) === 44) i = skipWhitespace(text, i + 1);
      }
    }
    if (!found) return undefined;
  }
  return key === undefined ? { value: i } : { value: i, key };
}

/**
 * True when no object in the text repeats a key, uses a forbidden one (`__proto__`…) or writes a key with an escape,
 * and nothing nests near the depth cap. Those need the full parser's problems and positions; every other text can
 * take the fast path.
 */
export function hasPlainUniqueKeys(text: string): boolean {
  // One key set per open object; arrays push null so closing brackets pair up.
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = skipString(text, i);
      const keys = stack[stack.length - 1];
      if (keys) {
        // A string inside an object is a key when a colon follows it.
        const after = skipWhitespace(text, end);
        if (text.charCodeAt(after) === 58) {
          const key = text.slice(i + 1, end - 1);
          if (key.includes('\\') || FORBIDDEN_KEYS.has(key) || keys.has(key)) return false;
          keys.add(key);
        }
      }
      i = end - 1;
    } else if (c === 123 || c === 91) {
      stack.push(c === 123 ? new Set() : null);
      if (stack.length > MAX_DEPTH) return false;
    } else if (c === 125 || c === 93) stack.pop();
  }
  return true;
}

/** A source map for a plain-keyed JSON text that finds positions on demand; `buildFull` gives the whole map at once. */
export function lazyJsonSourceMap(text: string, buildFull: () => SourceMap): SourceMap {
  let full: SourceMap | undefined;
  let starts: number[] | undefined;
  let walks = 0;
  const at = (offset: number) => positionAt((starts ??= lineStarts(text)), offset);
  return {
    get(pointer: string): NodeLocation | undefined {
      if (full === undefined && walks < WALK_BUDGET) {
        walks++;
        const found = walkTo(text, pointer);
        if (found === undefined) return undefined;
        return found.key === undefined ? { value: at(found.value) } : { value: at(found.value), key: at(found.key) };
      }
      full ??= buildFull();
      return full.get(pointer);
    },
  };
}

/** Where each node of a parsed document sits in its source, keyed by JSON pointer. */

/** 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

export interface NodeLocation {
  /** Where the value starts (for objects: the opening brace or the first key). */
  value: Position;
  /** Where the key that holds this value starts; absent for array items and the root. */
  key?: Position;
}

export type SourceMap = Map<string, NodeLocation>;

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, segment: string | number): string {
  return `${parent}/${pointerSegment(segment)}`;
}

/** Finds a position for a pointer: the node itself, else its nearest located ancestor. */
export function locate(map: SourceMap, pointer: string, prefer: 'key' | 'value' = 'value'): Position {
  let current = pointer;
  for (;;) {
    const found = map.get(current);
    if (found) return prefer === 'key' && found.key ? found.key : found.value;
    if (current === '') return { line: 1, column: 1 };
    current = current.slice(0, current.lastIndexOf('/'));
  }
}

/** A fatal or non-fatal problem found while parsing. */
export interface ParseProblem {
  position: Position;
  message: string;
  rule: string;
}

export interface ParsedDocument {
  /** Undefined when a fatal problem stopped parsing. */
  value: unknown;
  map: SourceMap;
  problems: ParseProblem[];
}

/** Keys that would reach Object.prototype if assigned naively; never stored. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const MAX_DEPTH = 64;
export const MAX_BYTES = 5 * 1024 * 1024;

/** Maps a character offset to a 1-based position, given the offsets at which lines start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/**
 * Cheap pre-parse check of bracket nesting (outside strings), so a hostile file cannot exhaust the
 * parser's stack. Returns the offset where the cap is exceeded, or -1.
 */
export function findExcessiveNesting(text: string, maxDepth: number): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote !== '') {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"') quote = '"';
    else if (ch === '[' || ch === '{') {
      if (++depth > maxDepth) return i;
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
  return -1;
}

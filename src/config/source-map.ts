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

/** Read-only: a parser may build it in full while parsing, or find positions only when asked (JSON). */
export interface SourceMap {
  get(pointer: string): NodeLocation | undefined;
}

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

/** One mapping being built by a parser: its values, where each key was first seen, and where problems go. */
export interface MappingBuilder {
  out: Record<string, unknown>;
  seen: Map<string, Position>;
  map: Map<string, NodeLocation>;
  problems: ParseProblem[];
}

/**
 * Adds one key the same way in JSON and YAML: a forbidden key is refused, and of duplicate keys the first
 * is kept (JSON.parse would keep the last, silently), along with its location. The value is parsed inside,
 * after the first key's location is saved, because parsing it records a location for the same pointer.
 */
export function addMappingEntry(
  mapping: MappingBuilder,
  key: string,
  keyPos: Position,
  child: string,
  parseValue: () => unknown,
): void {
  const first = mapping.seen.get(key);
  const firstLocation = mapping.map.get(child);
  const value = parseValue();
  if (FORBIDDEN_KEYS.has(key)) {
    mapping.problems.push({ position: keyPos, message: `key "${key}" is not allowed`, rule: 'forbidden-key' });
  } else if (first) {
    mapping.problems.push({
      position: keyPos,
      message: `duplicate key "${key}" (first defined on line ${first.line})`,
      rule: 'duplicate-key',
    });
    if (firstLocation) mapping.map.set(child, firstLocation);
  } else {
    mapping.seen.set(key, keyPos);
    mapping.out[key] = value;
  }
}

export const MAX_DEPTH = 64;
export const MAX_BYTES = 5 * 1024 * 1024;

/** Maps a character offset to a 1-based position, given the offsets at which lines start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // indexOf rather than a loop over every character: several times faster on a large file.
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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

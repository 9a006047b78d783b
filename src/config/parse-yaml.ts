/** YAML → plain value plus a source map, with the same safety rules as the JSON parser. */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
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
import { describeYamlErrors } from './yaml-errors.js';

/** Tags that only say what a plain value already is (`!` forces a string); anything else (`!!binary`, `!!timestamp`, `!custom`) is refused. */
const PLAIN_TAGS = new Set([
  '!',
  ...['str', 'int', 'float', 'bool', 'null', 'seq', 'map'].map((name) => `tag:yaml.org,2002:${name}`),
]);

/** Upper bound on nodes visited (a 5,000-metric file has about 50,000). */
const MAX_NODES = 150_000;
/** Upper bound on nodes reached through aliases, so an alias bomb fails fast instead of expanding. */
const MAX_ALIASED_NODES = 10_000;

class YamlLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly rule: string,
  ) {
    super(message);
  }
}

/** Parses YAML text (BOM already stripped). */
export function parseYaml(text: string): ParsedDocument {
  const starts = lineStarts(text);
  const at = (offset: number): Position => positionAt(starts, offset);
  const map = new Map<string, NodeLocation>();
  const problems: ParseProblem[] = [];

  const doc = parseDocument(text, {
    logLevel: 'error',
    uniqueKeys: false,
    prettyErrors: false,
    version: '1.2',
    strict: true,
  });
  if (doc.errors.length > 0) return { value: undefined, map, problems: describeYamlErrors(text, doc.errors, at) };

  let visited = 0;
  let aliased = 0;
  const convert = (
    node: Node | null | undefined,
    pointer: string,
    depth: number,
    fallback: number,
    key?: Position,
    viaAlias = false,
  ): unknown => {
    if (++visited > MAX_NODES)
      throw new YamlLimitError(`document too large (over ${MAX_NODES} nodes)`, fallback, 'too-large');
    if (viaAlias && ++aliased > MAX_ALIASED_NODES) {
      throw new YamlLimitError(
        `aliases expand to more than ${MAX_ALIASED_NODES} nodes (an alias bomb?)`,
        fallback,
        'yaml-alias-limit',
      );
    }
    if (depth > MAX_DEPTH)
      throw new YamlLimitError(
        `too deeply nested (more than ${MAX_DEPTH} levels)`,
        node?.range?.[0] ?? fallback,
        'too-deep',
      );
    const offset = node?.range?.[0] ?? fallback;
    const location = key ? { value: at(offset), key } : { value: at(offset) };
    map.set(pointer, location);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc as Document);
      if (!target) throw new YamlLimitError(`unresolved alias *${node.source}`, offset, 'yaml-syntax');
      const value = convert(target, pointer, depth + 1, offset, key, true);
      // A problem with this value is reported where the alias is used, not at the anchor it copies.
      map.set(pointer, location);
      return value;
    }
    const tag = (isScalar(node) || isMap(node) || isSeq(node)) && typeof node.tag === 'string' ? node.tag : undefined;
    // Reported at the anchor once, not again for every alias that copies it.
    if (tag !== undefined && !PLAIN_TAGS.has(tag) && !viaAlias) {
      problems.push({
        position: at(offset),
        message: `YAML tag ${tag.replace(/^tag:yaml\.org,2002:/, '!!')} is not allowed in a metrics file (the API takes plain JSON values): remove it`,
        rule: 'yaml-tag',
      });
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node))
      return node.items.map((item, index) =>
        convert(item as Node | null, childPointer(pointer, index), depth + 1, offset, undefined, viaAlias),
      );
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const mapping = { out, seen: new Map<string, Position>(), map, problems };
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyOffset = isScalar(keyNode) || isAlias(keyNode) ? (keyNode.range?.[0] ?? offset) : offset;
        const keyPos = at(keyOffset);
        if (
          !isScalar(keyNode) ||
          (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number' && typeof keyNode.value !== 'boolean')
        ) {
          problems.push({ position: keyPos, message: 'keys must be plain strings', rule: 'yaml-key' });
          continue;
        }
        const name = String(keyNode.value);
        if (name === '<<' && keyNode.type === 'PLAIN') {
          problems.push({
            position: keyPos,
            message:
              'YAML merge keys (<<) are not supported in a metrics file: write the keys out (the API takes plain JSON)',
            rule: 'yaml-merge-key',
          });
          continue;
        }
        const child = childPointer(pointer, name);
        addMappingEntry(mapping, name, keyPos, child, () =>
          convert(pair.value as Node | null, child, depth + 1, keyNode.range?.[1] ?? keyOffset, keyPos, viaAlias),
        );
      }
      return out;
    }
    return null;
  };

  try {
    return { value: convert(doc.contents, '', 0, 0), map, problems };
  } catch (error) {
    if (!(error instanceof YamlLimitError)) throw error;
    return {
      value: undefined,
      map,
      problems: [...problems, { position: at(error.offset), message: error.message, rule: error.rule }],
    };
  }
}

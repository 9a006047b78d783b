/**
 * Updates an existing metrics file in place with a live config, keeping everything else the file says: its
 * comments, key order and quoting (the yaml package's Document API), and keys other than postCallAnalyticsConfig.
 * Pure.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { SCHEMA_URL } from '../config/schema-url.js';
import type { PostCallAnalyticsConfig } from '../config/types.js';
import { YAML_OPTIONS, YAML_SCHEMA_LINE } from './render-file.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node to keep for `value`: the existing one, brought up to date, or a new one when the shape changed. */
function syncNode(doc: Document, node: unknown, value: unknown): unknown {
  if (isScalar(node) && !isRecord(value) && !Array.isArray(value)) {
    if (node.value !== value) node.value = value;
    return node;
  }
  if (isMap(node) && isRecord(value)) {
    syncMap(doc, node, value);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    syncSeq(doc, node, value);
    return node;
  }
  return doc.createNode(value);
}

function keyOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

function syncMap(doc: Document, map: YAMLMap, value: Record<string, unknown>): void {
  for (const pair of [...map.items]) if (!(keyOf(pair.key) in value)) map.delete(pair.key);
  for (const [key, item] of Object.entries(value)) {
    const existing = map.get(key, true);
    const next = syncNode(doc, existing, item);
    if (next !== existing) map.set(key, next);
  }
}

/** Metrics are matched by identifier (so a metric's comments move with it when the order changes), other lists by position. */
function syncSeq(doc: Document, seq: YAMLSeq, values: readonly unknown[]): void {
  const before = [...seq.items];
  const byIdentifier = new Map<string, unknown>();
  for (const item of before) {
    const id = isMap(item) ? item.get('identifier') : undefined;
    if (typeof id === 'string') byIdentifier.set(id, item);
  }
  seq.items = values.map((value, index) => {
    const id = isRecord(value) && typeof value.identifier === 'string' ? value.identifier : undefined;
    return syncNode(doc, id !== undefined ? byIdentifier.get(id) : before[index], value);
  });
}

/** The YAML text with postCallAnalyticsConfig set to `config`; undefined when the text is not a YAML mapping it can edit. */
export function updateYamlFile(text: string, config: PostCallAnalyticsConfig): string | undefined {
  const doc = parseDocument(text, { version: '1.2', keepSourceTokens: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const root = doc.contents;
  const existing = doc.get('postCallAnalyticsConfig', true);
  // Plain JSON data: optional fields that are absent must not become `null` nodes.
  const plain: unknown = JSON.parse(JSON.stringify(config));
  const next = syncNode(doc, existing, plain);
  if (next !== existing) doc.set('postCallAnalyticsConfig', next);
  const out = doc.toString(YAML_OPTIONS);
  // Editors find the schema from this first line; a file that names its own `$schema` keeps that instead.
  return out.startsWith('# yaml-language-server:') || root.items.some((pair) => keyOf(pair.key) === '$schema')
    ? out
    : `${YAML_SCHEMA_LINE}\n${out}`;
}

/** The JSON text with postCallAnalyticsConfig set to `config` and a `$schema` (JSON has no comments to keep); undefined when it is not an object. */
export function updateJsonFile(text: string, config: PostCallAnalyticsConfig): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  // Editors find the schema from `$schema` (the YAML modeline's counterpart); a file that names its own keeps it.
  return `${JSON.stringify({ $schema: SCHEMA_URL, ...parsed, postCallAnalyticsConfig: config }, null, 2)}\n`;
}

/** Runs the generated JSON Schema validator and turns its errors into positioned, human messages. */
import validateSchema, { type SchemaError } from './generated/schema-validator.js';
import { METRIC_TYPES } from './types.js';
import { locate, type ParseProblem, type SourceMap } from './source-map.js';
import { closestMatch, didYouMean } from './suggest.js';

/** Keys allowed at each kind of object, for "did you mean" on unknown keys. Mirrors schema/metrics.schema.json. */
const ALLOWED_KEYS: Record<string, readonly string[]> = {
  root: ['$schema', 'agentId', 'agentIds', 'lint', 'postCallAnalyticsConfig'],
  lint: ['disable'],
  config: ['dispositionMetrics', 'useInternalAnalyticsModel', 'useReasoningModel', 'summaryPrompt', 'successMetrics'],
  metric: ['identifier', 'dispositionMetricPrompt', 'dispositionMetricType', 'dispositionValues', 'choices'],
  dispositionValues: ['type'],
  successMetric: ['identifier', 'successMetricPrompt', 'successMetricType'],
};

/** Common words people write for a type, mapped to the platform's name. */
const TYPE_SYNONYMS: Record<string, string> = {
  NUMBER: 'INTEGER',
  NUMERIC: 'INTEGER',
  INT: 'INTEGER',
  FLOAT: 'INTEGER',
  DECIMAL: 'INTEGER',
  SCORE: 'INTEGER',
  BOOL: 'BOOLEAN',
  YESNO: 'BOOLEAN',
  YES_NO: 'BOOLEAN',
  TEXT: 'STRING',
  STR: 'STRING',
  FREETEXT: 'STRING',
  DATE: 'DATETIME',
  TIME: 'DATETIME',
  TIMESTAMP: 'DATETIME',
  DATE_TIME: 'DATETIME',
  CHOICE: 'ENUM',
  CHOICES: 'ENUM',
  SELECT: 'ENUM',
  CATEGORY: 'ENUM',
  ENUMERATION: 'ENUM',
  OPTIONS: 'ENUM',
};

/** Suggests a metric type for an unknown one: synonyms first, then spelling. */
export function suggestMetricType(value: string): string | undefined {
  const upper = value.toUpperCase().replace(/[\s-]/g, '_');
  if ((METRIC_TYPES as readonly string[]).includes(upper)) return upper;
  return TYPE_SYNONYMS[upper] ?? closestMatch(upper, METRIC_TYPES);
}

/**
 * A key that is right but at the wrong level — the commonest mistake when pasting the API's body: the flags and
 * the metric list belong under postCallAnalyticsConfig, a metric's fields inside a metric, agentId at the top.
 */
function misplacedKeyHint(kind: keyof typeof ALLOWED_KEYS, key: string): string | undefined {
  if (kind === 'root' && (ALLOWED_KEYS.config ?? []).includes(key))
    return ': move it under `postCallAnalyticsConfig` (indented below it)';
  if ((kind === 'root' || kind === 'config') && (ALLOWED_KEYS.metric ?? []).includes(key))
    return ': it belongs to a metric — move it into an item of `dispositionMetrics`';
  if ((kind === 'config' || kind === 'metric') && (key === 'agentId' || key === 'agentIds'))
    return ': move it to the top level of the file';
  if (kind === 'metric' && (ALLOWED_KEYS.config ?? []).includes(key))
    return ': it is a setting of the whole config — move it up, next to `dispositionMetrics`';
  return undefined;
}

function objectKind(instancePath: string): keyof typeof ALLOWED_KEYS {
  if (instancePath === '') return 'root';
  if (instancePath === '/lint') return 'lint';
  if (instancePath === '/postCallAnalyticsConfig') return 'config';
  if (/^\/postCallAnalyticsConfig\/dispositionMetrics\/\d+$/.test(instancePath)) return 'metric';
  if (/\/dispositionValues$/.test(instancePath)) return 'dispositionValues';
  if (/^\/postCallAnalyticsConfig\/successMetrics\/\d+$/.test(instancePath)) return 'successMetric';
  return 'root';
}

/** Where in the file, in words, e.g. `metric #2 ("call_outcome")`. */
export function describePath(instancePath: string, root: unknown): string {
  const metric = /^\/postCallAnalyticsConfig\/dispositionMetrics\/(\d+)/.exec(instancePath);
  if (metric) {
    const index = Number(metric[1]);
    const config = isRecord(root) ? root.postCallAnalyticsConfig : undefined;
    const list = isRecord(config) ? config.dispositionMetrics : undefined;
    const item = Array.isArray(list) ? list[index] : undefined;
    const id =
      isRecord(item) && typeof item.identifier === 'string' && item.identifier !== '' ? ` ("${item.identifier}")` : '';
    return `metric #${index + 1}${id}`;
  }
  if (instancePath.startsWith('/postCallAnalyticsConfig')) return 'postCallAnalyticsConfig';
  return 'the file';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

function valueAt(root: unknown, instancePath: string): unknown {
  let current = root;
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

function lastSegment(instancePath: string): string {
  return instancePath
    .slice(instancePath.lastIndexOf('/') + 1)
    .replace(/~1/g, '/')
    .replace(/~0/g, '~');
}

const EXPECTED: Record<string, string> = {
  boolean: 'true or false',
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  integer: 'a whole number',
  number: 'a number',
};

/** Keywords whose problems the semantic rules report with better messages (or that only echo another error). */
const LEFT_TO_SEMANTIC_RULES = new Set([
  'pattern',
  'minLength',
  'minItems',
  'uniqueItems',
  'if',
  'then',
  'oneOf',
  'anyOf',
  'not',
  'const',
]);

function toProblem(
  error: SchemaError,
  root: unknown,
  map: SourceMap,
  format: 'json' | 'yaml',
): ParseProblem | undefined {
  const where = describePath(error.instancePath, root);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const pointer = `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const kind = objectKind(error.instancePath);
      const allowed = ALLOWED_KEYS[kind] ?? [];
      const misplaced = misplacedKeyHint(kind, key);
      return {
        position: locate(map, pointer, 'key'),
        message: `unknown key "${key}" in ${where}${misplaced ?? didYouMean(key, allowed)}`,
        rule: 'unknown-key',
      };
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      if (missing === 'choices') {
        return {
          position: locate(map, error.instancePath),
          message: `${where} is an ENUM but has no "choices": list every value the model may answer`,
          rule: 'enum-choices',
        };
      }
      return {
        position: locate(map, error.instancePath),
        message: `${where} is missing the required key "${missing}"`,
        rule: 'missing-key',
      };
    }
    case 'type': {
      const value = valueAt(root, error.instancePath);
      const expected = EXPECTED[String(error.params.type)] ?? String(error.params.type);
      const name = lastSegment(error.instancePath);
      const label = /^\d+$/.test(name)
        ? `item ${Number(name) + 1} of "${lastSegment(error.instancePath.slice(0, error.instancePath.lastIndexOf('/')))}"`
        : `"${name}"`;
      const hint =
        expected === 'true or false' && typeof value === 'string'
          ? ' (quoted words like "yes" are strings, not booleans)'
          : format === 'yaml' && expected === 'a string' && (typeof value === 'number' || typeof value === 'boolean')
            ? ' (YAML reads unquoted values like 015, 0x1f, 1e3 or true as numbers and booleans: put it in "quotes")'
            : '';
      return {
        position: locate(map, error.instancePath),
        message: `${error.instancePath === '' ? 'the file' : label} must be ${expected}, got ${typeName(value)}${hint}`,
        rule: 'type',
      };
    }
    case 'enum': {
      const value = valueAt(root, error.instancePath);
      const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues.map(String) : [];
      const isMetricType = /\/(dispositionMetricType|dispositionValues\/type)$/.test(error.instancePath);
      const suggestion =
        typeof value === 'string'
          ? isMetricType
            ? suggestMetricType(value)
            : closestMatch(value, allowed)
          : undefined;
      return {
        position: locate(map, error.instancePath),
        message: `${isMetricType ? 'unknown metric type' : `"${lastSegment(error.instancePath)}" has the unknown value`} ${JSON.stringify(value)} in ${where}${suggestion ? ` — did you mean ${suggestion}?` : ''} (allowed: ${allowed.join(', ')})`,
        rule: isMetricType ? 'metric-type' : 'enum-value',
      };
    }
    default:
      if (LEFT_TO_SEMANTIC_RULES.has(error.keyword)) return undefined;
      return {
        position: locate(map, error.instancePath),
        message: `${where}: ${error.message ?? error.keyword}`,
        rule: 'schema',
      };
  }
}

/** Validates against schema/metrics.schema.json; returns positioned problems (empty when the shape is right). */
export function checkSchema(
  root: unknown,
  map: SourceMap,
  format: 'json' | 'yaml' = 'json',
): { valid: boolean; problems: ParseProblem[] } {
  const valid = validateSchema(root);
  const problems = (validateSchema.errors ?? [])
    .map((error) => toProblem(error, root, map, format))
    .filter((p): p is ParseProblem => p !== undefined);
  return { valid, problems };
}

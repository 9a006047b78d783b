/**
 * The ids of validation errors, each with one line on what it means. The ids are emitted where each check
 * lives (parsers, schema diagnostics, semantic rules, file loading); this list is what `atoms-metrics rules`
 * and docs/rules.md show, and a test keeps it equal to the ids the sources emit.
 */

export interface ErrorId {
  id: string;
  description: string;
}

export const ERROR_IDS: readonly ErrorId[] = [
  // Reading the file
  { id: 'no-match', description: 'A file pattern (glob) matches no file.' },
  {
    id: 'outside-workspace',
    description:
      'A path or glob points outside the workspace (the CLI: its working directory), or a symbolic link leads out.',
  },
  { id: 'unreadable', description: 'The file cannot be read (permissions, a directory, an I/O error).' },
  { id: 'too-large', description: 'The file is larger than 5 MiB, or its YAML expands to too many nodes.' },
  { id: 'encoding', description: 'The file is not valid UTF-8; the error points at the first bad byte.' },
  // Parsing
  {
    id: 'json-syntax',
    description: 'The file is not valid JSON (missing comma, trailing comma, unterminated string, …).',
  },
  {
    id: 'yaml-syntax',
    description:
      'The file is not valid YAML (bad indentation, unclosed bracket or quote), or an alias names no anchor.',
  },
  {
    id: 'yaml-multiple-documents',
    description: "The YAML file holds more than one document (`---`); one file holds one agent's metrics.",
  },
  { id: 'yaml-alias-limit', description: 'YAML aliases expand to too many nodes (an "alias bomb").' },
  { id: 'yaml-tag', description: 'A YAML tag such as `!custom` or `!!timestamp`; the API takes plain JSON values.' },
  { id: 'yaml-key', description: 'A mapping key that is not a plain string (a list, a mapping, null).' },
  { id: 'yaml-merge-key', description: 'A YAML merge key (`<<`); write the keys out.' },
  { id: 'duplicate-key', description: 'A key appears twice in one mapping (JSON.parse would silently keep the last).' },
  {
    id: 'forbidden-key',
    description: 'A key such as `__proto__`, `constructor` or `prototype`, refused so it cannot alter objects.',
  },
  { id: 'too-deep', description: 'Nesting deeper than a metrics file ever needs.' },
  {
    id: 'not-a-mapping',
    description:
      'The top level is not a mapping with `agentId` and `postCallAnalyticsConfig` (empty file, list, scalar).',
  },
  // Shape (JSON Schema)
  { id: 'unknown-key', description: 'A key the schema does not know, with "did you mean …?" for near misses.' },
  { id: 'missing-key', description: 'A required key is missing (e.g. `identifier` or `dispositionMetricPrompt`).' },
  { id: 'type', description: 'A value of the wrong type, e.g. the string "yes" where `true` or `false` is required.' },
  { id: 'enum-value', description: 'A value outside its allowed set (other than the metric type).' },
  {
    id: 'schema',
    description:
      'Any other mismatch with schema/metrics.schema.json; also the summary line at 1:1 of a file that does not match.',
  },
  // The platform's rules
  {
    id: 'agent-id',
    description:
      '`agentId` missing or not 24 lowercase hex characters; `agentIds` empty or with a repeated id; or both given.',
  },
  {
    id: 'agent-in-two-files',
    description: "A second file for an agent that already has one (each apply would undo the other's metrics).",
  },
  {
    id: 'identifier',
    description: 'An identifier that does not match `^[a-z0-9_]+$` (the message suggests a fixed one).',
  },
  { id: 'duplicate-identifier', description: 'Two metrics in one file share an identifier.' },
  {
    id: 'metric-type',
    description:
      '`dispositionMetricType` missing or unknown (`NUMBER` → did you mean INTEGER?), or set beside the legacy `dispositionValues`.',
  },
  {
    id: 'enum-choices',
    description: 'An ENUM metric without `choices`, or with an empty list, a blank choice or a choice listed twice.',
  },
  { id: 'choices-on-non-enum', description: '`choices` on a metric that is not ENUM.' },
  { id: 'blank-prompt', description: 'An empty or whitespace-only `dispositionMetricPrompt`.' },
  {
    id: 'unprintable',
    description: 'An invisible character (zero-width space, control character) in a prompt or a choice.',
  },
];

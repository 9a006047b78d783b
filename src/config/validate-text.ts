/** Validates one metrics file's text, JSON or YAML, with both parsers at hand (for callers that need no lazy loading). Pure. */
import { parseJson } from './parse-json.js';
import { parseYaml } from './parse-yaml.js';
import { parseYamlFast } from './parse-yaml-fast.js';
import type { FileResult, ValidateOptions } from './types.js';
import { validateSource } from './validate-source.js';

/** Validates a metrics file's text. Never throws for bad input: every problem is a diagnostic. */
export function validateText(path: string, text: string, options: ValidateOptions = {}): FileResult {
  return validateSource(
    path,
    text,
    { json: parseJson, yaml: (body) => parseYamlFast(body) ?? parseYaml(body) },
    options,
  );
}

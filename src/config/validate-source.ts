/** Validates one metrics file's text with the parser it is given: parse → schema → semantic rules → lint. Pure. */
import { normalizeConfig } from './normalize.js';
import { unknownRuleHint } from './lint-rule-catalog.js';
import { checkLint } from './lint-rules.js';
import { checkSchema } from './schema-diagnostics.js';
import { checkSemantics } from './semantic-rules.js';
import {
  MAX_BYTES,
  MAX_DEPTH,
  findExcessiveNesting,
  lineStarts,
  locate,
  positionAt,
  type ParseProblem,
  type ParsedDocument,
} from './source-map.js';
import type { Diagnostic, FileResult, ValidateOptions } from './types.js';
import { findExcessiveBlockNesting } from './yaml-depth.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type SourceFormat = 'json' | 'yaml';

/**
 * The parser for each format. Passed in rather than imported so that a caller can load the YAML parser (the
 * largest part of the bundle) only when a file needs it: a JSON-only repository never pays for it.
 */
export type Parsers = { json: (text: string) => ParsedDocument; yaml: (text: string) => ParsedDocument };

/** The text without a leading byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** JSON by extension (.json), YAML by extension (.yaml/.yml), otherwise by the first character. */
export function detectFormat(path: string, text: string): SourceFormat {
  if (/\.json$/i.test(path)) return 'json';
  if (/\.ya?ml$/i.test(path)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function toDiagnostic(path: string, severity: Diagnostic['severity'], problem: ParseProblem): Diagnostic {
  return {
    file: path,
    line: problem.position.line,
    column: problem.position.column,
    severity,
    message: problem.message,
    rule: problem.rule,
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Validates a metrics file's text. Never throws for bad input: every problem is a diagnostic. */
export function validateSource(
  path: string,
  text: string,
  parsers: Parsers,
  options: ValidateOptions = {},
): FileResult {
  const fail = (problem: ParseProblem): FileResult => ({ path, diagnostics: [toDiagnostic(path, 'error', problem)] });
  if (text.length > MAX_BYTES) {
    return fail({
      position: { line: 1, column: 1 },
      message: `file is larger than ${MAX_BYTES / 1024 / 1024} MiB`,
      rule: 'too-large',
    });
  }
  const body = stripBom(text);
  const format = detectFormat(path, body);
  // Before parsing: both parsers recurse, so a hostile depth must be refused before it can exhaust the stack.
  const brackets = findExcessiveNesting(body, MAX_DEPTH);
  const tooDeep = brackets >= 0 || format === 'json' ? brackets : findExcessiveBlockNesting(body, MAX_DEPTH);
  if (tooDeep >= 0) {
    return fail({
      position: positionAt(lineStarts(body), tooDeep),
      message: `too deeply nested (more than ${MAX_DEPTH} levels)`,
      rule: 'too-deep',
    });
  }
  const parsed = parsers[format](body);
  const diagnostics = parsed.problems.map((problem) => toDiagnostic(path, 'error', problem));
  if (parsed.value === undefined) return { path, diagnostics: sortDiagnostics(diagnostics) };
  const root = parsed.value;
  if (!isRecord(root)) {
    const got = root === null ? 'an empty document' : Array.isArray(root) ? 'a list' : `a ${typeof root}`;
    diagnostics.push(
      toDiagnostic(path, 'error', {
        position: locate(parsed.map, ''),
        message: `a metrics file must be a mapping with agentId and postCallAnalyticsConfig, got ${got}`,
        rule: 'not-a-mapping',
      }),
    );
    return { path, diagnostics: sortDiagnostics(diagnostics) };
  }

  const schema = checkSchema(root, parsed.map, format);
  diagnostics.push(...schema.problems.map((p) => toDiagnostic(path, 'error', p)));
  diagnostics.push(...checkSemantics(root, parsed.map).map((p) => toDiagnostic(path, 'error', p)));

  const fileDisabled =
    isRecord(root.lint) && Array.isArray(root.lint.disable)
      ? root.lint.disable.filter((r): r is string => typeof r === 'string')
      : [];
  const disabled = new Set([...(options.disabledRules ?? []), ...fileDisabled]);
  if (!disabled.has('unknown-lint-rule')) {
    fileDisabled.forEach((rule, index) => {
      const hint = unknownRuleHint(rule);
      if (hint !== undefined) {
        diagnostics.push(
          toDiagnostic(path, 'warning', {
            position: locate(parsed.map, `/lint/disable/${index}`),
            message: `unknown lint rule "${rule}" in lint.disable${hint}`,
            rule: 'unknown-lint-rule',
          }),
        );
      }
    });
  }
  diagnostics.push(...checkLint(root, parsed.map, disabled).map((p) => toDiagnostic(path, 'warning', p)));

  const sorted = sortDiagnostics(diagnostics);
  // The generated schema validator is the last word on shape, even for a keyword whose message the semantic rules own.
  if (sorted.some((d) => d.severity === 'error') || !schema.valid) {
    if (!schema.valid && !sorted.some((d) => d.severity === 'error')) {
      sorted.unshift(
        toDiagnostic(path, 'error', {
          position: { line: 1, column: 1 },
          message: 'the file does not match schema/metrics.schema.json',
          rule: 'schema',
        }),
      );
    }
    return { path, diagnostics: sorted };
  }
  // The schema guarantees the shape here: one `agentId` string, or `agentIds`, an array of strings.
  const agentIds =
    typeof root.agentId === 'string'
      ? [root.agentId]
      : Array.isArray(root.agentIds)
        ? root.agentIds.filter((id): id is string => typeof id === 'string')
        : [];
  const agentIdPositions = agentIds.map((_, index) =>
    locate(parsed.map, typeof root.agentId === 'string' ? '/agentId' : `/agentIds/${index}`),
  );
  return {
    path,
    diagnostics: sorted,
    file: { path, agentIds, agentIdPositions, config: normalizeConfig(root.postCallAnalyticsConfig) },
  };
}

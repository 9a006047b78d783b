/** Rules the schema cannot say well: ids, identifiers, uniqueness, ENUM choices, blank prompts. All errors. */
import { readMetricType } from './normalize.js';
import { childPointer, locate, type ParseProblem, type SourceMap } from './source-map.js';
import { describePath } from './schema-diagnostics.js';

const AGENT_ID = /^[a-f0-9]{24}$/;
const IDENTIFIER = /^[a-z0-9_]+$/;

/** Blank to a reader: whitespace, zero-width characters and control characters only (trim() keeps U+200B). */
function isBlank(text: string): boolean {
  return /^[\s\u200b-\u200d\u2060\ufeff\u0000-\u001f\u007f-\u009f]*$/.test(text);
}

/** `U+0430`: how a character that cannot be shown is named in a message. */
function codePoint(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A control character (tab and line breaks aside) or half a surrogate pair: invisible, and not valid text for the API. */
function unprintable(text: string): string | undefined {
  const match =
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(
      text,
    );
  return match ? codePoint(match[0]) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function suggestIdentifier(identifier: string): string {
  const fixed = identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return fixed === '' ? 'call_outcome' : fixed;
}

function checkAgentIds(root: Record<string, unknown>, map: SourceMap, out: ParseProblem[]): void {
  const hasOne = 'agentId' in root;
  const hasMany = 'agentIds' in root;
  if (hasOne && hasMany) {
    out.push({
      position: locate(map, '/agentIds', 'key'),
      message: 'use either "agentId" or "agentIds", not both',
      rule: 'agent-id',
    });
  } else if (!hasOne && !hasMany) {
    out.push({
      position: locate(map, ''),
      message: 'the file is missing "agentId": the 24-character id of the agent these metrics belong to',
      rule: 'agent-id',
    });
  }
  const check = (value: unknown, pointer: string) => {
    if (typeof value === 'string' && !AGENT_ID.test(value)) {
      const hint = /^[a-fA-F0-9]{24}$/.test(value) ? ' (use lowercase)' : ` (got ${value.length} characters)`;
      out.push({
        position: locate(map, pointer),
        message: `agent id "${value}" must be 24 lowercase hex characters${hint}`,
        rule: 'agent-id',
      });
    }
  };
  check(root.agentId, '/agentId');
  if (Array.isArray(root.agentIds)) {
    if (root.agentIds.length === 0)
      out.push({
        position: locate(map, '/agentIds'),
        message: '"agentIds" is empty: list at least one agent id (or use "agentId")',
        rule: 'agent-id',
      });
    const seen = new Map<string, number>();
    root.agentIds.forEach((id, index) => {
      const pointer = childPointer('/agentIds', index);
      check(id, pointer);
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) {
        out.push({
          position: locate(map, pointer),
          message: `agent id "${id}" is listed twice (first on line ${locate(map, childPointer('/agentIds', first)).line})`,
          rule: 'agent-id',
        });
      } else seen.set(id, index);
    });
  }
}

function checkChoices(
  metric: Record<string, unknown>,
  pointer: string,
  where: () => string,
  map: SourceMap,
  out: ParseProblem[],
): void {
  const type = readMetricType(metric);
  const choices = metric.choices;
  if (choices === undefined) return;
  if (typeof type === 'string' && type !== 'ENUM' && ['STRING', 'BOOLEAN', 'INTEGER', 'DATETIME'].includes(type)) {
    out.push({
      position: locate(map, `${pointer}/choices`, 'key'),
      message: `${where()} is ${type}, but "choices" only applies to ENUM metrics (change the type to ENUM or remove "choices")`,
      rule: 'choices-on-non-enum',
    });
    return;
  }
  if (!Array.isArray(choices)) return;
  if (choices.length === 0) {
    out.push({
      position: locate(map, `${pointer}/choices`),
      message: `${where()} has an empty "choices" list: list every value the model may answer`,
      rule: 'enum-choices',
    });
    return;
  }
  const seen = new Map<string, number>();
  choices.forEach((choice, index) => {
    if (typeof choice !== 'string') return;
    // Compared as NFC: "café" typed two ways is one choice to a reader, and two to the platform.
    const first = seen.get(choice.normalize('NFC'));
    const at = childPointer(`${pointer}/choices`, index);
    if (first !== undefined) {
      out.push({
        position: locate(map, at),
        message: `${where()} lists the choice "${choice}" twice (choice ${first + 1} and ${index + 1})`,
        rule: 'enum-choices',
      });
    } else seen.set(choice.normalize('NFC'), index);
    const invisible = unprintable(choice);
    if (isBlank(choice))
      out.push({ position: locate(map, at), message: `${where()} has a blank choice`, rule: 'enum-choices' });
    else if (invisible)
      out.push({
        position: locate(map, at),
        message: `${where()} has a choice containing the invisible character ${invisible}`,
        rule: 'unprintable',
      });
  });
}

function checkMetric(
  metric: Record<string, unknown>,
  pointer: string,
  root: unknown,
  map: SourceMap,
  out: ParseProblem[],
): void {
  // Described only when a problem needs it: most metrics have none, and a 20,000-metric file described each one twice.
  const where = (): string => describePath(pointer, root);
  const identifier = metric.identifier;
  if (typeof identifier === 'string' && !IDENTIFIER.test(identifier)) {
    const foreign = /[^\x00-\x7f]/.exec(identifier)?.[0];
    const message =
      identifier === ''
        ? `${where()} has an empty identifier`
        : foreign !== undefined
          ? `identifier "${identifier}" contains "${foreign}" (${codePoint(foreign)}), which is not an ASCII letter though it may look like one; use only a-z, 0-9 and _`
          : `identifier "${identifier}" must use only lowercase letters, digits and underscores — e.g. "${suggestIdentifier(identifier)}"`;
    out.push({ position: locate(map, `${pointer}/identifier`), message, rule: 'identifier' });
  }
  const prompt = metric.dispositionMetricPrompt;
  if (typeof prompt === 'string') {
    const invisible = unprintable(prompt);
    if (isBlank(prompt)) {
      out.push({
        position: locate(map, `${pointer}/dispositionMetricPrompt`),
        message: `${where()} has a blank dispositionMetricPrompt: write the question the model answers from the transcript`,
        rule: 'blank-prompt',
      });
    } else if (invisible) {
      out.push({
        position: locate(map, `${pointer}/dispositionMetricPrompt`),
        message: `${where()} has a prompt containing the invisible character ${invisible} (remove it)`,
        rule: 'unprintable',
      });
    }
  }
  const hasFlat = 'dispositionMetricType' in metric;
  const hasNested = 'dispositionValues' in metric;
  if (hasFlat && hasNested) {
    out.push({
      position: locate(map, `${pointer}/dispositionValues`, 'key'),
      message: `${where()} sets both "dispositionMetricType" and the legacy "dispositionValues"; keep only dispositionMetricType`,
      rule: 'metric-type',
    });
  } else if (!hasFlat && !hasNested) {
    out.push({
      position: locate(map, pointer),
      message: `${where()} is missing "dispositionMetricType" (STRING, BOOLEAN, INTEGER, ENUM or DATETIME)`,
      rule: 'metric-type',
    });
  }
  checkChoices(metric, pointer, where, map, out);
}

/** Semantic errors for a document whose top level is a mapping. */
export function checkSemantics(root: Record<string, unknown>, map: SourceMap): ParseProblem[] {
  const out: ParseProblem[] = [];
  checkAgentIds(root, map, out);
  const config = root.postCallAnalyticsConfig;
  const metrics = isRecord(config) ? config.dispositionMetrics : undefined;
  if (!Array.isArray(metrics)) return out;
  const seen = new Map<string, number>();
  metrics.forEach((metric, index) => {
    if (!isRecord(metric)) return;
    const pointer = childPointer('/postCallAnalyticsConfig/dispositionMetrics', index);
    checkMetric(metric, pointer, root, map, out);
    const identifier = metric.identifier;
    if (typeof identifier !== 'string' || identifier === '') return;
    const first = seen.get(identifier);
    if (first !== undefined) {
      const firstLine = locate(
        map,
        `${childPointer('/postCallAnalyticsConfig/dispositionMetrics', first)}/identifier`,
      ).line;
      out.push({
        position: locate(map, `${pointer}/identifier`),
        message: `duplicate identifier "${identifier}" (first defined on line ${firstLine}); identifiers must be unique`,
        rule: 'duplicate-identifier',
      });
    } else seen.set(identifier, index);
  });
  return out;
}

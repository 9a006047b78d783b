/**
 * Advice (warnings) from the platform's own rules. The platform drops a call's whole analytics result
 * when any one metric's value fails its type check (fact sheet §7), so most rules look for prompts
 * that invite such a value.
 */
import { readMetricType } from './normalize.js';
import { childPointer, locate, type ParseProblem, type SourceMap } from './source-map.js';
import { describePath } from './schema-diagnostics.js';
import { SKIP, findOffTypeInvitation } from './off-type-fallback.js';

export { LINT_RULES, LINT_RULE_IDS, type LintRule } from './lint-rule-catalog.js';

/** Above this many metrics, `too-many-metrics` warns. */
export const METRICS_ADVISED_MAX = 10;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const OPTION_LIST =
  /(?:options?|choices?|one of|choose from|pick from|select from|categories|possible values|values?)\s*(?:are|is)?\s*[:\-–]\s*([^.?!\n]+)/i;
const PARENTHESISED = /\(([^()]*(?:\/|,|\bor\b)[^()]*)\)/;

/** Options a prompt spells out ("Options: a, b, c", "one of: a/b", "(a, b or c)"), normalised; undefined when none. */
export function extractListedOptions(prompt: string): string[] | undefined {
  const match = OPTION_LIST.exec(prompt) ?? PARENTHESISED.exec(prompt);
  if (!match?.[1]) return undefined;
  const options = match[1]
    .split(/\s*(?:,|\/|\||;|\bor\b|\band\b)\s*/i)
    .map((option) =>
      option
        .trim()
        .replace(/^["'`]+|["'`]+$/g, '')
        .trim(),
    )
    .filter((option) => option !== '');
  return options.length >= 2 ? options : undefined;
}

const normalise = (value: string) => value.toLowerCase().replace(/[\s-]+/g, '_');

/** Lint warnings for a document whose top level is a mapping. `disabled` holds rule ids switched off. */
export function checkLint(
  root: Record<string, unknown>,
  map: SourceMap,
  disabled: ReadonlySet<string>,
): ParseProblem[] {
  const out: ParseProblem[] = [];
  const warn = (rule: string, pointer: string, message: string, prefer: 'key' | 'value' = 'value') => {
    if (!disabled.has(rule)) out.push({ position: locate(map, pointer, prefer), message, rule });
  };
  const config = root.postCallAnalyticsConfig;
  if (!isRecord(config)) return out;
  if (typeof config.summaryPrompt === 'string' && config.summaryPrompt !== '') {
    warn(
      'deprecated-field',
      '/postCallAnalyticsConfig/summaryPrompt',
      '"summaryPrompt" is deprecated: the platform no longer uses it in post-call analysis',
      'key',
    );
  }
  if (Array.isArray(config.successMetrics) && config.successMetrics.length > 0) {
    warn(
      'deprecated-field',
      '/postCallAnalyticsConfig/successMetrics',
      '"successMetrics" is deprecated: use dispositionMetrics',
      'key',
    );
  }
  const metrics = Array.isArray(config.dispositionMetrics) ? config.dispositionMetrics : [];
  if (metrics.length > METRICS_ADVISED_MAX) {
    warn(
      'too-many-metrics',
      '/postCallAnalyticsConfig/dispositionMetrics',
      `${metrics.length} metrics: the platform suggests starting with 3–5, and any one failing its type check drops the whole call's analytics (advice: at most ${METRICS_ADVISED_MAX})`,
      'key',
    );
  }
  metrics.forEach((metric, index) => {
    if (!isRecord(metric)) return;
    const pointer = childPointer('/postCallAnalyticsConfig/dispositionMetrics', index);
    const where = (): string => describePath(pointer, root);
    const promptPointer = `${pointer}/dispositionMetricPrompt`;
    const type = readMetricType(metric);
    if (!('dispositionMetricType' in metric) && 'dispositionValues' in metric) {
      warn(
        'legacy-nested-type',
        `${pointer}/dispositionValues`,
        `${where()} uses the legacy "dispositionValues: {type}" form; write "dispositionMetricType: ${typeof type === 'string' ? type : '…'}" instead`,
        'key',
      );
    }
    const prompt = metric.dispositionMetricPrompt;
    if (typeof prompt !== 'string' || prompt.trim() === '') return;
    const words = prompt.trim().split(/\s+/).length;
    if (words < 4)
      warn(
        'vague-prompt',
        promptPointer,
        `${where()}: the prompt "${prompt.trim()}" is too short to say what to extract; ask a complete question and say what form the answer takes`,
      );
    if (SKIP.test(prompt))
      warn(
        'skip-instruction',
        promptPointer,
        `${where()}: the prompt tells the model to skip or leave the value out; every metric must get a value or the whole call's analytics is dropped`,
      );
    const listed = extractListedOptions(prompt);
    if (type === 'ENUM' && listed && Array.isArray(metric.choices)) {
      const choices = new Set(metric.choices.filter((c): c is string => typeof c === 'string').map(normalise));
      const options = new Set(listed.map(normalise));
      const extra = [...options].filter((o) => !choices.has(o));
      const missing = [...choices].filter((c) => !options.has(c));
      if (extra.length > 0 || missing.length > 0) {
        const parts = [
          extra.length > 0 ? `lists ${extra.map((e) => `"${e}"`).join(', ')} not in choices` : '',
          missing.length > 0 ? `omits ${missing.map((m) => `"${m}"`).join(', ')}` : '',
        ].filter(Boolean);
        warn(
          'enum-prompt-options',
          promptPointer,
          `${where()}: the prompt ${parts.join(' and ')}; an answer outside choices drops the whole call's analytics`,
        );
      }
    }
    if (type === 'STRING' && listed) {
      warn(
        'string-fixed-options',
        promptPointer,
        `${where()}: the prompt lists fixed options (${listed.join(', ')}); make it an ENUM with those choices so values are checked`,
      );
    }
    const match = findOffTypeInvitation(prompt, type);
    if (match !== undefined) {
      warn(
        'off-type-fallback',
        promptPointer,
        `${where()}: ${type === 'INTEGER' ? 'an' : 'a'} ${type} prompt that invites "${match}" — that answer fails the type check and drops the whole call's analytics; ask for ${type === 'INTEGER' ? 'a whole number' : type === 'BOOLEAN' ? 'true or false' : 'a date and time'} in every case`,
      );
    }
  });
  return out;
}

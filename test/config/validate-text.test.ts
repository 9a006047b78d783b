import { describe, expect, it } from 'vitest';
import { validateText } from '../../src/config/validate-text.js';
import type { FileResult } from '../../src/config/types.js';
import { INVALID_CASES, WARNING_CASES } from './cases.js';

const lines = (result: FileResult) =>
  result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} [${d.rule}] ${d.message}`);

describe('invalid files', () => {
  it('has at least 30 cases', () => expect(INVALID_CASES.length).toBeGreaterThanOrEqual(30));
  it.each(INVALID_CASES)('$name', ({ path, text }) => {
    const result = validateText(path, text);
    expect(result.file).toBeUndefined();
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(lines(result)).toMatchSnapshot();
  });
});

describe('lint warnings', () => {
  it.each(WARNING_CASES)('$name', ({ path, text }) => {
    const result = validateText(path, text);
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(result.file).toBeDefined();
    expect(lines(result)).toMatchSnapshot();
  });

  it('each rule can be switched off by option and by the file', () => {
    for (const { path, text } of WARNING_CASES) {
      const rules = validateText(path, text).diagnostics.map((d) => d.rule);
      expect(validateText(path, text, { disabledRules: rules }).diagnostics).toEqual([]);
      if (!text.startsWith('lint:')) {
        expect(validateText(path, `lint:\n  disable: [${rules.join(', ')}]\n${text}`).diagnostics).toEqual([]);
      }
    }
  });
});

describe('valid files', () => {
  it('normalises defaults and the legacy nested type', () => {
    const result = validateText(
      'm.yaml',
      'agentId: "65f1a2b3c4d5e6f708192a3b"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: x\n      dispositionValues: {type: ENUM}\n      dispositionMetricPrompt: "Which plan did the customer choose?"\n      choices: [basic, pro]\n',
      { disabledRules: ['legacy-nested-type'] },
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.file).toEqual({
      path: 'm.yaml',
      agentIds: ['65f1a2b3c4d5e6f708192a3b'],
      agentIdPositions: [{ line: 1, column: 10 }],
      config: {
        useInternalAnalyticsModel: true,
        useReasoningModel: false,
        dispositionMetrics: [
          {
            identifier: 'x',
            dispositionMetricType: 'ENUM',
            dispositionMetricPrompt: 'Which plan did the customer choose?',
            choices: ['basic', 'pro'],
          },
        ],
      },
    });
  });

  it('reads JSON and YAML of the same config to the same result', () => {
    const json = validateText(
      'a.json',
      '{"agentIds": ["65f1a2b3c4d5e6f708192a3b", "65f1a2b3c4d5e6f708192a3c"], "postCallAnalyticsConfig": {"useReasoningModel": true, "dispositionMetrics": []}}',
    );
    const yaml = validateText(
      'a.yaml',
      'agentIds: [65f1a2b3c4d5e6f708192a3b, 65f1a2b3c4d5e6f708192a3c]\npostCallAnalyticsConfig: {useReasoningModel: true, dispositionMetrics: []}\n',
    );
    expect(json.diagnostics).toEqual([]);
    expect(yaml.file?.config).toEqual(json.file?.config);
    expect(yaml.file?.agentIds).toEqual(['65f1a2b3c4d5e6f708192a3b', '65f1a2b3c4d5e6f708192a3c']);
  });

  it('does not pollute Object.prototype', () => {
    validateText('a.json', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}');
    validateText('a.yaml', '__proto__:\n  polluted: 1\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fails an alias bomb quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const start = performance.now();
    const result = validateText('bomb.yaml', `${levels.join('\n')}\n`);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(result.diagnostics.map((d) => d.rule)).toContain('yaml-alias-limit');
  });

  it('refuses oversized text before parsing', () => {
    const result = validateText('big.json', ' '.repeat(6 * 1024 * 1024));
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['too-large']);
  });
});

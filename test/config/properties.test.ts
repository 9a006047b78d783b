// Property tests: random valid configs validate and round-trip; random damage never throws or hangs.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configsEqual } from '../../src/config/canonical.js';
import { normalizeConfig } from '../../src/config/normalize.js';
import { validateText } from '../../src/config/validate-text.js';
import { METRIC_TYPES } from '../../src/config/types.js';

const identifier = fc.stringMatching(/^[a-z0-9_]{1,30}$/);
const prompt = fc.string({ minLength: 1, maxLength: 120 }).filter((s) => s.trim() !== '');
const choice = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '');

const metricArb = fc
  .record({
    identifier,
    dispositionMetricPrompt: prompt,
    dispositionMetricType: fc.constantFrom(...METRIC_TYPES),
    choices: fc.uniqueArray(choice, { minLength: 1, maxLength: 6 }),
  })
  .map(({ choices, ...metric }) => (metric.dispositionMetricType === 'ENUM' ? { ...metric, choices } : metric));

const fileArb = fc.record({
  agentId: fc.stringMatching(/^[a-f0-9]{24}$/),
  postCallAnalyticsConfig: fc.record(
    {
      useInternalAnalyticsModel: fc.boolean(),
      useReasoningModel: fc.boolean(),
      dispositionMetrics: fc.uniqueArray(metricArb, { maxLength: 8, selector: (m) => m.identifier }),
    },
    { requiredKeys: ['dispositionMetrics'] },
  ),
});

describe('properties', () => {
  it('random valid files validate without errors and round-trip (JSON and YAML)', () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        for (const [path, text] of [
          ['f.json', JSON.stringify(file, null, 2)],
          ['f.yaml', stringify(file)],
        ] as const) {
          const result = validateText(path, text);
          expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          expect(result.file && configsEqual(result.file.config, normalizeConfig(file.postCallAnalyticsConfig))).toBe(
            true,
          );
        }
      }),
      { numRuns: 150 },
    );
  });

  it('damaged files never throw, always answer quickly, and errors are positioned inside the file', () => {
    const damage = fc.tuple(
      fileArb,
      fc.constantFrom('json', 'yaml'),
      fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 4 }),
    );
    fc.assert(
      fc.property(damage, ([file, format, edits]) => {
        let text = format === 'json' ? JSON.stringify(file, null, 2) : stringify(file);
        for (const [at, length, insert] of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(start + (length % 5));
        }
        const started = performance.now();
        const result = validateText(`f.${format}`, text);
        expect(performance.now() - started).toBeLessThan(500);
        const lineCount = text.split('\n').length;
        for (const d of result.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lineCount + 1);
          expect(d.message.length).toBeGreaterThan(0);
        }
        if (!result.file) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

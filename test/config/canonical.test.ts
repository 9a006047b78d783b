// The desired hash is recorded in every plan comment and checked on apply: its text form must never drift.
import { describe, expect, it } from 'vitest';
import { canonicalConfigJson, configsEqual, hashConfig } from '../../src/config/canonical.js';
import type { PostCallAnalyticsConfig } from '../../src/config/types.js';

const config = {
  useReasoningModel: true,
  dispositionMetrics: [
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'How did the call end?',
      choices: ['resolved', 'escalated'],
    },
    { identifier: 'z', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Ünïcode and "quotes"?' },
  ],
  useInternalAnalyticsModel: false,
} as PostCallAnalyticsConfig;

describe('canonical config text', () => {
  it('sorts keys at every level, keeps metric order, and hashes as every earlier release did', () => {
    expect(canonicalConfigJson(config)).toBe(
      '{"dispositionMetrics":[{"choices":["resolved","escalated"],"dispositionMetricPrompt":"How did the call end?","dispositionMetricType":"ENUM","identifier":"call_outcome"},{"dispositionMetricPrompt":"Ünïcode and \\"quotes\\"?","dispositionMetricType":"BOOLEAN","identifier":"z"}],"useInternalAnalyticsModel":false,"useReasoningModel":true}',
    );
    // Pinned from the implementation before this one (Object.entries + fromEntries), so plans already posted still match.
    expect(hashConfig(config)).toBe('e41879bdc2719c77faf6c8c6f87bbdd32e0083b4360924a584389176b45cc583');
  });

  it('treats key order as meaningless and a "__proto__" key as data', () => {
    const reordered = JSON.parse(
      '{"useInternalAnalyticsModel":false,"dispositionMetrics":[],"__proto__":{"x":1}}',
    ) as PostCallAnalyticsConfig;
    expect(canonicalConfigJson(reordered)).toBe(
      '{"__proto__":{"x":1},"dispositionMetrics":[],"useInternalAnalyticsModel":false}',
    );
    expect(
      configsEqual(
        reordered,
        JSON.parse(
          '{"__proto__":{"x":1},"dispositionMetrics":[],"useInternalAnalyticsModel":false}',
        ) as PostCallAnalyticsConfig,
      ),
    ).toBe(true);
  });
});

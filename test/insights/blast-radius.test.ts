// Pure: blast-radius lines and the per-agent section, from hand-made insights with round numbers.
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.js';
import { blastRadius, percent } from '../../src/insights/blast-radius.js';
import { isShortLabel, normaliseValue } from '../../src/insights/normalise-value.js';
import { renderInsightsSection } from '../../src/insights/render-markdown.js';
import type { AgentInsights } from '../../src/insights/types.js';
import { diffConfigs } from '../../src/plan/diff.js';
import { applyBreakingGate } from '../../src/plan/gate.js';
import { planHeader } from '../../src/plan/header.js';
import { renderPlanMarkdown } from '../../src/plan/render-markdown.js';
import type { AgentPlan, Plan } from '../../src/plan/types.js';

const CHOICES = ['resolved', 'escalated', 'callback_scheduled', 'transferred', 'no_action'];
const live = normalizeConfig({
  dispositionMetrics: [
    {
      identifier: 'call_resolved',
      dispositionMetricType: 'BOOLEAN',
      dispositionMetricPrompt: 'Was the issue resolved?',
    },
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'What was the outcome of the call?',
      choices: CHOICES,
    },
    { identifier: 'summary', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'Summarise the call.' },
    { identifier: 'score', dispositionMetricType: 'INTEGER', dispositionMetricPrompt: 'Score from 1 to 5?' },
  ],
});
const desired = normalizeConfig({
  dispositionMetrics: [
    {
      identifier: 'issue_resolved',
      dispositionMetricType: 'BOOLEAN',
      dispositionMetricPrompt: 'Was the issue resolved?',
    },
    {
      identifier: 'call_outcome',
      dispositionMetricType: 'ENUM',
      dispositionMetricPrompt: 'What was the outcome? Options: resolved, escalated, callback, no_action',
      choices: ['resolved', 'escalated', 'callback_scheduled', 'no_action'],
    },
    {
      identifier: 'score',
      dispositionMetricType: 'INTEGER',
      dispositionMetricPrompt: 'Score from 1 to 5, a single integer?',
    },
    { identifier: 'follow_up', dispositionMetricType: 'BOOLEAN', dispositionMetricPrompt: 'Was a follow-up promised?' },
  ],
});
const insights: AgentInsights = {
  agentId: '65f1a2b3c4d5e6f708192a3b',
  versionId: '0123456789abcdef01234567',
  window: { maxCalls: 500, days: 14 },
  calls: 110,
  from: '2026-11-06T12:00:00.000Z',
  to: '2026-11-20T11:00:00.000Z',
  days: 14,
  analysed: 100,
  dropped: 5,
  noConversation: 4,
  pending: 1,
  excluded: { test: 6, otherVersion: 0, outsideWindow: 2 },
  metrics: [
    {
      identifier: 'call_resolved',
      type: 'BOOLEAN',
      analysed: 100,
      withValue: 95,
      empty: 5,
      lowConfidence: 9,
      detail: { type: 'BOOLEAN', true: 60, false: 33, offType: 2 },
    },
    {
      identifier: 'call_outcome',
      type: 'ENUM',
      analysed: 100,
      withValue: 99,
      empty: 1,
      lowConfidence: 0,
      detail: {
        type: 'ENUM',
        choices: [
          { value: 'resolved', count: 50 },
          { value: 'escalated', count: 20 },
          { value: 'callback_scheduled', count: 10 },
          { value: 'transferred', count: 12 },
          { value: 'no_action', count: 0 },
        ],
        outside: 7,
        outsideTop: [{ value: 'callback', count: 5 }],
      },
    },
    {
      identifier: 'summary',
      type: 'STRING',
      analysed: 100,
      withValue: 98,
      empty: 2,
      lowConfidence: 1,
      detail: {
        type: 'STRING',
        distinct: 71,
        top: [
          { value: 'billing question', count: 9 },
          { value: 'wrong | number', count: 4 },
        ],
      },
    },
    {
      identifier: 'score',
      type: 'INTEGER',
      analysed: 100,
      withValue: 97,
      empty: 3,
      lowConfidence: 12,
      detail: { type: 'INTEGER', min: 1, median: 4, max: 5, offType: 1 },
    },
  ],
};

describe('blast radius', () => {
  const changes = diffConfigs(live, desired).metrics;
  const lines = Object.fromEntries(changes.map((c) => [c.identifier, blastRadius(c, insights)]));
  it('puts numbers next to each change', () => {
    expect(lines).toEqual({
      issue_resolved: ['renaming `call_resolved` breaks the field that 95 calls/14 days wrote'],
      call_outcome: [
        'choice `transferred` removed: it was the answer on 12 % of calls',
        'ENUM prompt lists `callback`, which is not a choice: 7 % of answers were outside `choices`',
      ],
      score: ['`score` had a value on 97 % of the 100 analysed calls of the last 14 days, 12 % with low confidence'],
      follow_up: [],
      summary: ['removing `summary`: it had a value on 98 % of the 100 analysed calls of the last 14 days'],
    });
  });
  it('counts days in words that agree: "160 calls/1 day", never "1 days"', () => {
    const typeChange = diffConfigs(
      normalizeConfig({
        dispositionMetrics: [
          { identifier: 'score', dispositionMetricType: 'INTEGER', dispositionMetricPrompt: 'Score from 1 to 5?' },
        ],
      }),
      normalizeConfig({
        dispositionMetrics: [
          { identifier: 'score', dispositionMetricType: 'STRING', dispositionMetricPrompt: 'Score from 1 to 5?' },
        ],
      }),
    ).metrics;
    const oneDay = {
      ...insights,
      days: 1,
      metrics: insights.metrics.map((m) => ({ ...m, withValue: 160, analysed: 160 })),
    };
    expect(typeChange.flatMap((c) => blastRadius(c, oneDay))).toEqual([
      'INTEGER → STRING changes the field that 160 calls/1 day wrote',
    ]);
    expect(changes.flatMap((c) => blastRadius(c, oneDay)).filter((f) => f.includes('/'))).toEqual([
      'renaming `call_resolved` breaks the field that 160 calls/1 day wrote',
    ]);
  });
  it('says nothing without calls', () => {
    expect(
      changes.flatMap((c) =>
        blastRadius(c, { ...insights, metrics: insights.metrics.map((m) => ({ ...m, analysed: 0 })) }),
      ),
    ).toEqual([]);
  });
  it('rounds a small share up to "< 1 %" rather than 0', () => {
    expect([percent(1, 500), percent(0, 500), percent(3, 4), percent(1, 0)]).toEqual(['< 1 %', '0 %', '75 %', '– %']);
  });
});

describe("values are strings on the wire, read by the metric's type", () => {
  it.each([
    ['BOOLEAN', 'True', { kind: 'boolean', value: true }],
    ['BOOLEAN', 'yes', { kind: 'boolean', value: true }],
    ['BOOLEAN', ' No ', { kind: 'boolean', value: false }],
    ['BOOLEAN', 'YES', { kind: 'boolean', value: true }],
    ['BOOLEAN', 'N/A', { kind: 'off-type', raw: 'N/A' }],
    ['BOOLEAN', 'yes please', { kind: 'off-type', raw: 'yes please' }],
    ['INTEGER', ' 4 ', { kind: 'integer', value: 4 }],
    ['INTEGER', '3.5', { kind: 'off-type', raw: '3.5' }],
    ['DATETIME', '2026-11-03T10:00:00Z', { kind: 'datetime', value: Date.UTC(2026, 10, 3, 10) }],
    ['DATETIME', 'tomorrow', { kind: 'off-type', raw: 'tomorrow' }],
    ['ENUM', 'Resolved', { kind: 'outside', raw: 'Resolved' }],
    ['STRING', '   ', { kind: 'empty' }],
  ] as const)('%s %j', (type, raw, expected) => expect(normaliseValue(raw, type, ['resolved'])).toEqual(expected));
  it('shows only short labels: no phone numbers, e-mail addresses or sentences', () => {
    expect(
      ['billing question', 'call +1 555 010 7788', 'ref 12345', 'a@b.c', 'one two three four five'].map(isShortLabel),
    ).toEqual([true, false, false, false, false]);
  });
});

describe('the section per agent', () => {
  it('is one folded table of aggregates, with model output made inert', () => {
    expect(renderInsightsSection(insights, 'metrics/support-agent.yaml')).toMatchInlineSnapshot(`
      "<details><summary>📈 <code>65f1a2b3c4d5e6f708192a3b</code> · <code>metrics/support-agent.yaml</code> — 110 calls on the live version over 14 days; 5 with dropped analytics (5 % of conversations)</summary>

      | metric | type | value | empty | low confidence | distribution |
      |---|---|--:|--:|--:|---|
      | \`call_resolved\` | BOOLEAN | 95 % | 5 % | 9 % | true 60 % · false 33 % · off-type 2 % |
      | \`call_outcome\` | ENUM | 99 % | 1 % | 0 % | \`resolved\` 50 % · \`escalated\` 20 % · \`callback_scheduled\` 10 % · \`transferred\` 12 % · \`no_action\` 0 % · outside choices 7 % (\`callback\` 5 %) |
      | \`summary\` | STRING | 98 % | 2 % | 1 % | 71 distinct · \`billing question\` 9 % · \`wrong \\| number\` 4 % |
      | \`score\` | INTEGER | 97 % | 3 % | 12 % | min 1 · median 4 · max 5 · off-type 1 % |

      <sub>Left out: 6 test calls, 2 outside the window, 4 without a conversation, 1 still awaiting analytics. Aggregates only: no transcript, phone number or free-text value is read into this comment.</sub>

      </details>"
    `);
  });
  it('says why when there were no calls on the live version: none yet, and how many older calls were left out (nothing when no call was read)', () => {
    const none = { ...insights, calls: 0, analysed: 0, excluded: { test: 0, otherVersion: 0, outsideWindow: 0 } };
    expect(renderInsightsSection(none, 'metrics/a.yaml')).toBe('');
    expect(
      renderInsightsSection({ ...none, excluded: { test: 0, otherVersion: 40, outsideWindow: 0 } }, 'metrics/a.yaml'),
    ).toBe(
      '📈 <code>65f1a2b3c4d5e6f708192a3b</code> · <code>metrics/a.yaml</code> — no calls on the live version yet; 40 calls on other versions or revisions were left out.',
    );
    expect(renderInsightsSection({ ...none, excluded: { test: 1, otherVersion: 1, outsideWindow: 3 } })).toContain(
      'no calls on the live version in the last 14 days; 1 call on other versions or revisions, 3 calls older than the window, 1 test call were left out.',
    );
  });
});

describe('recent calls in the plan comment stay within its size tiers', () => {
  const plan = (count: number, warning = false): Plan => ({
    files: [],
    diagnostics: [],
    agents: Array.from({ length: count }, (_, i) => {
      const agentId = i.toString(16).padStart(24, '0');
      const changed = i === 0;
      const diff = diffConfigs(live, changed ? desired : live);
      return {
        agentId,
        file: `metrics/${i}.yaml`,
        status: changed ? 'changed' : 'unchanged',
        liveVersionId: 'f'.repeat(24),
        desiredHash: 'h',
        diff,
        liveMetrics: live.dispositionMetrics,
        ...(warning && i === 1
          ? { insightsWarning: 'Could not read recent calls: 503.' }
          : { insights: { ...insights, agentId } }),
      } satisfies AgentPlan;
    }),
  });
  const render = (p: Plan, maxChars: number) => {
    const { plan: gated, gate } = applyBreakingGate(p, { allowBreaking: true, breakingLabel: 'x', labels: [] });
    return renderPlanMarkdown(gated, {
      maxChars,
      scope: { workflow: 'w', job: 'j' },
      header: planHeader(gated, 't'),
      gate,
      breakingLabel: 'x',
      actionVersion: 't',
    });
  };
  const sections = (text: string) => (text.match(/<details><summary>📈/g) ?? []).length;

  it('full detail: a section for every agent with calls, and the blast radius next to each change', () => {
    const text = render(plan(3, true), 65_000);
    expect(sections(text)).toBe(2);
    expect(text).toContain(
      '  - 📈 removing `summary`: it had a value on 98 % of the 100 analysed calls of the last 14 days',
    );
    expect(text).toContain(
      '⚠️ `000000000000000000000001`: Could not read recent calls: 503. The plan itself is complete.',
    );
  });
  it("shortened: only the changed agents' sections; shorter still: only the warnings and the breaking changes' numbers", () => {
    const big = plan(60, true);
    const full = render(big, 10_000_000);
    expect(sections(full)).toBe(59);
    const tier2 = render(big, full.length - 1);
    expect(sections(tier2)).toBe(1);
    expect(tier2).toContain('prompt changed');
    const tier3 = render(big, tier2.length - 1);
    expect(sections(tier3)).toBe(0);
    expect(tier3).toContain('Could not read recent calls: 503.');
    expect(tier3).toContain('  - 📈 removing `summary`: it had a value on 98 %');
    expect(tier3.length).toBeLessThan(tier2.length);
  });
});

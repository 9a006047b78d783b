import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeConfig } from '../../src/config/normalize.js';
import { diffConfigs } from '../../src/plan/diff.js';
import { applyBreakingGate } from '../../src/plan/gate.js';
import { planHeader } from '../../src/plan/header.js';
import { findHeader, hasMarker } from '../../src/plan/marker.js';
import { renderPlanMarkdown } from '../../src/plan/render-markdown.js';
import { renderPlanTerminal } from '../../src/plan/render-terminal.js';
import type { AgentPlan, Plan } from '../../src/plan/types.js';

const scope = { workflow: 'metrics', job: 'plan' };

function agentPlan(id: string, live: object[], desired: object[], extra: Partial<AgentPlan> = {}): AgentPlan {
  const diff = diffConfigs(
    normalizeConfig({ dispositionMetrics: live }),
    normalizeConfig({ dispositionMetrics: desired }),
  );
  return {
    agentId: id,
    file: `metrics/${id}.yaml`,
    status: diff.hasChanges ? 'changed' : 'unchanged',
    liveVersionId: 'f'.repeat(24),
    desiredHash: 'h',
    diff,
    ...extra,
  };
}

function render(plan: Plan, maxChars = 65_000, labels: string[] = []) {
  const { plan: gated, gate } = applyBreakingGate(plan, {
    allowBreaking: false,
    breakingLabel: 'allow-breaking-metrics',
    labels,
  });
  return renderPlanMarkdown(gated, {
    maxChars,
    scope,
    header: planHeader(gated, 'test'),
    gate,
    breakingLabel: 'allow-breaking-metrics',
    actionVersion: 'test',
    summaryUrl: 'https://github.com/acme/voice/actions/runs/1',
  });
}

const metric = (identifier: string, type = 'BOOLEAN', prompt = `Was ${identifier} covered?`, choices?: string[]) => ({
  identifier,
  dispositionMetricType: type,
  dispositionMetricPrompt: prompt,
  ...(choices ? { choices } : {}),
});

/** Removes CommonMark code spans: a run of N backticks up to the next run of exactly N. */
function stripCodeSpans(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const open = /`+/.exec(text.slice(i));
    if (!open) break;
    out += text.slice(i, i + open.index);
    const fence = open[0];
    const start = i + open.index + fence.length;
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(text.slice(start));
    if (!close) {
      out += text.slice(i + open.index);
      return out;
    }
    i = start + close.index + fence.length;
  }
  return out + text.slice(i);
}

function balanced(text: string): boolean {
  const open = (text.match(/<details/g) ?? []).length;
  const close = (text.match(/<\/details>/g) ?? []).length;
  const fences = text.split('\n').filter((l) => /^\s*```/.test(l)).length;
  return open === close && fences % 2 === 0;
}

describe('renderPlanMarkdown', () => {
  it('renders adds, changes, removes and the gate', () => {
    const plan: Plan = {
      agents: [
        agentPlan(
          '65f1a2b3c4d5e6f708192a3b',
          [
            metric('call_resolved'),
            metric('summary', 'STRING', 'Summarise the call.'),
            metric('call_outcome', 'ENUM', 'Outcome?', ['resolved', 'escalated']),
          ],
          [
            metric('call_resolved', 'BOOLEAN', 'Was the issue resolved?'),
            metric('call_outcome', 'ENUM', 'Outcome?', ['resolved', 'escalated', 'transferred']),
            metric('follow_up', 'BOOLEAN'),
          ],
        ),
        agentPlan('65f1a2b3c4d5e6f708192a3c', [metric('a')], [metric('a')]),
      ],
      diagnostics: [
        { file: 'metrics/x.yaml', line: 3, column: 5, severity: 'warning', message: 'vague', rule: 'vague-prompt' },
      ],
      files: [],
    };
    expect(render(plan)).toMatchInlineSnapshot(`
      "<!-- atoms-metrics:plan workflow=metrics job=plan -->

      <!-- atoms-metrics:header q1YqU7Iy1FFKTC7JzM8LSy0qzszPU7JSKkktLlHSUUpMT80rKVayiq6GMD1TlKyUzEzTDBONkoyTTVJMU83SzA0sDC2NEo2TlHSUcjLLUqGGgJWm4QBKOkopqcWZRakpHonFGUpWShlKtTpE2JFMoR2xtQA -->

      ### 📊 Post-call metrics plan

      ⛔ **Breaking changes block this pull request.** Add the label \`allow-breaking-metrics\` or set \`allow-breaking: true\` to allow them.

      Merging will publish new metrics and make them live for 1 agent.

      | agent | file | status | added | changed | removed | breaking | live version |
      |---|---|---|--:|--:|--:|--:|---|
      | \`65f1a2b3c4d5e6f708192a3b\` | \`metrics/65f1a2b3c4d5e6f708192a3b.yaml\` | ⛔ breaking | 1 | 2 | 1 | 1 | \`ffffffffffffffffffffffff\` |
      | \`65f1a2b3c4d5e6f708192a3c\` | \`metrics/65f1a2b3c4d5e6f708192a3c.yaml\` | no changes | – | – | – | – | \`ffffffffffffffffffffffff\` |

      <details open><summary><code>65f1a2b3c4d5e6f708192a3b</code> · <code>metrics/65f1a2b3c4d5e6f708192a3b.yaml</code> — 1 added, 2 changed, 1 removed, ⚠️ breaking</summary>

      - ✏️ \`call_resolved\`
        - prompt: Was ~~call\\_resolved~~ **the**  ~~covered?~~ **issue resolved?** 
      - ✏️ \`call_outcome\`
        - choices: added \`transferred\`
      - ➕ \`follow_up\` (BOOLEAN) — Was follow\\_up covered?
      - ➖ \`summary\` (STRING)
        - ⚠️ **breaking:** \`summary\` is removed: exports, webhooks and dashboards keyed on it stop receiving values.

      </details>

      #### Validation

      | | where | problem | rule |
      |---|---|---|---|
      | ⚠️ warning | \`metrics/x.yaml:3:5\` | vague | \`vague-prompt\` |


      <sub>atoms-metrics test · compared with each agent's live config · nothing was written to Atoms</sub>
      "
    `);
  });

  it('round-trips the header and scopes the marker', () => {
    const plan: Plan = {
      agents: [agentPlan('65f1a2b3c4d5e6f708192a3b', [metric('a')], [metric('b')])],
      diagnostics: [],
      files: [],
    };
    const text = render(plan);
    expect(hasMarker(text, scope)).toBe(true);
    expect(hasMarker(text, { workflow: 'metrics', job: 'other' })).toBe(false);
    expect(findHeader(text)?.agents).toEqual([
      { agentId: '65f1a2b3c4d5e6f708192a3b', liveVersionId: 'f'.repeat(24), desiredHash: 'h' },
    ]);
    expect(findHeader('<!-- atoms-metrics:header bm90IGpzb24 -->')).toBeUndefined();
    expect(findHeader('<!-- atoms-metrics:header !!! -->')).toBeUndefined();
  });

  it('keeps hostile text inert', () => {
    const hostile =
      'Ignore <img src=x onerror=alert(1)> [click](javascript:alert(1)) @acme/security ``` ```` ::add-mask::x --> <!-- #1';
    const plan: Plan = {
      agents: [
        agentPlan(
          '65f1a2b3c4d5e6f708192a3b',
          [metric('a', 'ENUM', 'old', ['x'])],
          [metric('a', 'ENUM', hostile, ['x', hostile]), metric('b', 'STRING', hostile)],
        ),
      ],
      diagnostics: [],
      files: [],
    };
    const text = render(plan);
    // Code spans show their content literally; outside them nothing may be live HTML, a link or a mention.
    const outsideCode = stripCodeSpans(text);
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('](javascript:');
    expect(outsideCode).not.toMatch(/@acme/);
    expect(outsideCode.match(/-->/g)).toHaveLength(2);
    expect(balanced(text)).toBe(true);
    expect(
      renderPlanTerminal(plan, { color: false })
        .split('\n')
        .some((l) => l.trimStart().startsWith('::')),
    ).toBe(false);
  });

  it('keeps text inert across every kind of line break, and a hostile live type too', () => {
    const breakout =
      'x\r</details>\r<img src=https://evil/p.png>\r\r[click](https://evil)\u2028@acme/team\u0085# heading see https://evil.example/x or www.evil.example';
    const hostileType = '</details><img src=https://evil/t.png> @org/team';
    const plan: Plan = {
      agents: [
        agentPlan(
          '65f1a2b3c4d5e6f708192a3b',
          [metric('a', hostileType, 'old'), metric('c', 'ENUM', 'Which?', ['x'])],
          [
            metric('a', 'STRING', breakout),
            metric('c', 'ENUM', 'Which?', ['x', breakout]),
            metric('d', 'STRING', breakout),
          ],
          { file: 'metrics/a\r|b.yaml' },
        ),
      ],
      diagnostics: [],
      files: [],
    };
    const text = render(plan);
    const outsideCode = stripCodeSpans(text);
    expect(text).not.toMatch(/[\r\u2028\u2029\u0085]/);
    expect(outsideCode).not.toContain('<img');
    expect(outsideCode).not.toContain('](https://evil');
    expect(outsideCode).not.toMatch(/@(acme|org)\//);
    // Bare URLs would be autolinked by GitHub.
    expect(outsideCode).not.toMatch(/https?:\/\/|www\./);
    expect(balanced(outsideCode)).toBe(true);
  });

  it('neutralises workflow commands in terminal output wherever the runner would see a line start', () => {
    const prompt = 'y\r::add-mask::hello\n\u0085::error::boom and 80% sure';
    const plan: Plan = {
      agents: [
        agentPlan('65f1a2b3c4d5e6f708192a3b', [metric('a', 'STRING', 'old words')], [metric('a', 'STRING', prompt)]),
      ],
      diagnostics: [],
      files: [],
    };
    const out = renderPlanTerminal(plan, { color: false });
    const runnerLines = out.split(/\r\n|\r|\n/).map((l) => l.replace(/^[\s\u0085]+/, ''));
    expect(runnerLines.some((l) => l.startsWith('::'))).toBe(false);
    expect(out).toContain('80% sure');
  });

  it('can measure its cap in UTF-8 bytes (the job summary counts bytes)', () => {
    const cjk = '顧客は満足していましたか'.repeat(500);
    const agents = Array.from({ length: 10 }, (_, i) =>
      agentPlan(
        i.toString(16).padStart(24, '0'),
        [metric('a', 'STRING', `${cjk}旧`)],
        [metric('a', 'STRING', `${cjk}新`)],
      ),
    );
    const { plan, gate } = applyBreakingGate(
      { agents, diagnostics: [], files: [] },
      { allowBreaking: false, breakingLabel: 'l', labels: [] },
    );
    const text = renderPlanMarkdown(plan, {
      maxChars: 200_000,
      measure: (t) => Buffer.byteLength(t),
      scope,
      header: planHeader(plan, 'test'),
      gate,
      breakingLabel: 'l',
      actionVersion: 'test',
    });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(200_000);
    expect(balanced(text)).toBe(true);
  });

  it('stays under every cap, degrading in tiers, balanced', () => {
    const agents = Array.from({ length: 300 }, (_, i) =>
      agentPlan(
        i.toString(16).padStart(24, '0'),
        Array.from({ length: 50 }, (_, j) => metric(`m${j}`, 'STRING', `Old prompt number ${j} `.repeat(8))),
        Array.from({ length: 50 }, (_, j) => metric(`m${j + 1}`, 'STRING', `New prompt number ${j} `.repeat(8))),
      ),
    );
    const plan: Plan = { agents, diagnostics: [], files: [] };
    for (const cap of [65_000, 20_000]) {
      const text = render(plan, cap);
      expect(text.length).toBeLessThanOrEqual(cap);
      expect(balanced(text)).toBe(true);
      expect(text).toContain('job summary');
    }
    expect(render(plan, 20_000)).toContain('more agents');
    expect(findHeader(render(plan, 20_000))?.agents).toHaveLength(300);
    // Below what the header needs, the comment still fits and points to the summary.
    expect(render(plan, 3_000).length).toBeLessThanOrEqual(3_000);
  });

  it('property: any plan fits its cap with balanced markup', () => {
    const metricArb = fc.record({
      identifier: fc.stringMatching(/^[a-z_]{1,8}$/),
      dispositionMetricType: fc.constantFrom('STRING', 'BOOLEAN', 'ENUM'),
      dispositionMetricPrompt: fc.string({ minLength: 1, maxLength: 200 }),
      choices: fc.array(fc.string({ minLength: 1, maxLength: 10 }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(metricArb, { maxLength: 6 }), fc.array(metricArb, { maxLength: 6 })), {
          maxLength: 20,
        }),
        fc.integer({ min: 1500, max: 70_000 }),
        (pairs, cap) => {
          const plan: Plan = {
            agents: pairs.map(([live, desired], i) => agentPlan(i.toString(16).padStart(24, '0'), live, desired)),
            diagnostics: [],
            files: [],
          };
          const text = render(plan, cap);
          expect(text.length).toBeLessThanOrEqual(cap);
          expect(balanced(text)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

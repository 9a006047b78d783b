// What a person sees: the plan's markdown through a real CommonMark/GFM renderer, and log lines as the runner shows them.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { normalizeConfig } from '../../src/config/normalize.js';
import { diffConfigs } from '../../src/plan/diff.js';
import { applyBreakingGate } from '../../src/plan/gate.js';
import { planHeader } from '../../src/plan/header.js';
import { renderPlanMarkdown } from '../../src/plan/render-markdown.js';
import { renderPlanTerminal } from '../../src/plan/render-terminal.js';
import type { Plan } from '../../src/plan/types.js';
import { renderDiagnosticsTable } from '../../src/report/diagnostics-markdown.js';
import { formatDiagnosticLine } from '../../src/report/format-diagnostics.js';
import { inertForLog, inertInlineCode, inertText, inertTextWithCode } from '../../src/report/inert.js';

// GitHub renders comments as GFM and keeps <details>/<summary>: html on, tables on.
const md = new MarkdownIt({ html: true, linkify: true });
const html = (markdown: string) => md.render(markdown);
const ESC = '\u001b';

function plan(live: object[], desired: object[]): Plan {
  const diff = diffConfigs(
    normalizeConfig({ dispositionMetrics: live }),
    normalizeConfig({ dispositionMetrics: desired }),
  );
  return {
    agents: [
      {
        agentId: '65f1a2b3c4d5e6f708192a3b',
        file: 'metrics/a.yaml',
        status: 'changed',
        liveVersionId: 'f'.repeat(24),
        desiredHash: 'h',
        diff,
      },
    ],
    diagnostics: [],
    files: ['metrics/a.yaml'],
  };
}

function render(p: Plan, maxChars = 65_000): string {
  const { plan: gated, gate } = applyBreakingGate(p, {
    allowBreaking: false,
    breakingLabel: 'allow-breaking-metrics',
    labels: [],
  });
  return renderPlanMarkdown(gated, {
    maxChars,
    scope: { workflow: 'w', job: 'j' },
    header: planHeader(gated, 't'),
    gate,
    breakingLabel: 'allow-breaking-metrics',
    actionVersion: 't',
  });
}

const m = (identifier: string, prompt = `What is ${identifier}?`, type = 'STRING', choices?: string[]) => ({
  identifier,
  dispositionMetricType: type,
  dispositionMetricPrompt: prompt,
  ...(choices ? { choices } : {}),
});

describe('identifiers in code spans', () => {
  it('a breaking reason shows refund_reason exactly, not refund\\_reason (full detail and the shortened tier)', () => {
    const p = plan(
      [m('refund_reason'), m('call_type', 'Type?', 'ENUM', ['a_b', 'c'])],
      [m('call_type', 'Type?', 'ENUM', ['c'])],
    );
    for (const markdown of [render(p), render(p, 2_000)]) {
      const out = html(markdown);
      expect(out).toContain('<code>refund_reason</code> is removed');
      expect(out).not.toContain('refund\\_reason');
      expect(out).not.toMatch(/<code>[^<]*\\_/);
    }
  });

  it('identifiers with backticks, pipes and underscores survive a table cell and prose', () => {
    expect(html(`| a |\n|---|\n| ${inertInlineCode('x|y_`z`', { inTable: true })} |`)).toContain(
      '<code>x|y_`z`</code>',
    );
    expect(html(inertTextWithCode('`a_b` then *not emphasis* &lt;b&gt;'))).toContain(
      '<code>a_b</code> then *not emphasis* &amp;lt;b&amp;gt;',
    );
  });

  it('diagnostic messages that quote code render it as code', () => {
    const table = renderDiagnosticsTable([
      {
        file: 'metrics/a_b.yaml',
        line: 1,
        column: 1,
        severity: 'error',
        message: 'remove the extra `---` (a_b)',
        rule: 'yaml-multiple-documents',
      },
    ]);
    const out = html(table);
    expect(out).toContain('<code>---</code>');
    expect(out).toContain('(a_b)');
    expect(out).toContain('<code>metrics/a_b.yaml:1:1</code>');
  });
});

describe('control characters and ANSI escapes are shown, never obeyed', () => {
  const hostile = `red${ESC}[31mtext${ESC}[0m\u202eevil\u0007\rover`;

  it('in markdown: prose, code spans and the rendered comment', () => {
    for (const out of [inertText(hostile), inertInlineCode(hostile)]) {
      expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(html(out)).toContain('\\u001b[31m');
      expect(html(out)).toContain('\\u202e');
    }
    const out = html(render(plan([m('x', 'Old prompt')], [m('x', `New prompt ${hostile}`), m(`id${ESC}[2J`)])));
    expect(out).not.toContain(ESC);
    expect(out).toContain('\\u001b[2J');
  });

  it('in logs and annotations: escaped, workflow commands broken, line feeds kept unless one line is required', () => {
    expect(inertForLog(`a${ESC}[1m\nb\r::set-output`)).toBe('a\\u001b[1m\nb\\u000d:\u200b:set-output');
    const line = formatDiagnosticLine({
      file: `metrics/${ESC}[31mx.yaml`,
      line: 2,
      column: 3,
      severity: 'error',
      message: 'unknown key "a\nb"',
      rule: 'unknown-key',
    });
    expect(line).toBe('metrics/\\u001b[31mx.yaml:2:3: error: unknown key "a\\u000ab" [unknown-key]');
  });

  it('in the terminal plan: foreign escapes shown, our own colours kept', () => {
    const out = renderPlanTerminal(plan([m('a', 'Old')], [m('a', `New ${ESC}[8mhidden`)]), { color: true });
    expect(out).toContain('\\u001b[8mhidden');
    expect(out).toContain(`${ESC}[1m`);
    expect(out).not.toContain(`${ESC}[8m`);
  });
});

// Block nesting written without brackets must be refused before the YAML parser recurses into it.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { validateText } from '../../src/config/validate-text.js';
import { findExcessiveBlockNesting } from '../../src/config/yaml-depth.js';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';

let ws: Workspace | undefined;
afterEach(() => ws?.remove());

const head = 'agentId: "65f1a2b3c4d5e6f708192a3b"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n';
const oneLine = `${head}    ${'- '.repeat(20_000)}x\n`;
const staircase = `${head}${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(4 + i)}-\n`).join('')}`;
const keys = `${head}${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(4 + i)}k${i}:\n`).join('')}`;

describe('very deep YAML block structure', () => {
  it.each([
    ['a compact sequence on one line', oneLine, 4, 5],
    ['one dash per line, each indented one more', staircase, 66, 67],
    ['one key per line, each indented one more', keys, 66, 67],
  ])('%s: one error, too deeply nested at its line', (_name, text, line, column) => {
    const result = validateText('deep.yaml', text);
    expect(result.diagnostics.map((d) => [d.line, d.column, d.rule, d.message])).toEqual([
      [line, column, 'too-deep', 'too deeply nested (more than 64 levels)'],
    ]);
  });

  it('leaves ordinary files, block scalars and sequences at their key’s indentation alone', () => {
    const scalar = `${head}    - identifier: a\n      dispositionMetricType: STRING\n      dispositionMetricPrompt: |\n${Array.from({ length: 100 }, (_, i) => `        ${' '.repeat(i)}- line ${i}: text\n`).join('')}`;
    expect(findExcessiveBlockNesting(scalar, 64)).toBe(-1);
    expect(findExcessiveBlockNesting(VALID_YAML, 64)).toBe(-1);
    expect(findExcessiveBlockNesting('a:\n- - - b\n  - c\n    - d\n', 3)).toBe(-1);
    expect(findExcessiveBlockNesting('a:\n  - - - b\n', 3)).toBe(5);
  });

  it('the CLI reports it as a positioned error, not an unreadable file', async () => {
    ws = makeWorkspace({ 'metrics/deep.yaml': staircase });
    const state = { out: '', err: '' };
    const code = await runCli(['validate'], {
      cwd: ws.dir,
      env: {},
      isTTY: false,
      stdout: (t) => void (state.out += t),
      stderr: (t) => void (state.err += t),
    });
    expect(code).toBe(1);
    expect(state.out + state.err).toContain(
      'metrics/deep.yaml:66:67: error: too deeply nested (more than 64 levels) [too-deep]',
    );
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

let ws: Workspace | undefined;
afterEach(() => ws?.remove());

describe('atoms-metrics validate', () => {
  it('exits 0 for valid files', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const cli = io(ws.dir);
    expect(await runCli(['validate'], cli)).toBe(0);
    expect(cli.err).toBe('1 file: 0 errors, 0 warnings — valid\n');
  });

  it('a tab or an over-indented line is one error with a hint, not a cascade', async () => {
    ws = makeWorkspace({
      'metrics/a.yaml': VALID_YAML.replace('    - identifier', '\t- identifier'),
      'metrics/b.yaml': VALID_YAML.replace('      dispositionMetricType', '        dispositionMetricType'),
    });
    const cli = io(ws.dir);
    expect(await runCli(['validate'], cli)).toBe(1);
    const lines = (cli.out + cli.err).split('\n').filter((line) => line.includes(': error: '));
    expect(lines).toEqual([
      'metrics/a.yaml:4:1: error: YAML syntax error: this line is indented with a tab — check the indentation of this line; tabs are not allowed in YAML [yaml-syntax]',
      'metrics/b.yaml:5:9: error: YAML syntax error: this line is indented further than the line above allows — check the indentation of this line against the lines it belongs with [yaml-syntax]',
    ]);
  });

  it('prints path:line:col: error: message [rule] and exits 1 for invalid files', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML.replace('BOOLEAN', 'NUMBER') });
    const cli = io(ws.dir);
    expect(await runCli(['validate', 'metrics/*.yaml'], cli)).toBe(1);
    expect(cli.out).toBe(
      'metrics/a.yaml:5:30: error: unknown metric type "NUMBER" in metric #1 ("call_resolved") — did you mean INTEGER? (allowed: STRING, BOOLEAN, INTEGER, ENUM, DATETIME) [metric-type]\n',
    );
  });

  it('off-type-fallback passes its own advice under --strict: a fallback that names an on-type answer', async () => {
    const prompt = (type: string, text: string) =>
      VALID_YAML.replace('BOOLEAN', type).replace("Was the customer's issue resolved during the call?", text);
    ws = makeWorkspace({
      'a.yaml': prompt('INTEGER', 'How many products did the caller ask about? Answer with a whole number, 0 if none.'),
      'b.yaml': prompt('INTEGER', 'How many follow-up calls were promised? answer 0 if not mentioned.'),
      'c.yaml': prompt('BOOLEAN', 'Did the caller ask for a refund? If not mentioned, answer false.'),
      'd.yaml': prompt('INTEGER', 'Rate the caller satisfaction from 1 to 5, or N/A if unknown.'),
      'e.yaml': prompt('INTEGER', 'How many products did the caller ask about? 0 if none, unknown if unclear.'),
    });
    for (const file of ['a.yaml', 'b.yaml', 'c.yaml'])
      expect([file, await runCli(['validate', '--strict', file], io(ws.dir))]).toEqual([file, 0]);
    const flagged = io(ws.dir);
    expect(await runCli(['validate', '--strict', 'd.yaml', 'e.yaml'], flagged)).toBe(1);
    expect(flagged.out).toContain('invites "N/A"');
    expect(flagged.out).toContain('invites "unknown"');
  });

  it('fails warnings under --strict and honours --disable', async () => {
    ws = makeWorkspace({
      'a.yaml': VALID_YAML.replace("Was the customer's issue resolved during the call?", 'Resolved?'),
    });
    expect(await runCli(['validate', 'a.yaml'], io(ws.dir))).toBe(0);
    expect(await runCli(['validate', '--strict', 'a.yaml'], io(ws.dir))).toBe(1);
    expect(await runCli(['validate', '--strict', '--disable', 'vague-prompt', 'a.yaml'], io(ws.dir))).toBe(0);
  });

  it('writes JSON with --format json', async () => {
    ws = makeWorkspace({ 'a.yaml': VALID_YAML });
    const cli = io(ws.dir);
    await runCli(['validate', '--format', 'json', 'a.yaml'], cli);
    expect(JSON.parse(cli.out)).toEqual({ valid: true, files: 1, errors: 0, warnings: 0, diagnostics: [] });
  });

  it('exits 2 for usage errors, unreadable files and globs matching nothing', async () => {
    ws = makeWorkspace({});
    const cli = io(ws.dir);
    expect(await runCli(['validate', 'nothing/*.yaml'], cli)).toBe(2);
    expect(await runCli(['validate', '--format', 'xml'], cli)).toBe(2);
    expect(await runCli(['frobnicate'], cli)).toBe(2);
    expect(cli.err).toContain("atoms-metrics: unknown command 'frobnicate'");
  });

  it('prints help', async () => {
    const cli = io('.');
    expect(await runCli(['--help'], cli)).toBe(0);
    expect(cli.out).toContain('atoms-metrics validate');
    expect(await runCli(['validate', '--help'], cli)).toBe(0);
    expect(cli.out).toContain('--strict');
  });
});

import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';
import { runAction } from '../support/run-action.js';

let ws: Workspace | undefined;
afterEach(() => ws?.remove());

describe('action, mode validate', () => {
  it('passes valid files and sets valid=true', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const result = await runAction(ws.dir, { mode: 'validate' });
    expect(result.failed).toBe(false);
    expect(result.outputs.valid).toBe('true');
    expect(result.summary).toContain('✅ Metrics files are valid');
  });

  it('annotates each error at file:line:col, fails the step, and writes the summary table', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML.replace('call_resolved', 'Call-Resolved') });
    const result = await runAction(ws.dir, { mode: 'validate' });
    expect(result.failed).toBe(true);
    expect(result.outputs.valid).toBe('false');
    expect(result.errors[0]).toBe(
      '::error title=atoms-metrics%3A identifier,file=metrics/a.yaml,line=4,col=19::identifier "Call-Resolved" must use only lowercase letters, digits and underscores — e.g. "call_resolved"',
    );
    expect(result.errors.at(-1)).toBe('::error::Metrics files are invalid: 1 error (see the annotations).');
    expect(result.summary).toContain('`metrics/a.yaml:4:19`');
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });

  it('names a glob that matches nothing', async () => {
    ws = makeWorkspace({});
    const result = await runAction(ws.dir, { mode: 'validate', config: 'agents/*.yaml' });
    expect(result.failed).toBe(true);
    expect(result.errors[0]).toContain("'agents/*.yaml' matches no file");
  });

  it("passes a new project's empty metrics/ (a .gitkeep only): no metrics files yet, nothing to check", async () => {
    ws = makeWorkspace({ 'metrics/.gitkeep': '' });
    const result = await runAction(ws.dir, { mode: 'validate' });
    expect(result.failed).toBe(false);
    expect(result.outputs.valid).toBe('true');
    expect(result.stdout).toContain('metrics/ holds no metrics files yet; nothing to check there.');
  });

  it('rejects a bad input with one clear line', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const result = await runAction(ws.dir, { mode: 'publish' });
    expect(result.errors).toEqual([
      "::error::Input 'mode' must be one of auto, validate, plan, apply, list, rollback, drift, got 'publish'.",
    ]);
  });

  it('never prints the API key or token', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML.replace('BOOLEAN', 'NUMBER') });
    const result = await runAction(ws.dir, {
      mode: 'validate',
      'api-key': 'sk_live_supersecret123',
      'github-token': 'ghs_tokensecret456',
    });
    expect(result.stdout).toContain('::add-mask::sk_live_supersecret123');
    const withoutMasks = result.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
    expect(withoutMasks + result.summary + JSON.stringify(result.outputs)).not.toMatch(/supersecret|tokensecret/);
  });

  it('masks the secrets before it reads any other input, so an input error cannot be the first line to print one', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const result = await runAction(ws.dir, {
      mode: 'publish',
      'api-key': 'sk_live_supersecret123',
      'github-token': 'ghs_tokensecret456',
    });
    const lines = result.stdout.split('\n');
    const firstMask = lines.findIndex((l) => l === '::add-mask::sk_live_supersecret123');
    const tokenMask = lines.findIndex((l) => l === '::add-mask::ghs_tokensecret456');
    const inputError = lines.findIndex((l) => l.startsWith("::error::Input 'mode'"));
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(tokenMask).toBeGreaterThanOrEqual(0);
    expect(inputError).toBeGreaterThan(Math.max(firstMask, tokenMask));
  });

  it('refuses unknown rule ids in disable-rules, a key with a line break, and a URL with credentials, echoing no secret', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const rules = await runAction(ws.dir, { mode: 'validate', 'disable-rules': 'vague-prompt\nstring-fixed-option' });
    expect(rules.errors).toEqual([
      "::error::Input 'disable-rules': 'string-fixed-option' is not a lint rule — did you mean \"string-fixed-options\"? ('atoms-metrics rules' lists them).",
    ]);
    const key = await runAction(ws.dir, { mode: 'validate', 'api-key': 'sk_live_abc\ndef' });
    expect(key.errors[0]).toContain("Input 'api-key' contains a space, line break or control character");
    const url = await runAction(ws.dir, { mode: 'validate', 'api-url': 'https://me:hunter2@api.example/atoms/v1' });
    expect(url.errors[0]).toContain('must not contain credentials');
    expect(url.stdout).not.toContain('hunter2');
  });

  it("a metrics/ linked out of the workspace is one annotation naming the link; '!' lines exclude", async () => {
    ws = makeWorkspace({ 'metrics/keep.yaml': VALID_YAML, 'metrics/old/x.yaml': 'not: [valid' });
    const outside = makeWorkspace(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`host-${i}.yaml`, 'x: 1'])));
    symlinkSync(outside.dir, join(ws.dir, 'metrics', 'linked'));
    const result = await runAction(ws.dir, { mode: 'validate', config: 'metrics/**/*.yaml\n!metrics/old/**' });
    outside.remove();
    expect(result.errors.filter((line) => line.includes('file='))).toEqual([
      "::error title=atoms-metrics%3A outside-workspace,file=metrics/linked,line=1,col=1::'metrics/linked' is a symbolic link to a directory outside the workspace; not entered (only files inside the workspace are read)",
    ]);
    expect(result.stdout).not.toContain('host-');
    expect(result.summary).toContain('1 file: 1 error');
  });

  it('caps annotations per file and per run with one closing line; the summary still counts them all', async () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 6; f++)
      files[`metrics/f${f}.yaml`] = VALID_YAML + Array.from({ length: 12 }, (_, k) => `extra_${k}: 1\n`).join('');
    ws = makeWorkspace(files);
    const result = await runAction(ws.dir, { mode: 'validate' });
    const annotations = result.stdout.split('\n').filter((line) => /^::error (title|file)=/.test(line));
    expect(annotations).toHaveLength(50);
    expect(annotations.filter((line) => line.includes('file=metrics/f0.yaml'))).toHaveLength(10);
    expect(result.stdout).toContain(
      '::warning::22 more problems were not annotated (at most 10 per file and 50 per run); the job summary counts all 72.',
    );
    expect(result.summary).toContain('6 files: 72 errors');
  });

  it('shows control characters and ANSI escapes from a file escaped in annotations and the summary', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': `${VALID_YAML}"col\\e[31mour\\a": 1\n` });
    const result = await runAction(ws.dir, { mode: 'validate' });
    expect(result.errors[0]).toContain('unknown key "col\\u001b[31mour\\u0007"');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.summary).not.toContain('\u001b');
    expect(result.summary).toContain('col\\\\u001b\\[31mour');
  });

  it('refuses an api-url over plain http to a host that is not loopback, before any request carries the key', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const plain = await runAction(ws.dir, {
      mode: 'validate',
      'api-key': 'sk_live_plaintext_1234',
      'api-url': 'http://api.smallest.ai/atoms/v1',
    });
    expect(plain.failed).toBe(true);
    expect(plain.errors[0]).toBe(
      "::error::Input 'api-url' uses plain http to api.smallest.ai, which would send the API key unencrypted: use https (plain http is allowed only for loopback addresses such as 127.0.0.1 and localhost, e.g. the emulator).",
    );
    const loopback = await runAction(ws.dir, { mode: 'validate', 'api-url': 'http://127.0.0.1:4010/atoms/v1' });
    expect(loopback.failed).toBe(false);
  });
});

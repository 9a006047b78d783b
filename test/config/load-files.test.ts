import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pathMatcher } from '../../src/config/glob.js';
import { resolveConfigFiles, validateFiles } from '../../src/config/load-files.js';
import { makeWorkspace, VALID_YAML, type Workspace } from '../support/workspace.js';

let ws: Workspace | undefined;
afterEach(() => ws?.remove());

describe('pathMatcher (globs: the simple syntax and picomatch)', () => {
  it.each([
    ['metrics/**/*.{json,yaml,yml}', 'metrics/a.yaml', true],
    ['metrics/**/*.{json,yaml,yml}', 'metrics/team/b/c.json', true],
    ['metrics/**/*.{json,yaml,yml}', 'metrics/a.txt', false],
    ['metrics/*.yaml', 'metrics/sub/a.yaml', false],
    ['m?.json', 'm1.json', true],
    ['[ab].json', 'c.json', false],
    ['./metrics/*.yaml', 'metrics/a.yaml', true],
    ['metrics/**', 'metrics/a/b/c.yaml', true],
    ['metrics/{a,b/*}.json', 'metrics/b/x.json', true],
  ])('%s ~ %s → %s', async (glob, path, expected) => expect((await pathMatcher(glob))(path)).toBe(expected));
});

describe('resolveConfigFiles', () => {
  it('expands globs, dedupes and sorts, and names a glob that matches nothing', async () => {
    ws = makeWorkspace({ 'metrics/b.yaml': VALID_YAML, 'metrics/a/x.json': '{}', 'metrics/notes.txt': '' });
    const result = await resolveConfigFiles(['metrics/**/*.{json,yaml,yml}', 'metrics/b.yaml', 'other/*.yaml'], {
      cwd: ws.dir,
      workspace: ws.dir,
    });
    expect(result.files).toEqual(['metrics/a/x.json', 'metrics/b.yaml']);
    expect(result.errors.map((e) => e.message)).toEqual(["'other/*.yaml' matches no file"]);
  });

  it('a pattern starting in a directory that holds no file yet is "no metrics files yet", not an error; one with other files is', async () => {
    ws = makeWorkspace({ 'metrics/.gitkeep': '', 'notes/readme.txt': '' });
    const result = await resolveConfigFiles(['metrics/**/*.{json,yaml,yml}', 'metrics', 'notes/*.yaml'], {
      cwd: ws.dir,
      workspace: ws.dir,
    });
    expect(result.files).toEqual([]);
    expect(result.emptyDirectories).toEqual(['metrics']);
    expect(result.errors.map((e) => e.message)).toEqual(["'notes/*.yaml' matches no file"]);
  });

  it('refuses paths outside the workspace, by .. and by symbolic link', async () => {
    ws = makeWorkspace({ 'inside/a.yaml': VALID_YAML });
    const outside = makeWorkspace({ 'secret.yaml': VALID_YAML });
    symlinkSync(join(outside.dir, 'secret.yaml'), join(ws.dir, 'inside', 'link.yaml'));
    const result = await resolveConfigFiles(['../x/*.yaml', `${outside.dir}/secret.yaml`, 'inside/*.yaml'], {
      cwd: ws.dir,
      workspace: ws.dir,
    });
    outside.remove();
    expect(result.files).toEqual(['inside/a.yaml']);
    expect(result.errors.map((e) => e.rule)).toEqual(['outside-workspace', 'outside-workspace', 'outside-workspace']);
  });
});

describe('the workspace is the boundary', () => {
  it('never enters a metrics/ that is a link leading out, and says which link and why, once', async () => {
    ws = makeWorkspace({});
    const outside = makeWorkspace(
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`runner-file-${i}.yaml`, VALID_YAML])),
    );
    symlinkSync(outside.dir, join(ws.dir, 'metrics'));
    const result = await resolveConfigFiles(['metrics/**/*.{json,yaml,yml}', 'metrics'], {
      cwd: ws.dir,
      workspace: ws.dir,
    });
    outside.remove();
    expect(result.files).toEqual([]);
    expect(result.errors.map((e) => [e.file, e.rule, e.message])).toEqual([
      [
        'metrics',
        'outside-workspace',
        "'metrics' is a symbolic link to a directory outside the workspace; not entered (only files inside the workspace are read)",
      ],
      [
        'metrics',
        'outside-workspace',
        "'metrics' is a symbolic link to a directory outside the workspace; not entered (only files inside the workspace are read)",
      ],
    ]);
    expect(JSON.stringify(result)).not.toContain('runner-file');
  });

  it('skips a link to an outside directory met during the walk, and follows a start directory linked inside', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML, 'config/team/b.yaml': VALID_YAML });
    const outside = makeWorkspace({ 'c.yaml': VALID_YAML });
    symlinkSync(outside.dir, join(ws.dir, 'metrics', 'shared'));
    symlinkSync(join(ws.dir, 'config', 'team'), join(ws.dir, 'team'));
    const result = await resolveConfigFiles(['metrics/**/*.yaml', 'team/*.yaml'], { cwd: ws.dir, workspace: ws.dir });
    outside.remove();
    expect(result.files).toEqual(['metrics/a.yaml', 'team/b.yaml']);
    expect(result.errors.map((e) => [e.file, e.rule])).toEqual([['metrics/shared', 'outside-workspace']]);
  });
});

describe("'!' exclusions, as in GitHub's paths filters", () => {
  it('a later ! line excludes, a later pattern includes again; plain directories exclude what is below them', async () => {
    ws = makeWorkspace({
      'metrics/a.yaml': VALID_YAML,
      'metrics/legacy/old.yaml': VALID_YAML,
      'metrics/legacy/keep.yaml': VALID_YAML,
      'metrics/drafts/x.json': '{}',
      'metrics/b.yml': VALID_YAML,
    });
    const result = await resolveConfigFiles(
      [
        'metrics/**/*.{json,yaml,yml}',
        '!metrics/legacy/**',
        '!metrics/drafts',
        '!**/*.yml',
        'metrics/legacy/keep.yaml',
      ],
      { cwd: ws.dir, workspace: ws.dir },
    );
    expect(result).toEqual({ files: ['metrics/a.yaml', 'metrics/legacy/keep.yaml'], errors: [], emptyDirectories: [] });
  });

  it('only exclusions is an error that says what to add', async () => {
    ws = makeWorkspace({ 'metrics/a.yaml': VALID_YAML });
    const result = await resolveConfigFiles(['!metrics/a.yaml'], { cwd: ws.dir, workspace: ws.dir });
    expect(result.files).toEqual([]);
    expect(result.errors[0]?.message).toContain("only exclusions ('!' lines) were given");
  });
});

describe('validateFiles', () => {
  it('validates files and reports unreadable and non-UTF-8 ones as diagnostics', async () => {
    ws = makeWorkspace({ 'a.yaml': VALID_YAML });
    ws.write('bad.yaml', '');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(ws.dir, 'bad.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const results = await validateFiles(['a.yaml', 'bad.yaml', 'missing.yaml'], { cwd: ws.dir });
    expect(results[0]?.file?.agentIds).toEqual(['65f1a2b3c4d5e6f708192a3b']);
    expect(results[1]?.diagnostics.map((d) => d.rule)).toEqual(['encoding']);
    expect(results[2]?.diagnostics.map((d) => [d.rule, d.message])).toEqual([
      ['unreadable', 'cannot read the file: no such file (ENOENT)'],
    ]);
  });

  it('pins the first byte that is not UTF-8, past a U+FFFD the file really contains', async () => {
    ws = makeWorkspace({});
    const { writeFileSync } = await import('node:fs');
    const text = Buffer.from(
      'agentId: "65f1a2b3c4d5e6f708192a3b"\n# keep \uFFFD as is\npostCallAnalyticsConfig:\n  # caf',
      'utf8',
    );
    writeFileSync(join(ws.dir, 'latin1.yaml'), Buffer.concat([text, Buffer.from([0xe9, 0x0a])]));
    const [result] = await validateFiles(['latin1.yaml'], { cwd: ws.dir });
    expect(result?.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['encoding', 4, 8]]);
    expect(result?.diagnostics[0]?.message).toContain('not valid UTF-8');
  });

  it('refuses a second file for the same agent, at its agentId, naming the first', async () => {
    ws = makeWorkspace({
      'a.yaml': VALID_YAML,
      'b.json': JSON.stringify(
        {
          agentIds: ['65f1a2b3c4d5e6f708192a3c', '65f1a2b3c4d5e6f708192a3b'],
          postCallAnalyticsConfig: { dispositionMetrics: [] },
        },
        null,
        2,
      ),
    });
    const results = await validateFiles(['b.json', 'a.yaml'], { cwd: ws.dir });
    expect(results.map((r) => r.path)).toEqual(['a.yaml', 'b.json']);
    expect(results[0]?.file).toBeDefined();
    expect(results[1]?.file).toBeUndefined();
    expect(
      results[1]?.diagnostics.filter((d) => d.rule === 'agent-in-two-files').map((d) => [d.line, d.column, d.message]),
    ).toEqual([
      [
        4,
        5,
        "agent 65f1a2b3c4d5e6f708192a3b already has a metrics file: a.yaml:1; one agent, one file (each apply would undo the other's metrics)",
      ],
    ]);
  });
});

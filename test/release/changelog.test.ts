// The release workflow takes its notes from CHANGELOG.md; a version without a section must not be releasable.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const section = (tag: string) =>
  spawnSync(process.execPath, ['scripts/changelog-section.mjs', tag], { encoding: 'utf8' });

describe('CHANGELOG.md', () => {
  it("has a section for package.json's version, at the top", () => {
    expect(/^## (\S+)$/m.exec(readFileSync('CHANGELOG.md', 'utf8'))?.[1]).toBe(version);
  });
  it('gives the release workflow the section of a tag, without its heading', () => {
    const run = section(`v${version}`);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain(`## ${version}`);
    expect(run.stdout.trim().length).toBeGreaterThan(0);
  });
  it('refuses a tag that has no section', () => {
    const run = section('v99.0.0');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no "## 99.0.0" section');
  });
});

// The README's `@v0`, `npx atoms-metrics` and `v0` schema URL become true through the release workflow: a vX.Y.Z tag
// makes a release, moves the major tag to it, and publishes the package.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

type Step = { run?: string; env?: Record<string, string> };
const workflow = parse(readFileSync('.github/workflows/release.yml', 'utf8')) as {
  on: { push: { tags: string[] } };
  jobs: Record<string, { needs?: string; steps: Step[] }>;
};
const runs = (job: string) => (workflow.jobs[job]?.steps ?? []).map((step) => step.run ?? '').join('\n');

describe('the release workflow', () => {
  it('runs on a vX.Y.Z tag, after checks that the tag matches package.json', () => {
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(runs('verify')).toContain('does not match package.json');
  });

  it("moves the major tag (v0 for package.json's 0.x) to the released commit", () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(version.split('.')[0]).toBe('0');
    expect(workflow.jobs['github-release']?.needs).toBe('verify');
    const script = runs('github-release');
    expect(script).toContain('major="${TAG%%.*}"');
    expect(script).toMatch(/refs\/tags\/\$major/);
  });

  it('publishes the package to npm, so that npx atoms-metrics resolves', () => {
    expect(workflow.jobs['npm-publish']?.needs).toBe('verify');
    expect(runs('npm-publish')).toContain('npm publish --provenance --access public');
  });
});

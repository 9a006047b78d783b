// What a newcomer reads first says v2 (the branch model, the default) and leaves v1 as the exception (issue 21).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help.js';
import { renderMetricsWorkflow } from '../../src/init/workflow-template.js';

describe('v2 is the default, in words', () => {
  it('top-level --help: plan and apply describe the live branch, not a "live active version" to "activate"', () => {
    const main = HELP.main ?? '';
    expect(main).not.toContain('live active version');
    expect(main).toMatch(/plan .*live branch head/);
    expect(main).toMatch(/apply .*Publish on the live branch, wait for the scan, verify \(v1: activate\)/);
    expect(main).toMatch(/history .*live-branch revisions \(v2\) or versions \(v1\)/);
  });

  it("the generated workflow's comments describe publishing on the live branch, v1's activate only as the exception", () => {
    const comments = renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' })
      .split('\n')
      .flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#'))] : []))
      .join('\n');
    expect(comments).toContain('on its live branch');
    expect(comments).not.toMatch(/activates/);
    expect(comments.match(/activate/g)).toHaveLength(1);
    expect(comments).toContain('v1 versioning: publish, security check, activate');
  });

  it('CHANGELOG: the v1 apply of 0.1.0 is named as v1', () => {
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    expect(changelog).not.toMatch(/\*\*Apply\*\* on merge: draft from the active version/);
    expect(changelog).toContain("on Atoms' v1 versioning API");
  });

  it('the pending changesets (the next release notes) mention v2, init, drift, history, rollback and rules', () => {
    const notes = readdirSync('.changeset')
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => readFileSync(`.changeset/${name}`, 'utf8'))
      .join('\n');
    for (const word of ['v2', 'branch model', 'init', 'drift', 'history', 'rollback', 'rules'])
      expect([word, notes.includes(word)]).toEqual([word, true]);
  });
});

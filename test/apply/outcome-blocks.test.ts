import { describe, expect, it } from 'vitest';
import { outcomeKey, withOutcome } from '../../src/apply/render-outcome.js';
import { GitHubClient } from '../../src/github/client.js';
import { startFakeGitHub } from '../support/fake-github.js';

const PLAN = '<!-- atoms-metrics:plan workflow=metrics job=plan -->\n### 📊 Post-call metrics plan\n\n| agent |\n|---|';
const details = (n: number) => `\n\n<details><summary>steps</summary>\n\n${'1. step\n'.repeat(n)}\n</details>`;

describe('outcome blocks in the plan comment', () => {
  it('keys a slice by its set of agents, whatever their order', () => {
    expect(outcomeKey(['b', 'a', 'a'])).toBe(outcomeKey(['a', 'b']));
    expect(outcomeKey(['a'])).not.toBe(outcomeKey(['b']));
  });

  it('appends a block per slice and replaces only its own on a re-run', () => {
    const one = withOutcome(PLAN, '### slice one: applied', 'k1', 65_000);
    const two = withOutcome(one, '### slice two: applied', 'k2', 65_000);
    const rerun = withOutcome(two, '### slice one: no changes', 'k1', 65_000);
    expect(rerun.startsWith(PLAN)).toBe(true);
    expect(rerun).toContain('slice two: applied');
    expect(rerun).toContain('slice one: no changes');
    expect(rerun).not.toContain('slice one: applied');
    expect(rerun.match(/atoms-metrics:outcome key=/g)).toHaveLength(2);
  });

  it("stays under the cap: drops its step details, then everyone's, then points to the job summary", () => {
    const others = withOutcome(PLAN, `### slice two${details(400)}`, 'k2', 65_000);
    const ownFits = withOutcome(others, `### slice one${details(400)}`, 'k1', others.length + 200);
    expect(ownFits.length).toBeLessThanOrEqual(others.length + 200);
    expect(ownFits).toContain('### slice one');
    expect(ownFits.match(/<details>/g)).toHaveLength(1);

    const tight = withOutcome(others, `### slice one${details(400)}`, 'k1', PLAN.length + 400);
    expect(tight.length).toBeLessThanOrEqual(PLAN.length + 400);
    expect(tight).not.toContain('<details>');
    expect(tight).toContain('### slice two');

    const tiny = withOutcome(others, `### slice one ${'x'.repeat(2_000)}`, 'k1', PLAN.length + 400);
    expect(tiny).toContain("see the run's job summary");
    expect(tiny.length).toBeLessThanOrEqual(PLAN.length + 400);
  });

  it('replaces its block in a comment that came back with CRLF line ends, and never leaves a stale one when nothing fits', async () => {
    // The comment as GitHub hands it back after an edit in the web editor, read through our client.
    const gh = await startFakeGitHub();
    const crlf = gh.addComment(
      7,
      withOutcome(PLAN, '### slice one: applied', 'k1', 65_000).replace(/\n/g, '\r\n'),
      'github-actions[bot]',
    );
    const read = await new GitHubClient('ghs_token', 'acme', 'voice', gh.url).getComment(crlf.id);
    await gh.close();
    const rerun = withOutcome(read.body, '### slice one: no changes', 'k1', 65_000);
    expect(rerun.match(/atoms-metrics:outcome key=k1/g)).toHaveLength(1);
    expect(rerun).not.toContain('slice one: applied');
    const full = withOutcome(PLAN, '### slice one: applied', 'k1', 65_000);
    expect(withOutcome(full, '### slice one: no changes', 'k1', PLAN.length + 10)).toBe(PLAN);
  });
});

// The few tests that run the committed bundles themselves: they start, and the README's demo works.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('dist bundles', () => {
  it('the CLI bundle runs the demo end to end', () => {
    const run = spawnSync(process.execPath, ['dist/cli.js', 'demo'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('waiting for the security check');
    expect(run.stdout).toContain('Demo finished: one new version, activated after its security check passed; nothing left to change.');
  });

  it('the action bundle validates the examples', () => {
    const run = spawnSync(process.execPath, ['dist/index.js'], { encoding: 'utf8', env: { ...process.env, INPUT_MODE: 'validate', INPUT_CONFIG: 'examples/invalid/*.yaml', GITHUB_OUTPUT: '', GITHUB_STEP_SUMMARY: '' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('::error title=atoms-metrics%3A metric-type,file=examples/invalid/broken-agent.yaml,line=10,col=30::unknown metric type "NUMBER"');
  });
});

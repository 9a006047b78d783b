// The live suite: doctor --write, then pull, plan, apply, history and rollback of one agent, through the CLI's own
// entry, cleaning up after itself. `npm run test:live` runs it against the real API (a throwaway agent of your own);
// `npm test` runs it against the emulator, so it always works.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { recordingIo } from '../support/cli-io.js';
import { makeWorkspace } from '../support/workspace.js';

export interface LiveTarget {
  apiUrl: string;
  apiKey: string;
  agentId: string;
  /** Progress lines (the real API is slow enough to want them). */
  log?: (line: string) => void;
}

/** The metric the suite adds and takes away again; nothing else of the agent changes. */
export const CHECK_METRIC = {
  identifier: 'atoms_metrics_live_check',
  dispositionMetricType: 'BOOLEAN',
  dispositionMetricPrompt: 'Did the caller confirm the atoms-metrics live check?',
};

export async function runLiveSuite(target: LiveTarget): Promise<void> {
  const ws = makeWorkspace({});
  const env = { SMALLEST_API_KEY: target.apiKey, ATOMS_API_URL: target.apiUrl };
  const say = target.log ?? (() => undefined);
  const cli = async (argv: string[]) => {
    const io = recordingIo(ws.dir, env);
    const code = await runCli(argv, io);
    say(`atoms-metrics ${argv.join(' ')} → exit ${code}`);
    return { code, out: io.out, err: io.err };
  };
  let file = '';
  let original = '';
  try {
    const doctor = await cli(['doctor', target.agentId, '--write', '--json']);
    expect(doctor.code, doctor.err).toBe(0);
    const report = JSON.parse(doctor.out);
    if (report.model === 'v2') expect(report.scratchBranch).toMatchObject({ archived: true });
    expect(doctor.out + doctor.err).not.toContain(target.apiKey);

    const pull = await cli(['pull', target.agentId, '--out', 'metrics', '--format', 'json']);
    expect(pull.code, pull.out + pull.err).toBe(0);
    const [name] = readdirSync(join(ws.dir, 'metrics'));
    file = join('metrics', name ?? '');
    original = readFileSync(join(ws.dir, file), 'utf8');
    const parsed = JSON.parse(original);
    parsed.postCallAnalyticsConfig.dispositionMetrics.push(CHECK_METRIC);
    writeFileSync(join(ws.dir, file), `${JSON.stringify(parsed, null, 2)}\n`);

    const plan = await cli(['plan', file]);
    expect(plan.code, plan.out + plan.err).toBe(0);
    expect(plan.out).toContain(`+ ${CHECK_METRIC.identifier} BOOLEAN`);
    const apply = await cli(['apply', file]);
    expect(apply.code, apply.out + apply.err).toBe(0);
    expect((await cli(['plan', file])).out).toContain('No changes.');

    const history = await cli(['history', target.agentId, '--format', 'json', '--limit', '5']);
    expect(history.code, history.err).toBe(0);
    expect(JSON.parse(history.out).entries[0]).toMatchObject({ live: true });

    const rollback = await cli(['rollback', target.agentId, '--yes', '--allow-breaking']);
    expect(rollback.code, rollback.out + rollback.err).toBe(0);
    expect(rollback.out).toContain(`- ${CHECK_METRIC.identifier}`);
  } finally {
    // Whatever happened above: live ends with the metrics it had before the suite.
    if (file !== '') {
      writeFileSync(join(ws.dir, file), original);
      const check = await cli(['plan', file]);
      if (!check.out.includes('No changes.')) await cli(['apply', file, '--allow-breaking']);
      const after = await cli(['plan', file]);
      ws.remove();
      expect(after.out, 'the agent still differs from its metrics before the live suite').toContain('No changes.');
    } else ws.remove();
  }
}

// plan, apply, list and demo through the CLI's own entry (runCli), against the emulator over HTTP.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

let emu: RunningEmulator;
let ws: Workspace;

beforeEach(async () => {
  emu = await startEmulator({
    versioning: 'v1',
    securityCheckMs: 0,
    seed: await loadSeedFile('examples/emulator-seed.json'),
  });
  ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
});
afterEach(async () => {
  await emu.close();
  ws.remove();
});

describe('CLI against the emulator', () => {
  it('plan shows the diff, apply applies it, plan again shows no changes', async () => {
    const env = { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url };
    const plan = io(ws.dir, env);
    expect(await runCli(['plan'], plan)).toBe(0);
    expect(plan.out).toContain(
      '+ follow_up_needed BOOLEAN\n      prompt: Did the agent promise the customer a follow-up after the call?',
    );
    expect(plan.out).toContain('- summary STRING');
    expect(plan.out).toContain('1 agent to change, 1 with breaking changes.');
    const json = io(ws.dir, env);
    await runCli(['plan', '--format', 'json'], json);
    expect(JSON.parse(json.out).agents[0].removed).toEqual(['summary']);

    const refused = io(ws.dir, env);
    expect(await runCli(['apply'], refused)).toBe(1);
    expect(refused.out).toContain('this change breaks consumers of the metrics: summary is removed');
    expect(refused.out).toContain('pass --allow-breaking');
    expect((refused.out + refused.err).split('summary is removed').length - 1).toBe(1);
    expect(emu.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const apply = io(ws.dir, env);
    expect(await runCli(['apply', '--allow-breaking'], apply)).toBe(0);
    expect(apply.out).toMatch(/applied: version 2 \([a-f0-9]{24}\) is active/);
    const again = io(ws.dir, env);
    await runCli(['plan'], again);
    expect(again.out).toContain('No changes.');
  });

  it('plan without a key is a usage error naming the variable', async () => {
    const cli = io(ws.dir, {});
    expect(await runCli(['plan'], cli)).toBe(2);
    expect(cli.err).toContain('SMALLEST_API_KEY is not set');
  });

  it('a wrong key fails with one clear line and no key in it', async () => {
    const cli = io(ws.dir, { SMALLEST_API_KEY: 'sk_wrong_key_777777', ATOMS_API_URL: emu.url });
    expect(await runCli(['plan'], cli)).toBe(1);
    expect(cli.out + cli.err).toContain('rejected the API key');
    expect(cli.out + cli.err).not.toContain('sk_wrong_key_777777');
    expect(cli.out).not.toContain('No changes.');
    expect(cli.out).toContain('1 agent could not be read, so its changes are unknown.');
  });

  it('list prints a matrix', async () => {
    const cli = io(ws.dir);
    expect(await runCli(['list'], cli)).toBe(0);
    expect(JSON.parse(cli.out)).toEqual({
      include: [{ slice: '1', files: ['metrics/support-agent.yaml'], agents: ['65f1a2b3c4d5e6f708192a3b'] }],
    });
  });

  it('--strict holds back files with warnings in plan and apply; exit codes match validate', async () => {
    const env = { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url };
    ws.write(
      'metrics/support-agent.yaml',
      readFileSync('examples/metrics/support-agent.yaml', 'utf8').replace(
        /dispositionMetricPrompt: .*follow.*$/m,
        'dispositionMetricPrompt: Follow up?',
      ),
    );
    const apply = io(ws.dir, env);
    expect(await runCli(['apply', '--strict', '--allow-breaking'], apply)).toBe(1);
    expect(apply.err).toContain(
      'Metrics files are invalid (lint warnings count as errors under --strict); nothing was applied.',
    );
    expect(emu.requests).toEqual([]);
    const plan = io(ws.dir, env);
    expect(await runCli(['plan', '--strict'], plan)).toBe(1);
    expect(plan.out).toContain('Invalid files were left out of the plan.');
    expect(plan.out).not.toContain('No changes.');
    for (const command of ['validate', 'plan', 'list']) {
      const missing = io(ws.dir, env);
      expect([command, await runCli([command, 'nope/*.yaml'], missing)]).toEqual([command, 2]);
    }
  });

  it('emulator: a bad seed file or a busy port is one clear line and exit 2', async () => {
    ws.write('bad-seed.json', '{\n  "agents": [\n    {"_id": "65f1a2b3c4d5e6f708192a3b",}\n  ]\n}\n');
    const cases: [string[], string][] = [
      [['emulator', '--seed', 'missing.json'], 'cannot read the seed file missing.json: no such file'],
      [
        ['emulator', '--seed', 'bad-seed.json'],
        "bad-seed.json:3:39: JSON syntax error: trailing comma: remove this ',' (JSON allows no comma before '}')",
      ],
      [['emulator', '--port', String(emu.port)], `cannot listen on 127.0.0.1:${emu.port}: the port is in use`],
    ];
    for (const [argv, message] of cases) {
      const cli = io(ws.dir);
      expect(await runCli(argv, cli)).toBe(2);
      expect(cli.err).toContain(message);
      expect(cli.err).not.toContain('Unexpected');
    }
  });
});

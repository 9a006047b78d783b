// Rehearsing failures: the emulator's --scan-outcome / --scan-reason / --fault flags through parseCliArgs and runCli,
// and the CLI's apply against an emulator started with them, over real HTTP.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEmulatorArgs } from '../../src/cli/emulator-args.js';
import { HELP } from '../../src/cli/help.js';
import { runCli } from '../../src/cli/main.js';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';
import { recordingIo as io } from '../support/cli-io.js';

let emu: RunningEmulator | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await emu?.close();
  ws?.remove();
  emu = undefined;
  ws = undefined;
});

describe('emulator rehearsal flags', () => {
  it('parses --scan-outcome, --scan-reason and repeated --fault into switches and faults, in order', () => {
    const command = parseEmulatorArgs([
      '--scan-outcome',
      'failed',
      '--scan-reason',
      'prompt injection',
      '--fault',
      'POST /agent/*/branches/*/draft/publish 502 after-effect',
      '--fault',
      'PUT */draft error_type=config_freeze_active times=2',
    ]);
    expect(command).toMatchObject({
      kind: 'emulator',
      switches: { scanOutcome: 'failed', scanReason: 'prompt injection' },
      faults: [
        { method: 'POST', status: 502, afterEffect: true },
        { method: 'PUT', status: 423, times: 2, body: { status: false, error_type: 'config_freeze_active' } },
      ],
    });
  });

  it('a bad flag is a usage error (exit 2) that points at the word, with no stack trace', async () => {
    const cli = io(process.cwd());
    expect(await runCli(['emulator', '--fault', 'POST /agent/*/drafts 5000'], cli)).toBe(2);
    expect(cli.err).toBe(
      "atoms-metrics: --fault 'POST /agent/*/drafts 5000': status 5000 is not from 100 to 599\n  POST /agent/*/drafts 5000\n                       ^\nRun 'atoms-metrics --help' for usage.\n",
    );
    const outcome = io(process.cwd());
    expect(await runCli(['emulator', '--scan-outcome', 'flaky'], outcome)).toBe(2);
    expect(outcome.err).toContain('--scan-outcome must be one of passed, failed, errored, got "flaky"');
  });

  it('--help lists both, with examples', () => {
    expect(HELP.emulator).toContain('--scan-outcome <passed|failed|errored>');
    expect(HELP.emulator).toContain('--scan-reason <text>');
    expect(HELP.emulator).toContain("--fault '<METHOD> <path> [status] [words…]'");
    expect(HELP.emulator).toContain('atoms-metrics emulator --scan-outcome failed --scan-reason "prompt injection"');
    expect(HELP.emulator).toContain(
      "atoms-metrics emulator --fault 'POST /agent/*/branches/*/draft/publish 502 after-effect' --fault 'GET */revisions/* reset'",
    );
  });

  it('apply against an emulator started with --scan-outcome failed fails with the reason, and live is unchanged', async () => {
    const command = parseEmulatorArgs([
      '--scan-outcome',
      'failed',
      '--scan-reason',
      'prompt injection',
      '--security-check-ms',
      '0',
    ]);
    if (command.kind !== 'emulator') throw new Error('not the emulator command');
    emu = await startEmulator({
      ...command.switches,
      faults: command.faults,
      seed: await loadSeedFile('examples/emulator-seed.json'),
    });
    ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
    const agentId = '65f1a2b3c4d5e6f708192a3b';
    const liveBefore = emu.getAgentState(agentId)?.branches?.[0]?.headRevisionId;
    const apply = io(ws.dir, { SMALLEST_API_KEY: emu.apiKey, ATOMS_API_URL: emu.url });
    expect(await runCli(['apply', '--allow-breaking', '--max-requests-per-second', '0'], apply)).toBe(1);
    expect(apply.out).toContain('prompt injection');
    expect(apply.out).toMatch(/security scan failed/);
    expect(emu.getAgentState(agentId)?.branches?.[0]?.headRevisionId).toBe(liveBefore);
  });
});

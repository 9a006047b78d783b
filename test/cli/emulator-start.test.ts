// `atoms-metrics emulator` started with no seed, from an empty directory: it holds the documentation's example agent,
// and the commands it suggests work as printed.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEmulatorArgs } from '../../src/cli/emulator-args.js';
import { runEmulatorCommand } from '../../src/cli/emulator-command.js';
import { runCli } from '../../src/cli/main.js';
import { recordingIo } from '../support/cli-io.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

let ws: Workspace | undefined;
afterEach(() => ws?.remove());

/** Starts the emulator command with `args` and returns what it printed once it listens, and a way to stop it. */
async function startCommand(args: string[], cwd: string) {
  const command = parseEmulatorArgs(args);
  if (command.kind !== 'emulator') throw new Error(`not an emulator command: ${command.kind}`);
  const io = recordingIo(cwd);
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const exit = runEmulatorCommand(command, io, () => stopped);
  for (let i = 0; i < 500 && !io.out.includes('Press Ctrl+C'); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  return { io, exit, stop };
}

describe('atoms-metrics emulator', () => {
  it('without --seed holds the example agent, and the commands it suggests work from an empty directory', async () => {
    ws = makeWorkspace({});
    const { io, exit, stop } = await startCommand(['--port', '0', '--security-check-ms', '0'], ws.dir);
    try {
      expect(io.out).toContain('  seeded agent 65f1a2b3c4d5e6f708192a3b\n');
      const env = /export ATOMS_API_URL=(\S+) SMALLEST_API_KEY=(\S+)/.exec(io.out);
      const suggested = [...io.out.matchAll(/^ {2}atoms-metrics (.+?)(?:\s+#.*)?$/gm)].map((m) =>
        (m[1] ?? '').split(' '),
      );
      expect(suggested).toEqual([
        ['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'],
        ['plan', 'metrics'],
      ]);
      const cli = recordingIo(ws.dir, { ATOMS_API_URL: env?.[1], SMALLEST_API_KEY: env?.[2] });
      for (const args of suggested) expect(await runCli(args, cli), `${args.join(' ')}: ${cli.err}`).toBe(0);
      expect(cli.out).toContain('No changes.');
    } finally {
      stop();
    }
    expect(await exit).toBe(0);
  });

  it('with --empty holds no agent and says how to seed one', async () => {
    ws = makeWorkspace({});
    const { io, exit, stop } = await startCommand(['--port', '0', '--empty'], ws.dir);
    stop();
    expect(await exit).toBe(0);
    expect(io.out).not.toContain('seeded agent');
    expect(io.out).toContain('No agents: start it with --seed <file.json>');
  });

  it('refuses --empty with --seed', async () => {
    ws = makeWorkspace({});
    const io = recordingIo(ws.dir);
    expect(await runCli(['emulator', '--empty', '--seed', 'x.json'], io)).toBe(2);
    expect(io.err).toContain('--empty and --seed exclude each other');
  });

  it("rehearses a person acting between the tool's calls: with --act, apply stops and leaves her edit where it is", async () => {
    ws = makeWorkspace({});
    const { io, exit, stop } = await startCommand(
      [
        '--port',
        '0',
        '--security-check-ms',
        '0',
        '--act',
        'PUT /agent/*/branches/*/draft edit-draft=workflow_prompt by=Ana',
      ],
      ws.dir,
    );
    try {
      expect(io.out).toContain('act: PUT');
      const env = /export ATOMS_API_URL=(\S+) SMALLEST_API_KEY=(\S+)/.exec(io.out);
      const cli = recordingIo(ws.dir, { ATOMS_API_URL: env?.[1], SMALLEST_API_KEY: env?.[2] });
      expect(await runCli(['pull', '65f1a2b3c4d5e6f708192a3b', '--out', 'metrics'], cli)).toBe(0);
      const [file] = readdirSync(join(ws.dir, 'metrics'));
      const path = join(ws.dir, 'metrics', file ?? '');
      writeFileSync(path, readFileSync(path, 'utf8').replace('useReasoningModel: false', 'useReasoningModel: true'));
      const apply = recordingIo(ws.dir, { ATOMS_API_URL: env?.[1], SMALLEST_API_KEY: env?.[2] });
      expect(await runCli(['apply', 'metrics'], apply)).toBe(1);
      expect(apply.err + apply.out).toContain('Ana (workflow_prompt');
      expect(apply.err + apply.out).toContain('left as it is');
      expect(io.err).toContain('act: Ana edited workflow_prompt in the draft of branch Main');
    } finally {
      stop();
    }
    expect(await exit).toBe(0);
  });
});

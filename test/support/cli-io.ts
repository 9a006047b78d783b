// A CliIo that records what a command writes, for tests that run commands through runCli.
import type { CliIo } from '../../src/cli/io.js';

export type RecordingIo = CliIo & { out: string; err: string };

export function recordingIo(cwd: string, env: NodeJS.ProcessEnv = {}): RecordingIo {
  const state = { out: '', err: '' };
  return Object.assign(state, {
    cwd,
    env,
    isTTY: false,
    stdout: (t: string) => void (state.out += t),
    stderr: (t: string) => void (state.err += t),
  });
}

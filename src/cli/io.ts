/** What a CLI command may touch, passed in so commands run the same in tests and in a terminal. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

/**
 * `atoms-metrics plan … | head` closes the pipe early; that is the reader's choice, not a crash to report. The
 * handler goes on each stream when it is first written: creating process.stdout or stderr costs start-up, and a
 * `validate` that finds nothing to report never touches stdout.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return stream;
}

export function processIo(): CliIo {
  let stdout: NodeJS.WriteStream | undefined;
  let stderr: NodeJS.WriteStream | undefined;
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => (stdout ??= quietOnClosedPipe(process.stdout)).write(text),
    stderr: (text) => (stderr ??= quietOnClosedPipe(process.stderr)).write(text),
    get isTTY() {
      return process.stdout.isTTY === true;
    },
  };
}

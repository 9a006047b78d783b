#!/usr/bin/env node
// The CLI's entry point: the only module with a side effect.
import { runCli } from './cli/main.js';
import { processIo } from './cli/io.js';

// `atoms-metrics plan … | head` closes the pipe early; that is the reader's choice, not a crash to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), processIo());

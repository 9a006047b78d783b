// The entry of dist/cli-main.js, which dist/cli.js runs for every command but `validate`.
import { runCli } from './cli/main.js';
import { processIo } from './cli/io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());

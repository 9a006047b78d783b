// The entry of dist/cli-validate.js, which dist/cli.js runs for `atoms-metrics validate`.
import { processIo } from './cli/io.js';
import { runValidateCli } from './cli/validate-main.js';

process.exitCode = await runValidateCli(process.argv.slice(2), processIo());

#!/usr/bin/env node
// The CLI's entry point: the only module with a side effect.
import { runCli } from './cli/main.js';
import { processIo } from './cli/io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());

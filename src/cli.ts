#!/usr/bin/env node
// The CLI's entry point. `validate`, the command CI and editors run most and whose start-up is held to the action's,
// runs from its own bundle (dist/cli-validate.js: one file, plus the yaml package or picomatch only when a file or a
// pattern needs them); every other command from dist/cli-main.js, which loads each command's code on demand.
if (process.argv[2] === 'validate') await import('./cli-validate.js');
else await import('./cli-main.js');

export {};

#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
process.argv[2]==="validate"?await import("./cli-validate.js"):await import("./cli-main.js");

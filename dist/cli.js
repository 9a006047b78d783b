#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
process.argv[2]==="validate"?await import("./cli-validate.js"):await import("./cli-main.js");

import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a}from"./chunk-D26MT6Z3.js";import"./chunk-QB2X6TW4.js";export{a as parseYaml};

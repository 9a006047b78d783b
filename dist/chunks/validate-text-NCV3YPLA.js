import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a}from"./chunk-3Q7L3TJW.js";import"./chunk-KOJDEIXS.js";import"./chunk-4B5VHVV7.js";import"./chunk-2JBL36WE.js";export{a as validateText};

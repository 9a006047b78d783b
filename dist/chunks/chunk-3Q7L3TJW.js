import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as i}from"./chunk-KOJDEIXS.js";import{a as o}from"./chunk-4B5VHVV7.js";import{A as r,D as e}from"./chunk-2JBL36WE.js";function u(a,s,m={}){return e(a,s,{json:o,yaml:t=>r(t)??i(t)},m)}export{u as a};

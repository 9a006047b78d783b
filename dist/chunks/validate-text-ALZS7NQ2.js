import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as i}from"./chunk-D26MT6Z3.js";import{a as o}from"./chunk-B2E4EMUO.js";import{A as r,D as e}from"./chunk-QB2X6TW4.js";function u(a,s,m={}){return e(a,s,{json:o,yaml:t=>r(t)??i(t)},m)}export{u as validateText};

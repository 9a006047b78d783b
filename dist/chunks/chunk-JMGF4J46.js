import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{f as i}from"./chunk-WA4MU5QT.js";import{a as o}from"./chunk-LEFOVJDF.js";import{a as r,f as e}from"./chunk-GS5QDINW.js";function u(a,s,m={}){return e(a,s,{json:o,yaml:t=>r(t)??i(t)},m)}export{u as a};

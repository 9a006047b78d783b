import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as i}from"./chunk-IDHK36QS.js";import{a as o}from"./chunk-COBOCXUB.js";import{A as r,D as e}from"./chunk-5VXLI5TE.js";function u(a,s,m={}){return e(a,s,{json:o,yaml:t=>r(t)??i(t)},m)}export{u as a};

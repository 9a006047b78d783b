import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as o,b as x,c as i}from"./chunk-MHJWITB4.js";var r=x((l,c)=>{c.exports=o("node:child_process")});var e=i(r());export{e as a};

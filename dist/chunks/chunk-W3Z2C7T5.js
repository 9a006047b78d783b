import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as r,b as t,c as i}from"./chunk-MHJWITB4.js";var o=t((m,a)=>{a.exports=r("node:path")});var e=i(o());export{e as a};

import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as i,b as a,c as l}from"./chunk-MHJWITB4.js";var r=a((n,t)=>{t.exports=i("node:fs/promises")});var e=l(r());export{e as a};

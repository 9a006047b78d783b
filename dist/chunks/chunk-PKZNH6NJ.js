import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a,c as o,e as i}from"./chunk-5VXLI5TE.js";var t=o((s,r)=>{r.exports=a("node:os")});var e=i(t());export{e as a};

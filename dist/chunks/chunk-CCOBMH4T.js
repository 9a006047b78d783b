import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as t,b as r,c as a}from"./chunk-MHJWITB4.js";var c=r((i,n)=>{n.exports=t("node:fs")});var e=a(c());export{e as a};

import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
var s=["auto","v1","v2"];function a(e,t,n,i){let r=e==="v1"?"version":"revision",o=e==="v2"&&i?` of branch ${i}`:"",l=t===null?n??"?":`${t}${n?` (${n})`:""}`;return`${e} ${r} ${l}${o}`}export{s as a,a as b};

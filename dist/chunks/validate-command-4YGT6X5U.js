import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{b as f,c as m,d as u,e as p,f as g,g as w,h as $}from"./chunk-2TAD5KHF.js";import"./chunk-CCOBMH4T.js";import"./chunk-W3Z2C7T5.js";import{d as c}from"./chunk-B5COMCTN.js";import"./chunk-RTOKB5AK.js";import"./chunk-5RGVSFLM.js";import"./chunk-GS5QDINW.js";import"./chunk-IFTIDDEM.js";import"./chunk-7LWBZ6KG.js";import"./chunk-MHJWITB4.js";async function C(e,s){let o=await f(e.patterns,{cwd:s.cwd,workspace:s.cwd}),d=await m(o.files,{cwd:s.cwd,disabledRules:e.disabledRules}),r=[...o.errors,...d.flatMap(t=>t.diagnostics)],n=p(d,o.errors),i=r.some(t=>$.has(t.rule)),a=w(n,e.strict),l=o.emptyDirectories.map(t=>`${t}/ holds no metrics files yet (add one per agent: atoms-metrics pull <agentId> --out ${t})`);if(e.format==="json")s.stdout(`${c({valid:!a&&!i,...n,diagnostics:r,...l.length>0?{notes:l}:{}},2)}
`);else{r.length>0&&s.stdout(r.map(t=>`${u(t)}
`).join(""));for(let t of l)s.stderr(`note: ${t}
`);s.stderr(`${g(n)}${a||i?"":" \u2014 valid"}
`)}return i?2:a?1:0}export{C as runValidateCommand};

import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as p}from"./chunk-AQTANAMN.js";import{b as l,c,f as g}from"./chunk-MU5F6NKB.js";import{k as m}from"./chunk-2TAD5KHF.js";import{i as a}from"./chunk-B5COMCTN.js";function f(r){let e=r.model==="v1"?"version":"revision",i=`${r.agentId}: ${r.model} ${e}s${r.branch?` of live branch ${r.branch}`:""}, newest first`,s=r.entries.map(n=>{let t=n.scan===null?"no scan":`scan ${n.scan}${n.scanReason?` (${n.scanReason})`:""}`,o=n.restoredFrom?`, restored from ${n.restoredFrom}`:"";return`${n.live?"*":" "} ${String(n.number??"?").padStart(4)}  ${n.id}  ${n.at??"(no date)"}  ${n.by??"-"}  ${t}${o}  ${n.label?JSON.stringify(n.label):""}`});return`${a(i)}
${s.map(n=>a(n)).join(`
`)||"  (none)"}
${r.entries.some(n=>n.live)?`  * = live
`:""}`}async function j(r,e){let i=await p(r.target,e),s=new l({apiKey:m(e),baseUrl:r.apiUrl,limiter:c({requestsPerSecond:8})}),n=g(s,r.versioning),t=[];for(let o of i)t.push(await(await n.forAgent(o)).history(o,r.limit));return e.stdout(r.format==="json"?`${JSON.stringify(t.length===1?t[0]:t,null,2)}
`:t.map(f).join(`
`)),0}export{f as a,j as b};

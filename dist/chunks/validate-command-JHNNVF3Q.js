import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as c,c as f,d as u,e as m,f as p,g,h as w}from"./chunk-ANNUWXCT.js";import"./chunk-EWIJSPUL.js";import"./chunk-6KBYZLOK.js";import{d}from"./chunk-PBFG3K4M.js";import"./chunk-V3G72KD4.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";async function j(r,t){let o=await c(r.patterns,{cwd:t.cwd,workspace:t.cwd}),l=await f(o.files,{cwd:t.cwd,disabledRules:r.disabledRules}),e=[...o.errors,...l.flatMap(s=>s.diagnostics)],i=m(l,o.errors),a=e.some(s=>w.has(s.rule)),n=g(i,r.strict);return r.format==="json"?t.stdout(`${d({valid:!n&&!a,...i,diagnostics:e},2)}
`):(e.length>0&&t.stdout(e.map(s=>`${u(s)}
`).join("")),t.stderr(`${p(i)}${n||a?"":" \u2014 valid"}
`)),a?2:n?1:0}export{j as runValidateCommand};

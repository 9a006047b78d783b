import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{b as d,c,d as u,e as f,f as m,g as p,h as g}from"./chunk-XMP5F7M4.js";import"./chunk-6KBYZLOK.js";import"./chunk-H65UEAAV.js";import"./chunk-YQTSJD4W.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";async function C(r,s){let o=await d(r.patterns,{cwd:s.cwd,workspace:s.cwd}),l=await c(o.files,{cwd:s.cwd,disabledRules:r.disabledRules}),e=[...o.errors,...l.flatMap(t=>t.diagnostics)],i=f(l,o.errors),n=e.some(t=>g.has(t.rule)),a=p(i,r.strict);return r.format==="json"?s.stdout(`${JSON.stringify({valid:!a&&!n,...i,diagnostics:e},null,2)}
`):(e.length>0&&s.stdout(e.map(t=>`${u(t)}
`).join("")),s.stderr(`${m(i)}${a||n?"":" \u2014 valid"}
`)),n?2:a?1:0}export{C as runValidateCommand};

import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as m}from"./chunk-XEMHAAWA.js";import"./chunk-NQ7FLUGR.js";import"./chunk-PYZC4QPC.js";import"./chunk-UG6ZV7TX.js";import{b as a,c as l}from"./chunk-ORX2GBXD.js";import{d as n,k as s}from"./chunk-46ZZFEZB.js";import"./chunk-DBEDFYCD.js";import"./chunk-6KBYZLOK.js";import{i}from"./chunk-PBFG3K4M.js";import"./chunk-K6FARARD.js";import"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";import{resolve as c}from"node:path";var d={created:"written",updated:"updated in place",unchanged:"already matches live"};async function $(r,t){let f=new a({apiKey:s(t),baseUrl:r.apiUrl,limiter:l({requestsPerSecond:r.maxRequestsPerSecond})}),o=await m({api:f,agentIds:r.agentIds,outDir:c(t.cwd,r.outDir),format:r.format,overwrite:r.overwrite,concurrency:r.concurrency,cwd:t.cwd,versioning:r.versioning});for(let e of o){if(!e.file){t.stderr(i(`${e.agentId}: ${e.error??"failed"}
`));continue}if(t.stdout(i(`${e.agentId} \u2192 ${e.file} (${d[e.action??"created"]})
`)),e.sharedWith&&t.stderr(i(`${e.file} also targets ${e.sharedWith.join(", ")}: their next plan compares with these metrics too.
`)),e.problems&&e.problems.length>0){t.stderr(i(`${e.file} was written, but validate will refuse it \u2014 fix it (or the metric in the dashboard) before planning:
`));for(let p of e.problems)t.stderr(`${n(p)}
`)}}return o.some(e=>e.error!==void 0||(e.problems?.length??0)>0)?1:0}export{$ as runPullCommand};

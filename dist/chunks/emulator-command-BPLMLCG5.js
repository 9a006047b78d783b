import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as u,b as p,c as d}from"./chunk-WZFDXCSS.js";import{g as c}from"./chunk-VCV3KVAW.js";import"./chunk-6KBYZLOK.js";import{a}from"./chunk-NXMCVWOI.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";import{resolve as f}from"node:path";var l={EADDRINUSE:"the port is in use (pick another with --port, or --port 0 for a free one)",EACCES:"permission denied (ports below 1024 need privileges)",EADDRNOTAVAIL:"that address is not on this machine",ENOTFOUND:"that host name does not resolve"};async function m(e,s){let i,n;try{i=e.seed?await p(f(s.cwd,e.seed),e.seed):void 0,n=await d({...e.switches,faults:e.faults,acts:e.acts,port:e.port,host:e.host,seed:i,log:t=>s.stderr(`${t}
`)})}catch(t){let r=a(t);if(t instanceof u)s.stderr(`atoms-metrics: ${t.message}
`);else if(l[r])s.stderr(`atoms-metrics: cannot listen on ${e.host}:${e.port}: ${l[r]}
`);else throw t;return 2}s.stdout(`atoms emulator listening on ${n.url} (API key: ${n.apiKey})
`);let o=n.getSwitches();s.stdout(o.versioning==="v2"?`  versioning v2 (branch model): publish ${o.publishMode}, security scan ${o.securityCheckMs} ms
`:`  versioning v1 (drafts and versions): security check ${o.securityCheckMs} ms
`),o.scanOutcome!=="passed"&&s.stdout(`  every security scan ends ${o.scanOutcome}${o.scanReason?`: ${o.scanReason}`:""}
`);for(let t of[...e.faults,...i?.faults??[]])s.stdout(`  fault: ${c(t)}
`);for(let t of e.acts??[])s.stdout(`  act: ${t.method??"(any method)"} ${typeof t.path=="string"?t.path:t.path?.source??"(any path)"} \u2192 ${t.action}${t.arg?`=${t.arg}`:""}${t.skip?` after ${t.skip} passed`:""} (${t.times??1}\xD7)
`);for(let t of i?.agents.map(r=>r._id).filter(r=>r!==void 0)??[])s.stdout(`  seeded agent ${t}
`);return s.stdout(`Try: ATOMS_API_URL=${n.url} SMALLEST_API_KEY=${n.apiKey} atoms-metrics plan <metrics files>
Press Ctrl+C to stop.
`),await new Promise(t=>{let r=()=>t();process.once("SIGINT",r),process.once("SIGTERM",r)}),await n.close(),0}export{m as runEmulatorCommand};

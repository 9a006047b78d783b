import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as l,b as c,c as d}from"./chunk-3TGAAB4S.js";import{g as u}from"./chunk-DWNGBGLW.js";import"./chunk-6KBYZLOK.js";import{a}from"./chunk-NXMCVWOI.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";import{resolve as f}from"node:path";var p={EADDRINUSE:"the port is in use (pick another with --port, or --port 0 for a free one)",EACCES:"permission denied (ports below 1024 need privileges)",EADDRNOTAVAIL:"that address is not on this machine",ENOTFOUND:"that host name does not resolve"};async function E(t,s){let i,n;try{i=t.seed?await c(f(s.cwd,t.seed),t.seed):void 0,n=await d({...t.switches,faults:t.faults,port:t.port,host:t.host,seed:i,log:e=>s.stderr(`${e}
`)})}catch(e){let r=a(e);if(e instanceof l)s.stderr(`atoms-metrics: ${e.message}
`);else if(p[r])s.stderr(`atoms-metrics: cannot listen on ${t.host}:${t.port}: ${p[r]}
`);else throw e;return 2}s.stdout(`atoms emulator listening on ${n.url} (API key: ${n.apiKey})
`);let o=n.getSwitches();s.stdout(o.versioning==="v2"?`  versioning v2 (branch model): publish ${o.publishMode}, security scan ${o.securityCheckMs} ms
`:`  versioning v1 (drafts and versions): security check ${o.securityCheckMs} ms
`),o.scanOutcome!=="passed"&&s.stdout(`  every security scan ends ${o.scanOutcome}${o.scanReason?`: ${o.scanReason}`:""}
`);for(let e of[...t.faults,...i?.faults??[]])s.stdout(`  fault: ${u(e)}
`);for(let e of i?.agents.map(r=>r._id).filter(r=>r!==void 0)??[])s.stdout(`  seeded agent ${e}
`);return s.stdout(`Try: ATOMS_API_URL=${n.url} SMALLEST_API_KEY=${n.apiKey} atoms-metrics plan <metrics files>
Press Ctrl+C to stop.
`),await new Promise(e=>{let r=()=>e();process.once("SIGINT",r),process.once("SIGTERM",r)}),await n.close(),0}export{E as runEmulatorCommand};

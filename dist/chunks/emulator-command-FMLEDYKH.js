import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as d,b as l,c}from"./chunk-ACKNON4L.js";import"./chunk-6KBYZLOK.js";import{n as a}from"./chunk-AJEGBUF6.js";import"./chunk-MXU5WMOO.js";import"./chunk-5N6DWNHC.js";import{resolve as u}from"node:path";var p={EADDRINUSE:"the port is in use (pick another with --port, or --port 0 for a free one)",EACCES:"permission denied (ports below 1024 need privileges)",EADDRNOTAVAIL:"that address is not on this machine",ENOTFOUND:"that host name does not resolve"};async function g(s,r){let i,o;try{i=s.seed?await l(u(r.cwd,s.seed),s.seed):void 0,o=await c({...s.switches,port:s.port,host:s.host,seed:i,log:e=>r.stderr(`${e}
`)})}catch(e){let t=a(e);if(e instanceof d)r.stderr(`atoms-metrics: ${e.message}
`);else if(p[t])r.stderr(`atoms-metrics: cannot listen on ${s.host}:${s.port}: ${p[t]}
`);else throw e;return 2}r.stdout(`atoms emulator listening on ${o.url} (API key: ${o.apiKey})
`);let n=o.getSwitches();r.stdout(n.versioning==="v2"?`  versioning v2 (branch model): publish ${n.publishMode}, security scan ${n.securityCheckMs} ms
`:`  versioning v1 (drafts and versions): security check ${n.securityCheckMs} ms
`);for(let e of i?.agents.map(t=>t._id).filter(t=>t!==void 0)??[])r.stdout(`  seeded agent ${e}
`);return r.stdout(`Try: ATOMS_API_URL=${o.url} SMALLEST_API_KEY=${o.apiKey} atoms-metrics plan <metrics files>
Press Ctrl+C to stop.
`),await new Promise(e=>{let t=()=>e();process.once("SIGINT",t),process.once("SIGTERM",t)}),await o.close(),0}export{g as runEmulatorCommand};

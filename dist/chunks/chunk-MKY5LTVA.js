import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{e as M}from"./chunk-47EYYXPT.js";import{c as V,d as F,e as q,i as x,j as D,m as G,o as H}from"./chunk-H734ZWT4.js";var L=["auto","v1","v2"];function ge(e,n,t,o){let s=e==="v1"?"version":"revision",r=e==="v2"&&o?` of branch ${o}`:"",l=n===null?t??"?":`${n}${t?` (${t})`:""}`;return`${e} ${s} ${l}${r}`}var a=class extends Error{name="UsageError"};import{parseArgs as se}from"node:util";function oe(e){let n=e.replace(/^\[|\]$/g,"").toLowerCase();return n==="localhost"||n==="::1"||/^127(?:\.\d{1,3}){3}$/.test(n)}function W(e){if(/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(e))return{kind:"credentials",message:"must not contain credentials (user:password@)"};let n={kind:"not-http",message:`must be an http(s) URL, got '${e}'`},t;try{t=new URL(e)}catch{return n}if(t.protocol!=="https:"&&t.protocol!=="http:"||/\s/.test(e))return n;if(t.protocol==="http:"&&!oe(t.hostname))return{kind:"plain-http",message:`uses plain http to ${t.hostname}, which would send the API key unencrypted: use https (plain http is allowed only for loopback addresses such as 127.0.0.1 and localhost, e.g. the emulator)`}}var h={maxRequestsPerSecond:8,concurrency:8},y={maxRequestsPerSecond:"ATOMS_MAX_REQUESTS_PER_SECOND",concurrency:"ATOMS_CONCURRENCY"};function K(e,n,t,o){let s=t[n]||void 0,r=e??s;if(r===void 0)return o.fallback;let l=e!==void 0?`--${o.flag}`:n,g=Number(r);if(!(o.whole?/^\d+$/:/^\d+(\.\d+)?$/).test(r)||g<o.min||g>o.max)throw new a(`${l} must be a ${o.whole?"whole number":"number"} from ${o.min} to ${o.max}, got '${r}'`);return g}function J(e,n){return{maxRequestsPerSecond:K(e["max-requests-per-second"],y.maxRequestsPerSecond,n,{flag:"max-requests-per-second",min:0,max:1e3,whole:!1,fallback:h.maxRequestsPerSecond}),concurrency:K(e.concurrency,y.concurrency,n,{flag:"concurrency",min:1,max:64,whole:!0,fallback:h.concurrency})}}var Y=["format","api-url","versioning","calls","days","max-requests-per-second","concurrency"],z=(e,n)=>`Usage: atoms-metrics stats [files or globs\u2026] [options]

Shows what each agent's live metrics produced on its recent calls: per metric, how many calls gave a value,
the empty and low-confidence (< 0.5) rates, ENUM shares and answers outside choices, BOOLEAN and INTEGER
off-type answers, the DATETIME parse rate, STRING distinct values and the most common short ones; and the calls
whose analytics the platform dropped. Only non-test calls on the live version count. Reads at most three pages
of calls per agent; writes nothing. Shows aggregates only: never a transcript, phone number or free text.

Options:
  --calls <n>                   The last this many calls (1 to 1500, default 500)\u2026
  --days <n>                    \u2026or this many days (1 to 90, default 14), whichever is smaller
  --format text|json            Output format (default text)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${e})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto)
${n}
  -h, --help                    Show this help
Exit code 0 when every agent's calls were read; 1 when one could not be.`;function B(e,n,t,o){if(e===void 0)return t;if(!/^\d+$/.test(e)||Number(e)<1||Number(e)>o)throw new a(`--${n} must be a whole number from 1 to ${o}, got '${e}'`);return Number(e)}function Q(e,n){let t=e.format??"text";if(t!=="text"&&t!=="json")throw new a(`--format must be one of text, json, got '${t}'`);return{kind:"stats",...n,format:t,calls:B(e.calls,"calls",500,1500),days:B(e.days,"days",14,90)}}var u="https://api.smallest.ai/atoms/v1",I="metrics/**/*.{json,yaml,yml}";function A(e){let n=" ".repeat(e),t=(o,s)=>o.length+4>e?`  ${o}
${n}${s}`:`  ${o.padEnd(e-2)}${s}`;return[t("--max-requests-per-second <n>","Requests per second to the API, all agents together; 0 = no limit"),t("",`(default $${y.maxRequestsPerSecond} or ${h.maxRequestsPerSecond})`),t("--concurrency <n>",`Agents in flight at once, 1 to 64 (default $${y.concurrency} or ${h.concurrency})`)].join(`
`)}var R={main:`atoms-metrics \u2014 post-call metrics of Smallest AI Atoms voice agents as code

Usage:
  atoms-metrics init     [agentId\u2026]          Start a project: metrics/, the workflow, and (with a key) the agents' metrics
  atoms-metrics validate [files or globs\u2026]   Check metrics files (schema, rules, lint)
  atoms-metrics plan     [files or globs\u2026]   Diff files against each agent's live active version
  atoms-metrics drift    [files or globs\u2026]   Fail when live differs from any file (a dashboard edit)
  atoms-metrics apply    [files or globs\u2026]   Publish, wait for the security check, activate, verify
  atoms-metrics pull     <agentId\u2026>          Write metrics files from live config (adopt an agent)
  atoms-metrics history  <agentId|file>      List an agent's versions (v1) or live-branch revisions (v2)
  atoms-metrics rollback <agentId|file>      Show, then with --yes make live, the previous (or --to N) one
  atoms-metrics list     [files or globs\u2026]   Print the GitHub Actions matrix for a fan-out
  atoms-metrics stats    [files or globs\u2026]   What each agent's live metrics produced on recent calls
  atoms-metrics rules                        List every lint rule and error id
  atoms-metrics emulator                     Run the local Atoms API emulator
  atoms-metrics demo                         The whole story against a built-in emulator (no key, no network)
  atoms-metrics --version                    Print the version

Files default to '${I}'. Run 'atoms-metrics <command> --help' for options.
Environment: SMALLEST_API_KEY (API key), ATOMS_API_URL (API base URL, default ${u}),
ATOMS_VERSIONING (auto, v1 or v2; default auto: detected per agent).
  ${y.maxRequestsPerSecond} and ${y.concurrency} (see the options of plan, apply, pull).
Exit codes: 0 ok, 1 invalid files / failed checks / failed apply, 2 usage error or unreadable file.`,validate:`Usage: atoms-metrics validate [files or globs\u2026] [options]

Validates metrics files against the JSON Schema and the semantic and lint rules.
Prints path:line:col: severity: message [rule].

Options:
  --format text|json   Output format (default text)
  --strict             Treat warnings as errors
  --disable <rule>     Switch a lint rule off (repeatable, or comma-separated)
  -h, --help           Show this help`,plan:`Usage: atoms-metrics plan [files or globs\u2026] [options]

Reads each agent's live config (v1: its active version, one request; v2: the live branch's
head revision, two requests; auto-detection adds one on v1) \u2014 nothing is written \u2014
and shows what applying the files would add, change and remove, and what is breaking.

Options:
  --format text|markdown|json   Output format (default text; markdown is the PR comment)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${u})
  --agent-id <id>               Override the file's agentId (exactly one file)
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto: detected per agent)
  --color / --no-color          Force colours on or off (default: on for a TTY)
${A(32)}
  --strict                      Treat lint warnings as errors
  --disable <rule>              Switch a lint rule off
  -h, --help                    Show this help
Exit code 0 whether or not there are changes (breaking ones included: the plan only reports);
1 when files are invalid or an agent could not be read.`,drift:`Usage: atoms-metrics drift [files or globs\u2026] [options]

Reads each agent's live metrics (nothing is written) and reports every agent whose live metrics differ
from its file, breaking or not: what differs, the live revision (v2) or version (v1), who published it
and when, and the ways out (adopt live with 'atoms-metrics pull <agentId> --force', or apply the file).

Options:
  --format text|json            Output format (default text)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${u})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto: detected per agent)
${A(32)}
  --disable <rule>              Switch a lint rule off
  -h, --help                    Show this help
Exit code 0 when live matches every file; 1 on drift, invalid files, or an agent that could not be read.`,apply:`Usage: atoms-metrics apply [files or globs\u2026] [options]

For each agent whose live metrics differ from its file:
  v2 (branch model, production since 2026-08): write the metrics into the live branch's draft, publish
     (which goes live once the platform's security scan passes), verify. An open draft someone else
     is editing is never published: the run refuses and names who edited what.
  v1: create a draft from the active version, patch it, publish, wait for the security check, activate, verify.
Safe to re-run: a re-run resumes or does nothing; it never publishes the same change twice.

Options:
  --api-url <url>                     API base URL (default $ATOMS_API_URL or ${u})
  --agent-id <id>                     Override the file's agentId (exactly one file)
  --security-check-timeout <seconds>  Wait at most this long for the security check (default 180)
  --versioning auto|v1|v2             Versioning model (default $ATOMS_VERSIONING or auto)
${A(38)}
  --allow-breaking                    Apply even when a metric is removed, renamed, changes type or
                                      loses an ENUM choice (exports, webhooks and dashboards key on them)
  --strict                            Treat lint warnings as errors
  --disable <rule>                    Switch a lint rule off
  --format text|json                  Output format (default text)
  -h, --help                          Show this help
Exit code 0 when every agent is applied or unchanged; 1 when any failed or was refused.`,pull:`Usage: atoms-metrics pull <agentId\u2026> [options]

Writes one metrics file per agent from its live active config, so dashboard-made metrics
can be adopted in one command. Planning right after shows "no changes".

Options:
  --out <dir>          Directory to write to (default metrics)
  --format yaml|json   File format (default yaml)
  --force              Overwrite existing files
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${u})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
${A(23)}
  -h, --help           Show this help`,history:`Usage: atoms-metrics history <agentId|metrics file> [options]

Lists what the agent has published, newest first: number, label, who, when, scan status, and which is
live. On v2 these are the live branch's revisions; on v1 the agent's versions (the model is named).

Options:
  --limit <n>               How many (default 20, at most 100)
  --format text|json        Output format (default text)
  --api-url <url>           API base URL (default $ATOMS_API_URL or ${u})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
  -h, --help                Show this help`,rollback:`Usage: atoms-metrics rollback <agentId|metrics file> [--to N] [--yes] [options]

Shows what making the previous (or the given) version live would change, as a plan. With --yes it does
it: v2 restores that revision as a new head of the live branch (live at once after its scan); v1
activates that earlier version. A target whose security scan failed is refused.

Options:
  --to <n>                  The version (v1) or revision (v2) number to go back to (default: the one before live)
  --yes                     Do it (without it, nothing is written)
  --security-check-timeout <seconds>  Wait at most this long for a restore's scan (default 180)
  --format text|json        Output format (default text)
  --api-url <url>           API base URL (default $ATOMS_API_URL or ${u})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
  -h, --help                Show this help
Exit code 0 when planned or rolled back; 1 when refused or failed.`,list:`Usage: atoms-metrics list [files or globs\u2026] [options]

Prints the JSON matrix ({"include":[{slice, files, agents}]}) that a workflow can fan out over:
files balanced by agent count into at most N slices.

Options:
  --max-slices <n>     At most this many slices (default 16; GitHub allows 256 jobs per matrix)
  --disable <rule>     Switch a lint rule off
  -h, --help           Show this help`,init:`Usage: atoms-metrics init [agentId\u2026] [options]

Starts a project in the current directory (a git repository's root):
  - the metrics directory (default metrics/);
  - .github/workflows/metrics.yml: plan on pull requests (one sticky comment), apply on merge;
  - with agent ids (and SMALLEST_API_KEY), one file per agent from its live metrics, as 'pull' writes them.
Never overwrites an existing file unless given --force.

Options:
  --out <dir>          Metrics directory, inside the current one (default metrics)
  --branch <name>      Default branch the workflow applies from (default main)
  --format yaml|json   Format of pulled files (default yaml)
  --force              Overwrite existing files
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${u})
  -h, --help           Show this help
Exit code 0 when everything was written; 1 when a file was kept or an agent could not be pulled.`,stats:z(u,A(32)),rules:`Usage: atoms-metrics rules [options]

Lists every lint rule (a warning you can switch off) and every error id, one line each:
the ids shown in brackets after each diagnostic.

Options:
  --format text|json|markdown   Output format (default text; markdown is docs/rules.md)
  -h, --help                    Show this help`,demo:`Usage: atoms-metrics demo [--versioning v2|v1]

Runs the whole story against a built-in emulator: plan examples/metrics, show the PR comment as GitHub
shows it, apply, show the history, plan again. Needs no API key and no network.
  --versioning v2   (default) the branch model production runs: draft on the live branch \u2192 publish \u2192
                    security scan \u2192 live
  --versioning v1   drafts \u2192 publish \u2192 security check \u2192 activate`,emulator:`Usage: atoms-metrics emulator [options]

Runs a local emulator of the Atoms API on 127.0.0.1: the v2 branch model (branches \u2192 draft \u2192 publish \u2192
security scan \u2192 live), as in production, or with --versioning v1 the v1 flow (drafts \u2192 publish \u2192 activate).

Options:
  --port <n>                 Port (default 4010; 0 picks a free one)
  --host <addr>              Address to bind (default 127.0.0.1)
  --seed <file.json>         Agents, versions, drafts and branches to start with; its "options" set the switches below
  -h, --help                 Show this help

Switches (flags win over the seed file's "options"; booleans take true or false):
${x.map(e=>`  --${e.flag} ${D(e)}
      ${e.help}`).join(`
`)}

Injected failures:
${V}

Rehearse a failure:
  atoms-metrics emulator --scan-outcome failed --scan-reason "prompt injection"
  atoms-metrics emulator --fault 'POST /agent/*/branches/*/draft/publish 502 after-effect' --fault 'GET */revisions/* reset'

The API key it accepts is printed on start.`};var X={validate:["format","strict","disable"],plan:["format","strict","disable","api-url","agent-id","color","no-color","versioning","max-requests-per-second","concurrency"],drift:["format","disable","api-url","versioning","max-requests-per-second","concurrency"],apply:["format","strict","disable","api-url","agent-id","security-check-timeout","allow-breaking","versioning","max-requests-per-second","concurrency"],pull:["format","out","force","api-url","versioning","max-requests-per-second","concurrency"],history:["format","api-url","versioning","limit"],rollback:["format","api-url","versioning","to","yes","security-check-timeout"],list:["max-slices","disable"],init:["format","out","force","api-url","branch"],rules:["format"],stats:Y,demo:["versioning"],emulator:["port","host","seed","fault",...x.map(e=>e.flag)]};function ie(e){try{return G(e)}catch(n){throw new a(n instanceof Error?n.message:String(n))}}function ae(e){try{return q(e)}catch(n){throw n instanceof F?new a(n.message):n}}function p(e,n,t){if(e===void 0)return t;let o=n.find(s=>s===e);if(o===void 0)throw new a(`--format must be one of ${n.join(", ")}, got '${e}'`);return o}function v(e,n,t,o,s){if(e===void 0)return t;if(!/^\d+$/.test(e)||Number(e)<o||Number(e)>s)throw new a(`--${n} must be a whole number from ${o} to ${s}, got '${e}'`);return Number(e)}function le(e,n){let t=e??(n.ATOMS_VERSIONING||"auto"),o=L.find(s=>s===t);if(o===void 0)throw new a(`${e!==void 0?"--versioning":"ATOMS_VERSIONING"} must be one of ${L.join(", ")}, got '${t}'`);return o}function ce(e){return(e??[]).flatMap(n=>n.split(",")).map(n=>n.trim()).filter(n=>n!=="")}function Ve(e,n){let[t,...o]=e;if(t===void 0||t==="-h"||t==="--help"||t==="help"){let i=t==="help"?o[0]:void 0;if(i!==void 0&&(!(i in R)||i==="main"))throw new a(`unknown command '${i}'`);return{kind:"help",topic:i}}if(t==="-v"||t==="--version")return{kind:"version"};if(!(t in R)||t==="main")throw new a(`unknown command '${t}'`);let s;try{s=se({args:[...o],allowPositionals:!0,strict:!0,options:{help:{type:"boolean",short:"h"},format:{type:"string"},strict:{type:"boolean"},disable:{type:"string",multiple:!0},"api-url":{type:"string"},"agent-id":{type:"string"},color:{type:"boolean"},"no-color":{type:"boolean"},"security-check-timeout":{type:"string"},out:{type:"string"},force:{type:"boolean"},"max-slices":{type:"string"},port:{type:"string"},host:{type:"string"},seed:{type:"string"},fault:{type:"string",multiple:!0},"security-check-ms":{type:"string"},"allow-breaking":{type:"boolean"},...Object.fromEntries(x.map(i=>[i.flag,{type:"string"}])),versioning:{type:"string"},limit:{type:"string"},to:{type:"string"},yes:{type:"boolean"},branch:{type:"string"},"max-requests-per-second":{type:"string"},concurrency:{type:"string"},calls:{type:"string"},days:{type:"string"}}})}catch(i){let c=H(i),m=i instanceof Error?/'(-{1,2}[^' ]*)/.exec(i.message)?.[1]:void 0;throw c==="ERR_PARSE_ARGS_UNKNOWN_OPTION"&&m?new a(`unknown option '${m}' for ${t}`):c==="ERR_PARSE_ARGS_INVALID_OPTION_VALUE"&&m?new a(/does not take an argument/.test(i instanceof Error?i.message:"")?`option '${m}' is on/off and takes no value`:`option '${m}' needs a value`):new a(i instanceof Error?i.message:String(i))}let{values:r,positionals:l}=s;if(r.help)return{kind:"help",topic:t};let g=X[t]??[],U=Object.keys(r).find(i=>i!=="help"&&!g.includes(i));if(U!==void 0)throw new a(`unknown option '--${U}' for ${t} (see 'atoms-metrics ${t} --help')`);let C=(X[t]??[]).includes("api-url"),O=C?r["api-url"]??(n.ATOMS_API_URL||void 0):void 0,ne=r["api-url"]!==void 0?"--api-url":"ATOMS_API_URL",P=O===void 0?void 0:W(O);if(P!==void 0)throw new a(`${ne} ${P.message}${P.kind==="credentials"?"; the key goes in SMALLEST_API_KEY":""}`);let b=l.length>0?l:[I],f=(O??u).replace(/\/+$/,""),S=r["agent-id"]??"";if(S!==""&&!/^[a-f0-9]{24}$/.test(S))throw new a(`--agent-id must be 24 lowercase hex characters, got '${S}'`);let d=le(r.versioning,n),k=C?J(r,n):h,w=ce(r.disable),j=w.map(M).find(i=>i!==void 0);if(j)throw new a(`--disable: ${j}`);switch(t){case"validate":return{kind:"validate",patterns:b,format:p(r.format,["text","json"],"text"),strict:r.strict===!0,disabledRules:w};case"plan":return{kind:"plan",patterns:b,format:p(r.format,["text","markdown","json"],"text"),apiUrl:f,agentId:S,disabledRules:w,strict:r.strict===!0,color:r["no-color"]?!1:r.color,versioning:d,...k};case"drift":return{kind:"drift",patterns:b,format:p(r.format,["text","json"],"text"),apiUrl:f,disabledRules:w,versioning:d,...k};case"apply":return{kind:"apply",patterns:b,apiUrl:f,agentId:S,disabledRules:w,strict:r.strict===!0,allowBreaking:r["allow-breaking"]===!0,format:p(r.format,["text","json"],"text"),securityCheckTimeoutMs:v(r["security-check-timeout"],"security-check-timeout",180,1,3600)*1e3,versioning:d,...k};case"history":case"rollback":{if(l.length!==1)throw new a(`${t} takes one agent id or one metrics file`);let i=l[0]??"",c=p(r.format,["text","json"],"text");return t==="history"?{kind:"history",target:i,apiUrl:f,format:c,versioning:d,limit:v(r.limit,"limit",20,1,100)}:{kind:"rollback",target:i,apiUrl:f,format:c,versioning:d,execute:r.yes===!0,...r.to!==void 0?{to:v(r.to,"to",0,0,1e6)}:{},securityCheckTimeoutMs:v(r["security-check-timeout"],"security-check-timeout",180,1,3600)*1e3}}case"pull":{if(l.length===0)throw new a("pull needs at least one agent id");let i=l.find(c=>!/^[a-f0-9]{24}$/.test(c));if(i!==void 0)throw new a(`'${i}' is not an agent id (24 lowercase hex characters)`);return{kind:"pull",agentIds:[...new Set(l)],outDir:r.out??"metrics",format:p(r.format,["yaml","json"],"yaml"),apiUrl:f,overwrite:r.force===!0,versioning:d,...k}}case"list":return{kind:"list",patterns:b,maxSlices:v(r["max-slices"],"max-slices",16,1,256),disabledRules:w};case"init":{let i=l.find(re=>!/^[a-f0-9]{24}$/.test(re));if(i!==void 0)throw new a(`'${i}' is not an agent id (24 lowercase hex characters)`);let c=(r.out??"metrics").replace(/\\/g,"/").replace(/^(\.\/)+|\/+$/g,"");if(c===""||c==="."||c.startsWith("/")||/^[a-z]:/i.test(c)||c.split("/").includes(".."))throw new a(`--out must be a subdirectory of the current directory, got '${r.out??""}'`);let m=r.branch??"main";if(!/^[\w./-]+$/.test(m))throw new a(`--branch must be a branch name, got '${m}'`);return{kind:"init",agentIds:[...new Set(l)],outDir:c,branch:m,format:p(r.format,["yaml","json"],"yaml"),apiUrl:f,force:r.force===!0}}case"stats":return Q(r,{patterns:b,apiUrl:f,versioning:d,...k});case"rules":return{kind:"rules",format:p(r.format,["text","json","markdown"],"text")};case"demo":return d==="auto"?{kind:"demo",versioning:"v2"}:{kind:"demo",versioning:d};case"emulator":return{kind:"emulator",port:v(r.port,"port",4010,0,65535),host:r.host??"127.0.0.1",seed:r.seed,switches:ie(r),faults:ae(r.fault)};default:throw new a(`unknown command '${t}'`)}}var E=new Set,T=[];function De(e){e.length<4||E.has(e)||(E.add(e),T=[...E].sort((n,t)=>t.length-n.length))}function $(e,n=[]){let t=n.length===0?T:[...E,...n.filter(s=>s.length>=4)].sort((s,r)=>r.length-s.length),o=e;for(let s of t)o.includes(s)&&(o=o.split(s).join("***"));return o}function Ge(e){if(T.length===0)return e;let n;try{n=JSON.stringify(e)}catch{n=void 0}return n!==void 0&&!T.some(t=>n.includes(JSON.stringify(t).slice(1,-1)))?e:_(e)}function _(e){return typeof e=="string"?$(e):Array.isArray(e)?e.map(_):typeof e=="object"&&e!==null?Object.fromEntries(Object.entries(e).map(([n,t])=>[$(n),_(t)])):e}var ee={"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;"},ue=/\r\n|[\r\n\u0085\u2028\u2029]/g,de=/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;function me(e){return`\\u${e.charCodeAt(0).toString(16).padStart(4,"0")}`}function te(e,n=""){return e.replace(de,t=>n.includes(t)?t:me(t))}function N(e){return te($(e).replace(ue," "),"	")}function Z(e){return N(e).replace(/[&<>"]/g,n=>ee[n]??n).replace(/([\\`*_[\]()#!|~])/g,"\\$1").replace(/@/g,"@\u200D").replace(/\b(https?|ftp):\/\//gi,"$1:\u200B//").replace(/\bwww\./gi,"www\u200B.")}function fe(e,n={}){let t=N(e),o=Math.max(0,...[...t.matchAll(/`+/g)].map(g=>g[0].length)),s="`".repeat(o+1),r=t.startsWith("`")||t.endsWith("`")||t===""||/^ .* $/.test(t)?" ":"",l=n.inTable?t.replace(/\|/g,"\\|"):t;return`${s}${r}${l}${r}${s}`}function Ke(e,n={}){let t=[],o=0;for(let s of e.matchAll(/`([^`\r\n]+)`/g))t.push(Z(e.slice(o,s.index)),fe(s[1]??"",n)),o=s.index+s[0].length;return t.push(Z(e.slice(o))),t.join("")}function pe(e){return e.replace(/::/g,":\u200B:")}function Je(e,n={}){return pe(te($(e),n.singleLine?"	":`
	`))}function Be(e){return`<code>${N(e).replace(/[&<>"]/g,n=>ee[n]??n).replace(/@/g,"@\u200D")}</code>`}export{ge as a,a as b,R as c,Ve as d,De as e,$ as f,Ge as g,Z as h,fe as i,Ke as j,pe as k,Je as l,Be as m};

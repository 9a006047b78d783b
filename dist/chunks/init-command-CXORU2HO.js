import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as h}from"./chunk-2QTAGBSF.js";import"./chunk-PYZC4QPC.js";import"./chunk-UG6ZV7TX.js";import{b as p,c as d}from"./chunk-BWF76XJC.js";import{o as u}from"./chunk-VVRVZE3Z.js";import"./chunk-BK6YDNBG.js";import{h as m,i as l}from"./chunk-SKE5TYAV.js";import"./chunk-MXU5WMOO.js";import"./chunk-47EYYXPT.js";import"./chunk-5N6DWNHC.js";import{mkdir as w,writeFile as $}from"node:fs/promises";import{join as b,relative as k,resolve as I,sep as A}from"node:path";var f="actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2";function g(e){let t=e.metricsDir.replace(/\/+$/,""),r=s=>`'${s.replace(/'/g,"''")}'`;return`# Post-call metrics of Smallest AI Atoms agents as code (https://github.com/atoms-metrics/atoms-metrics).
# Written by \`atoms-metrics init\`. Needs the repository secret SMALLEST_API_KEY (your Atoms API key).
name: metrics

on:
  pull_request:
    types: [opened, synchronize, reopened, labeled, unlabeled]   # labeled/unlabeled: the allow-breaking-metrics label
    paths: [${r(`${t}/**`)}]
  push:
    branches: [${r(e.branch)}]
    paths: [${r(`${t}/**`)}]
  # drift: to check on a schedule that live still matches ${e.branch}, add a trigger here, e.g.
  #   schedule: [{cron: '17 6 * * 1-5'}]
  # and a job at the "drift" mark below.

permissions: {}

concurrency:
  group: atoms-metrics-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}   # never cancel an apply mid-flight

jobs:
  plan:
    # Validates every file and keeps one sticky comment with the diff against live on the pull request.
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
      pull-requests: write   # the sticky plan comment
    steps:
      - uses: ${f}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA: atoms-metrics/atoms-metrics@<sha> # v0.x.y
        with:
          mode: plan
          config: ${r(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  apply:
    # Publishes, waits for the security check, activates and verifies each changed agent after the merge.
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
      pull-requests: write   # reports the outcome on the merged pull request's comment
    steps:
      - uses: ${f}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: apply
          config: ${r(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  # drift: a scheduled job goes here (if: github.event_name == 'schedule'), running the action with
  # mode: plan and failing when its \`changed\` output is 'true'.
`}var n=".github/workflows/metrics.yml";async function y(e){let t=[],r=I(e.cwd,e.metricsDir),s=i=>k(e.cwd,i).split(A).join("/")||".";try{await w(r,{recursive:!0}),t.push({ok:!0,message:`directory ${s(r)}/ ready`})}catch(i){t.push({ok:!1,message:`cannot create ${s(r)}/: ${l(i)}`})}let o=b(e.cwd,n),a=g({metricsDir:s(r),branch:e.branch});try{await w(b(e.cwd,".github","workflows"),{recursive:!0}),await $(o,a,{flag:e.force?"w":"wx"}),t.push({ok:!0,message:`wrote ${n}`})}catch(i){t.push({ok:!1,message:m(i)==="EEXIST"?`${n} exists; kept it (use --force to overwrite it)`:`cannot write ${n}: ${l(i)}`})}if(e.agentIds.length>0&&e.api){let i=await h({api:e.api,agentIds:e.agentIds,outDir:r,format:e.format,overwrite:e.force,concurrency:8,cwd:e.cwd});for(let c of i)t.push(c.file?{ok:!0,message:`pulled agent ${c.agentId} into ${c.file}`}:{ok:!1,message:`agent ${c.agentId}: ${c.error??"failed"}`})}return t}async function T(e,t){let r=e.agentIds.length>0?new p({apiKey:u(t),baseUrl:e.apiUrl,limiter:d({requestsPerSecond:8})}):void 0,s=await y({cwd:t.cwd,metricsDir:e.outDir,branch:e.branch,force:e.force,format:e.format,agentIds:e.agentIds,api:r});for(let a of s)(a.ok?t.stdout:t.stderr)(`${a.ok?"\u2713":"\u2717"} ${a.message}
`);let o=e.outDir.replace(/\/+$/,"");return t.stdout(["","Next:",...e.agentIds.length===0?[`  - add a file per agent: SMALLEST_API_KEY=sk_\u2026 atoms-metrics pull <agentId> --out ${o}`]:[],`  - check the files: atoms-metrics validate '${o}/**/*.{json,yaml,yml}'`,"  - add the repository secret SMALLEST_API_KEY (Settings \u2192 Secrets and variables \u2192 Actions)",`  - commit ${o}/ and ${n}, open a pull request, and read the plan comment`,""].join(`
`)),s.every(a=>a.ok)?0:1}export{T as runInitCommand};

import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import{a as f}from"./chunk-4G3Z7B3C.js";import"./chunk-VSMKBQPL.js";import"./chunk-BHU5XU4Y.js";import"./chunk-UG6ZV7TX.js";import{b as d,c as h}from"./chunk-ROWC6SZP.js";import"./chunk-JSW4OMAJ.js";import{k as p}from"./chunk-ANNUWXCT.js";import"./chunk-EWIJSPUL.js";import"./chunk-6KBYZLOK.js";import"./chunk-PBFG3K4M.js";import"./chunk-V3G72KD4.js";import{a as m,b as c}from"./chunk-NXMCVWOI.js";import"./chunk-47EYYXPT.js";import"./chunk-FIXODVKM.js";import"./chunk-MXU5WMOO.js";import"./chunk-2P6ENX4W.js";import{mkdir as b,writeFile as $}from"node:fs/promises";import{join as y,relative as v,resolve as k,sep as I}from"node:path";var u="actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2";function g(e){let t=e.metricsDir.replace(/\/+$/,""),s=r=>`'${r.replace(/'/g,"''")}'`;return`# Post-call metrics of Smallest AI Atoms agents as code (https://github.com/atoms-metrics/atoms-metrics).
# Written by \`atoms-metrics init\`. Needs the repository secret SMALLEST_API_KEY (your Atoms API key).
name: metrics

on:
  pull_request:   # no paths filter, so the plan job can be a required check (it is a no-op when ${t}/ is untouched)
    types: [opened, synchronize, reopened, labeled, unlabeled]   # labeled/unlabeled: the allow-breaking-metrics label
  merge_group:    # a merge queue plans against live with the queued pull request's label
  push:
    branches: [${s(e.branch)}]
    paths: [${s(`${t}/**`)}]
  schedule:       # drift: does live still match ${e.branch}? (someone may have edited the dashboard)
    - cron: '17 6 * * 1-5'
  workflow_dispatch:
    inputs:
      mode:
        description: 'drift: check only. apply: publish the files again (undo a dashboard edit, or apply after "live changed since the plan")'
        type: choice
        options: [drift, apply]
        default: drift

permissions: {}

concurrency:
  group: atoms-metrics-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}   # never cancel an apply mid-flight

jobs:
  plan:
    # Validates every file and keeps one sticky comment with the diff against live on the pull request.
    if: github.event_name == 'pull_request' || github.event_name == 'merge_group'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
      pull-requests: write   # the sticky plan comment
    steps:
      - name: Does this pull request touch ${t}/?
        id: changed
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
          METRICS_DIR: ${s(`${t}/`)}
        run: |
          files=$(gh api --paginate "repos/$GITHUB_REPOSITORY/pulls/$PR/files" --jq '.[].filename')
          if awk -v d="$METRICS_DIR" 'index($0, d) == 1 { found = 1 } END { exit !found }' <<<"$files"; then echo "metrics=true" >> "$GITHUB_OUTPUT"; else echo "metrics=false" >> "$GITHUB_OUTPUT"; fi
      - uses: ${u}
        if: steps.changed.outputs.metrics != 'false'
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA: atoms-metrics/atoms-metrics@<sha> # v0.x.y
        if: steps.changed.outputs.metrics != 'false'
        with:
          mode: plan
          config: ${s(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  apply:
    # After the merge, publishes each changed agent's metrics on its live branch, waits for the security scan and
    # verifies what went live (an agent still on Atoms' v1 versioning: publish, security check, activate).
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
      pull-requests: write   # reports the outcome on the merged pull request's comment
    steps:
      - uses: ${u}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: apply
          config: ${s(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  drift:
    # Fails when live differs from any file, and keeps one issue labelled metrics-drift up to date.
    # Run it by hand with mode: apply to publish the files again.
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      issues: write          # the one drift issue
      pull-requests: write   # mode apply: the outcome on the merged pull request's comment
    steps:
      - uses: ${u}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: \${{ inputs.mode || 'drift' }}
          on-live-changed: \${{ inputs.mode == 'apply' && 'apply' || 'fail' }}   # a person chose to apply
          config: ${s(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}
`}var a=".github/workflows/metrics.yml";async function w(e){let t=[],s=k(e.cwd,e.metricsDir),r=i=>v(e.cwd,i).split(I).join("/")||".";try{await b(s,{recursive:!0}),t.push({ok:!0,message:`directory ${r(s)}/ ready`})}catch(i){t.push({ok:!1,message:`cannot create ${r(s)}/: ${c(i)}`})}let o=y(e.cwd,a),n=g({metricsDir:r(s),branch:e.branch});try{await b(y(e.cwd,".github","workflows"),{recursive:!0}),await $(o,n,{flag:e.force?"w":"wx"}),t.push({ok:!0,message:`wrote ${a}`})}catch(i){t.push({ok:!1,message:m(i)==="EEXIST"?`${a} exists; kept it (use --force to overwrite it)`:`cannot write ${a}: ${c(i)}`})}if(e.agentIds.length>0&&e.api){let i=await f({api:e.api,agentIds:e.agentIds,outDir:s,format:e.format,overwrite:e.force,concurrency:8,cwd:e.cwd});for(let l of i)t.push(l.file?{ok:!0,message:`pulled agent ${l.agentId} into ${l.file}`}:{ok:!1,message:`agent ${l.agentId}: ${l.error??"failed"}`})}return t}async function K(e,t){let s=e.agentIds.length>0?new d({apiKey:p(t),baseUrl:e.apiUrl,limiter:h({requestsPerSecond:8})}):void 0,r=await w({cwd:t.cwd,metricsDir:e.outDir,branch:e.branch,force:e.force,format:e.format,agentIds:e.agentIds,api:s});for(let n of r)(n.ok?t.stdout:t.stderr)(`${n.ok?"\u2713":"\u2717"} ${n.message}
`);let o=e.outDir.replace(/\/+$/,"");return t.stdout(["","Next:",...e.agentIds.length===0?[`  - add a file per agent: SMALLEST_API_KEY=sk_\u2026 atoms-metrics pull <agentId> --out ${o}`]:[],`  - check the files: atoms-metrics validate '${o}/**/*.{json,yaml,yml}'`,"  - add the repository secret SMALLEST_API_KEY (Settings \u2192 Secrets and variables \u2192 Actions)",`  - commit ${o}/ and ${a}, open a pull request, and read the plan comment`,""].join(`
`)),r.every(n=>n.ok)?0:1}export{K as runInitCommand};

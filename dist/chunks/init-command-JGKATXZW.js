import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as $}from"./chunk-O4YNT3RK.js";import{a as u}from"./chunk-BPZNPME4.js";import{a as k}from"./chunk-T376UQDM.js";import"./chunk-UHLQJKEC.js";import{b,c as w}from"./chunk-MU5F6NKB.js";import"./chunk-NAXRJ7H3.js";import"./chunk-RTL7WSLI.js";import"./chunk-WWEI6TEB.js";import"./chunk-RAW6Y6VV.js";import{k as y}from"./chunk-2TAD5KHF.js";import{a as c}from"./chunk-CCOBMH4T.js";import{a as o}from"./chunk-W3Z2C7T5.js";import"./chunk-B5COMCTN.js";import{a as g,b as m}from"./chunk-RTOKB5AK.js";import"./chunk-5RGVSFLM.js";import"./chunk-JMGF4J46.js";import"./chunk-WA4MU5QT.js";import"./chunk-LEFOVJDF.js";import"./chunk-GS5QDINW.js";import"./chunk-IFTIDDEM.js";import"./chunk-7LWBZ6KG.js";import"./chunk-MHJWITB4.js";function d(e,t){try{let r=(0,k.execFileSync)("git",t,{cwd:e,encoding:"utf8",stdio:["ignore","pipe","ignore"],timeout:1e4}).trim();return r===""?void 0:r}catch{return}}function v(e){return d(e,["rev-parse","--show-toplevel"])}function _(e){let t=d(e,["symbolic-ref","--quiet","--short","refs/remotes/origin/HEAD"]);if(t?.startsWith("origin/"))return{branch:t.slice(7),source:"remote"};let r=d(e,["symbolic-ref","--quiet","--short","HEAD"]);return r===void 0?void 0:{branch:r,source:"current"}}var h="actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2";function I(e){let t=e.metricsDir.replace(/\/+$/,""),r=s=>`'${s.replace(/'/g,"''")}'`;return`# Post-call metrics of Smallest AI Atoms agents as code (https://github.com/atoms-metrics/atoms-metrics).
# Written by \`atoms-metrics init\`. Needs the repository secret SMALLEST_API_KEY (your Atoms API key).
name: metrics

on:
  pull_request:   # no paths filter, so the plan job can be a required check (it is a no-op when ${t}/ is untouched)
    types: [opened, synchronize, reopened, labeled, unlabeled]   # labeled/unlabeled: the allow-breaking-metrics label
  merge_group:    # a merge queue plans against live with the queued pull request's label
  push:
    branches: [${r(e.branch)}]
    paths: [${r(`${t}/**`)}]
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

# Each job has its own concurrency group, so a scheduled drift check can never displace an apply. GitHub keeps one
# pending run per group: a pending apply is replaced only by a newer apply of the same branch, which publishes newer files.
jobs:
  plan:
    # Validates every file and keeps one sticky comment with the diff against live on the pull request.
    # Make this job a required check (branch protection or a ruleset): its name there is "plan".
    if: github.event_name == 'pull_request' || github.event_name == 'merge_group'
    concurrency:
      group: atoms-metrics-plan-\${{ github.ref }}
      cancel-in-progress: \${{ github.event_name == 'pull_request' }}   # a newer push replaces the plan of an older one
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
          METRICS_DIR: ${r(`${t}/`)}
        run: |
          files=$(gh api --paginate "repos/$GITHUB_REPOSITORY/pulls/$PR/files" --jq '.[].filename')
          if awk -v d="$METRICS_DIR" 'index($0, d) == 1 { found = 1 } END { exit !found }' <<<"$files"; then echo "metrics=true" >> "$GITHUB_OUTPUT"; else echo "metrics=false" >> "$GITHUB_OUTPUT"; fi
      - uses: ${h}
        if: steps.changed.outputs.metrics != 'false'
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA: atoms-metrics/atoms-metrics@<sha> # v0.x.y
        if: steps.changed.outputs.metrics != 'false'
        with:
          mode: plan
          config: ${r(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  apply:
    # After the merge, publishes each changed agent's metrics on its live branch, waits for the security scan and
    # verifies what went live (an agent still on Atoms' v1 versioning: publish, security check, activate). Run by
    # hand (mode: apply), it publishes the files again.
    if: github.event_name == 'push' || (github.event_name == 'workflow_dispatch' && inputs.mode == 'apply')
    # Settings \u2192 Environments \u2192 atoms-metrics: required reviewers make a merge wait for an approval, and an
    # environment secret SMALLEST_API_KEY (say, the only key allowed to write) takes the repository secret's place here.
    environment: atoms-metrics
    concurrency:
      group: atoms-metrics-apply-\${{ github.ref }}
      cancel-in-progress: false   # an apply is never cancelled half-way
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
      pull-requests: write   # reports the outcome on the merged pull request's comment
    steps:
      - uses: ${h}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: apply
          on-live-changed: \${{ github.event_name == 'workflow_dispatch' && 'apply' || 'fail' }}   # by hand: a person chose to apply
          config: ${r(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  drift:
    # Fails when live differs from any file, and keeps one issue labelled metrics-drift up to date.
    if: github.event_name == 'schedule' || (github.event_name == 'workflow_dispatch' && inputs.mode != 'apply')
    concurrency:
      group: atoms-metrics-drift-\${{ github.ref }}
      cancel-in-progress: false
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      issues: write   # the one drift issue
    steps:
      - uses: ${h}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: drift
          config: ${r(`${t}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}
`}var f=".github/workflows/metrics.yml",S="main";function E(e){let t=(0,c.realpathSync)(e),r=v(t),s=r===void 0?t:(0,c.realpathSync)(r),i=(a,l)=>(0,o.relative)(a,l).split(o.sep).join("/")||".",n=[];return r===void 0?n.push({ok:!0,message:"not in a git repository: this directory is taken as its root (run `git init` here)"}):s!==t&&n.push({ok:!0,message:`the repository's root is ${i(t,s)} (${s}): the workflow goes there, since GitHub reads workflows only from the root`}),{layout:{root:s,shown:a=>i(t,a),fromRoot:a=>i(s,a)},steps:n}}function q(e,t){if(t!==void 0)return{branch:t};let r=_(e);if(r===void 0)return{branch:S,step:{ok:!0,message:`no branch detected; the workflow applies from ${S} (pass --branch to choose another)`}};let s=r.source==="remote"?"origin's default branch":"the branch checked out now; pass --branch if the default is another";return{branch:r.branch,step:{ok:!0,message:`the workflow applies from ${r.branch} (${s})`}}}async function P(e,t,r,s){try{return await(0,u.mkdir)((0,o.join)(e,".."),{recursive:!0}),await(0,u.writeFile)(e,t,{flag:r?"w":"wx"}),{ok:!0,message:`wrote ${s}`}}catch(i){if(g(i)!=="EEXIST")return{ok:!1,message:`cannot write ${s}: ${m(i)}`};let n;try{n=(0,c.readFileSync)(e,"utf8")}catch{n=void 0}return n===t?{ok:!0,message:`${s} is up to date`}:{ok:!1,message:`${s} exists and differs; kept it (use --force to overwrite it)`}}}async function A(e){let{layout:t,steps:r}=E(e.cwd),s=(0,o.resolve)((0,c.realpathSync)(e.cwd),e.metricsDir);try{await(0,u.mkdir)(s,{recursive:!0}),r.push({ok:!0,message:`directory ${t.shown(s)}/ ready`})}catch(l){r.push({ok:!1,message:`cannot create ${t.shown(s)}/: ${m(l)}`})}let{branch:i,step:n}=q(t.root,e.branch);n&&r.push(n);let a=(0,o.join)(t.root,f);if(r.push(await P(a,I({metricsDir:t.fromRoot(s),branch:i}),e.force,t.shown(a))),e.agentIds.length>0&&e.api){let l=await $({api:e.api,agentIds:e.agentIds,outDir:s,format:e.format,overwrite:e.force,concurrency:8,cwd:e.cwd});for(let p of l)r.push(p.file?{ok:!0,message:`pulled agent ${p.agentId} into ${p.file}`}:{ok:!1,message:`agent ${p.agentId}: ${p.error??"failed"}`})}return r.push(...await L(s,t.shown(s))),r}async function L(e,t){let r;try{r=(0,c.readdirSync)(e)}catch{return[]}if(r.length>0)return[];try{return await(0,u.writeFile)((0,o.join)(e,".gitkeep"),"",{flag:"wx"}),[{ok:!0,message:`wrote ${t}/.gitkeep (git keeps no empty directory)`}]}catch(s){return[{ok:!1,message:`cannot write ${t}/.gitkeep: ${m(s)}`}]}}async function G(e,t){let r=e.agentIds.length>0?new b({apiKey:y(t),baseUrl:e.apiUrl,limiter:w({requestsPerSecond:8})}):void 0,s=await A({cwd:t.cwd,metricsDir:e.outDir,branch:e.branch,force:e.force,format:e.format,agentIds:e.agentIds,api:r});for(let n of s)(n.ok?t.stdout:t.stderr)(`${n.ok?"\u2713":"\u2717"} ${n.message}
`);let i=e.outDir.replace(/\/+$/,"");return t.stdout(["","Next:",...e.agentIds.length===0?[`  - add a file per agent: SMALLEST_API_KEY=sk_\u2026 atoms-metrics pull <agentId> --out ${i}`]:[],`  - check the files: atoms-metrics validate ${i}`,"  - add the repository secret SMALLEST_API_KEY (Settings \u2192 Secrets and variables \u2192 Actions)",`  - commit ${i}/ and ${f}, open a pull request, and read the plan comment`,"  - make the workflow's plan job a required check; give the apply job's environment (atoms-metrics) reviewers if merges should wait for an approval",""].join(`
`)),s.every(n=>n.ok)?0:1}export{G as runInitCommand};

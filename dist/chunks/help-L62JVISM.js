import { createRequire as __createRequire } from 'node:module';
const require = typeof process.getBuiltinModule === 'function' ? (id) => { const m = process.getBuiltinModule(id); if (m === undefined) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' }); return m; } : __createRequire(import.meta.url);
import{a as t,b as l,d as o,e as s}from"./chunk-IZ33TXMW.js";import"./chunk-MHJWITB4.js";var c=`  --act '<METHOD> <path> <action>[=<arg>] [by=<name>] [skip=N] [times=N]'   (repeatable)
      Right after a matching request took effect, a person acts on the agent's live branch:
      publish-draft (publishes the open draft as it is), edit-draft=<section> (edits the draft; default
      workflow_prompt; analytics flips useReasoningModel), discard-draft, publish-edit=<section> (edits and
      publishes at once: a revision lands), make-live=<branch> (another branch, made from the live head if new,
      becomes live). <path> is below /atoms/v1; * matches any characters. skip=N lets N matches pass first.`;var d=`  --fault '<METHOD> <path> [status] [words\u2026]'   (repeatable; the seed file's "faults" list adds more)
      Answer matching requests with a fault. <path> is below /atoms/v1; * matches any characters ('/' too).
      status: 100-599 (default 500, or the error_type's); words: reset (drop the connection instead),
      after-effect (let the request take effect, then fail it), times=N (default 1), delay=MS,
      error_type=T (body {status:false, error_type:T, errors:[\u2026]}; config_freeze_active implies 423,
      publish_in_progress 409), retry-after=S (header). The first fault that matches answers.`;var h=[{key:"versioning",flag:"versioning",kind:{enum:["v1","v2"]},help:"Versioning model of the agents (seeds may say per agent); v2 = branch model, as in production (default v2)"},{key:"publishMode",flag:"publish-mode",kind:{enum:["sync","async"]},help:"v2 publish: 200 committed at once, or 202 scanning for --security-check-ms (default async)"},{key:"scanAnalyticsChanges",flag:"scan-analytics-changes",kind:"boolean",help:"false: an analytics-only publish commits at once (200) even when async (default true)"},{key:"metricsLocation",flag:"metrics-location",kind:{enum:["analytics","analytics.postCallAnalyticsConfig","postCallAnalyticsConfig"]},help:"Where a revision's resolvedConfig holds the metrics (default analytics)"},{key:"agentReadFollowsLive",flag:"agent-read-follows-live",kind:"boolean",help:"false: GET /agent/{id} keeps serving the config from the migration (default true)"},{key:"keptV1Reads",flag:"kept-v1-reads",kind:"boolean",help:"v2 agents: GET /versions/{id} and /drafts/{id} and their POST \u2026/test-call still answer (true) or 404 (default true)"},{key:"conflictBody",flag:"conflict-body",kind:{enum:["lean","rich"]},help:"409 draft conflict body: lean errors (prod) or rich data.conflict (dev) (default lean)"},{key:"putMerge",flag:"put-merge",kind:{enum:["deep","replace"]},help:"PUT draft: postCallAnalyticsConfig keys merged (deep) or the object replaced (default deep)"},{key:"labelPersisted",flag:"label-persisted",kind:"boolean",help:"false: publish accepts label and drops it (default true)"},{key:"freezeMs",flag:"freeze-ms",kind:"integer",help:"v2 writes answer 423 config_freeze_active for this long after start (default 0)"},{key:"diffPaths",flag:"diff-paths",kind:{enum:["leaf","indexed"]},help:"GET /diff change paths: a list as one value (leaf) or into lists, dispositionMetrics.1.identifier (indexed) (default leaf)"},{key:"v1Branches",flag:"v1-branches",kind:{enum:["absent","empty"]},help:"v1 agents' GET /branches: Express HTML 404, or 200 with no branches (default absent)"},{key:"scanOutcome",flag:"scan-outcome",kind:{enum:["passed","failed","errored"]},help:"How every security scan ends: v1 checks, v2 publishes (which then always scan, 202) and restores (default passed)"},{key:"scanReason",flag:"scan-reason",kind:"text",help:"securityCheck.reason of a scan that does not pass (default none: null)"},{key:"putDuringScan",flag:"put-during-scan",kind:{enum:["conflict","accept"]},help:"PUT draft during a publish or restore scan: 409 publish_in_progress, or accepted (it cancels a publish of that draft) (default conflict)"},{key:"scanningRowListed",flag:"scanning-row-listed",kind:"boolean",help:"false: GET \u2026/revisions leaves out the draft row of a publish being scanned, so revisions[0] is still the old head (default true)"},{key:"keptV1Deprecation",flag:"kept-v1-deprecation",kind:"boolean",help:"v2 agents: the kept v1 reads answer with the header Deprecation: true (default false)"},{key:"rateLimitHeaders",flag:"rate-limit-headers",kind:"boolean",help:"Every answer carries x-ratelimit-limit and x-ratelimit-remaining (default false)"},{key:"putEqualOpensDraft",flag:"put-equal-opens-draft",kind:"boolean",help:"false: a PUT draft leaving the config equal to the head opens no draft (default true)"},{key:"securityCheckMs",flag:"security-check-ms",kind:"integer",help:"How long a security scan takes (default 6000, like the platform)"},{key:"latencyMs",flag:"latency-ms",kind:"integer",help:"Added to every response (default 0)"},{key:"rateLimitPerSecond",flag:"rate-limit",kind:"integer",help:"Requests per second per key before 429 with Retry-After (default unlimited)"},{key:"rateLimitBody",flag:"rate-limit-body",kind:{enum:["envelope","documented"]},help:"429 body shape (default envelope)"},{key:"validateMetrics",flag:"validate-metrics",kind:"boolean",help:"Reject an invalid postCallAnalyticsConfig with 400 (default true)"},{key:"callsSeed",flag:"calls-seed",kind:"integer",help:"Generate synthetic call logs (GET /conversation) for each agent's live metrics from this seed number (default: no calls)"},{key:"callsPerAgent",flag:"calls-per-agent",kind:"integer",help:"How many calls per agent --calls-seed generates, over the last 20 days (default 600)"},{key:"normaliseLegacyType",flag:"normalise-legacy-type",kind:"boolean",help:"Store legacy dispositionValues.type as dispositionMetricType (default true)"}];function f(e){return typeof e.kind=="object"?`<${e.kind.enum.join("|")}>`:{boolean:"<true|false>",integer:"<n>",text:"<text>"}[e.kind]}function n(e){let u=" ".repeat(e),r=(a,i)=>a.length+4>e?`  ${a}
${u}${i}`:`  ${a.padEnd(e-2)}${i}`;return[r("--max-requests-per-second <n>","Requests per second to the API, all agents together; 0 = no limit"),r("",`(default $${s.maxRequestsPerSecond} or ${o.maxRequestsPerSecond})`),r("--concurrency <n>",`Agents in flight at once, 1 to 64 (default $${s.concurrency} or ${o.concurrency})`)].join(`
`)}var P={main:`atoms-metrics \u2014 post-call metrics of Smallest AI Atoms voice agents as code

Usage:
  atoms-metrics init     [agentId\u2026]          Start a project: metrics/, the workflow, and (with a key) the agents' metrics
  atoms-metrics validate [files or globs\u2026]   Check metrics files (schema, rules, lint)
  atoms-metrics plan     [files or globs\u2026]   Diff files against each agent's live metrics (v2: live branch head)
  atoms-metrics drift    [files or globs\u2026]   Fail when live differs from any file (a dashboard edit)
  atoms-metrics apply    [files or globs\u2026]   Publish on the live branch, wait for the scan, verify (v1: activate)
  atoms-metrics pull     <agentId\u2026>          Write metrics files from live config (adopt an agent)
  atoms-metrics history  <agentId|file>      List an agent's live-branch revisions (v2) or versions (v1)
  atoms-metrics rollback <agentId|file>      Show, then with --yes make live, the previous (or --to N) one
  atoms-metrics list     [files or globs\u2026]   Print the GitHub Actions matrix for a fan-out
  atoms-metrics stats    [files or globs\u2026]   What each agent's live metrics produced on recent calls
  atoms-metrics rules                        List every lint rule and error id
  atoms-metrics doctor   <agentId|file>      What this account's API really does on each open unknown, and how to rehearse it
  atoms-metrics emulator                     Run the local Atoms API emulator
  atoms-metrics demo                         The whole story against a built-in emulator (no key, no network)
  atoms-metrics --version                    Print the version

Files default to '${l}'. Run 'atoms-metrics <command> --help' for options.
Environment: SMALLEST_API_KEY (API key), ATOMS_API_URL (API base URL, default ${t}),
ATOMS_VERSIONING (auto, v1 or v2; default auto: detected per agent).
  ${s.maxRequestsPerSecond} and ${s.concurrency} (see the options of plan, apply, pull).
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
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${t})
  --agent-id <id>               Override the file's agentId (exactly one file)
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto: detected per agent)
  --color / --no-color          Force colours on or off (default: on for a TTY)
${n(32)}
  --strict                      Treat lint warnings as errors
  --disable <rule>              Switch a lint rule off
  -h, --help                    Show this help
Exit code 0 whether or not there are changes (breaking ones included: the plan only reports);
1 when files are invalid or an agent could not be read.`,drift:`Usage: atoms-metrics drift [files or globs\u2026] [options]

Reads each agent's live metrics (nothing is written) and reports every agent whose live metrics differ
from its file, breaking or not: what differs, the live revision (v2) or version (v1), who published it
and when, and the ways out (adopt live with 'atoms-metrics pull <agentId> --force', or apply the file:
'atoms-metrics apply', or the workflow run from workflow_dispatch with the input mode: apply). Only the
metrics are compared. When live is a rollback's work, it says "live was rolled back to \u2026 by \u2026 at \u2026".

Options:
  --format text|json            Output format (default text)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${t})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto: detected per agent)
${n(32)}
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
  --api-url <url>                     API base URL (default $ATOMS_API_URL or ${t})
  --agent-id <id>                     Override the file's agentId (exactly one file)
  --security-check-timeout <seconds>  Wait at most this long for the security check (default 180)
  --versioning auto|v1|v2             Versioning model (default $ATOMS_VERSIONING or auto)
${n(38)}
  --allow-breaking                    Apply even when a metric is removed, renamed, changes type or
                                      loses an ENUM choice (exports, webhooks and dashboards key on them)
  --strict                            Treat lint warnings as errors
  --disable <rule>                    Switch a lint rule off
  --format text|json                  Output format (default text)
  -h, --help                          Show this help
Exit code 0 when every agent is applied or unchanged; 1 when any failed or was refused.`,pull:`Usage: atoms-metrics pull <agentId\u2026> [options]

Writes one metrics file per agent from its live config (v2: the live branch's head revision;
v1: the active version), named <agent-name>.atoms-metrics.yaml, so dashboard-made metrics
can be adopted in one command. Planning right after shows "no changes".

Options:
  --out <dir>          Directory to write to (default metrics)
  --format yaml|json   Format of new files (default yaml); a file already holding the agent
                       in the other format is refused, never converted
  --force              Overwrite existing files (a file holding the agent is updated in place)
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${t})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
${n(23)}
  -h, --help           Show this help`,history:`Usage: atoms-metrics history <agentId|metrics file> [options]

Lists what the agent has published, newest first: number, label, who, when, scan status, and which is
live. On v2 these are the live branch's revisions; on v1 the agent's versions (the model is named).

Options:
  --limit <n>               How many (default 20, at most 100)
  --format text|json        Output format (default text)
  --api-url <url>           API base URL (default $ATOMS_API_URL or ${t})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
  -h, --help                Show this help`,rollback:`Usage: atoms-metrics rollback <agentId|metrics file> [--to N] [--yes] [options]

Shows what going back to the previous (or the given) version would change: the metrics as a plan, and
every other section that differs (e.g. "workflow_prompt: 3 lines changed"). With --yes it does it.

By default only the metrics go back: the target's metrics are published over live as a normal publish
(a new revision on v2, a new version on v1, labelled "atoms-metrics rollback to \u2026"), and every other
section (prompt, tools, voice, \u2026) stays as live has it. --whole-revision restores the whole target
instead (v2: restore the revision; v1: activate the version), reverting the other sections too.

The target's metrics are validated like a file: an invalid target (an ENUM without choices, a bad or
duplicate identifier, a blank prompt) is refused unless --allow-invalid. A rollback that removes a
metric, changes a type or drops an ENUM choice needs --allow-breaking, as apply does. A target whose
security scan failed is refused. Afterwards the files in git differ from live: adopt live with
\`atoms-metrics pull <agent> --force\`, or revert the pull request, or the next apply re-publishes them.

Options:
  --to <n>                  The version (v1) or revision (v2) number to go back to (default: the one before live)
  --yes                     Do it (without it, nothing is written)
  --whole-revision          Restore the whole revision/version, not only its metrics
  --allow-breaking          Roll back even when a metric is removed, changes type or loses an ENUM choice
  --allow-invalid           Emergencies only: make the target live although its metrics are invalid today
  --security-check-timeout <seconds>  Wait at most this long for the publish's or restore's scan (default 180)
  --format text|json        Output format (default text)
  --api-url <url>           API base URL (default $ATOMS_API_URL or ${t})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
  -h, --help                Show this help
Exit code 0 when planned, rolled back or already matching; 1 when refused or failed.`,list:`Usage: atoms-metrics list [files or globs\u2026] [options]

Prints the JSON matrix ({"include":[{slice, files, agents}]}) that a workflow can fan out over:
files balanced by agent count into at most N slices.

Options:
  --max-slices <n>     At most this many slices (default 16; GitHub allows 256 jobs per matrix)
  --disable <rule>     Switch a lint rule off
  -h, --help           Show this help`,init:`Usage: atoms-metrics init [agentId\u2026] [options]

Starts a project in the current directory:
  - the metrics directory (default metrics/, with a .gitkeep while it is empty);
  - .github/workflows/metrics.yml at the git repository's root (GitHub reads workflows only there):
    plan on pull requests (one sticky comment), apply on merge, a scheduled drift check;
  - with agent ids (and SMALLEST_API_KEY), one file per agent from its live metrics, as 'pull' writes them.
Never overwrites an existing file unless given --force; an identical workflow is kept and counts as done.

Options:
  --out <dir>          Metrics directory, inside the current one (default metrics)
  --branch <name>      Branch the workflow applies from (default: origin's HEAD, else the current branch, else main)
  --format yaml|json   Format of pulled files (default yaml)
  --force              Overwrite existing files
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${t})
  -h, --help           Show this help
Exit code 0 when everything is in place; 1 when a different file was kept or an agent could not be pulled.`,stats:`Usage: atoms-metrics stats [files or globs\u2026] [options]

Shows what each agent's live metrics produced on its recent calls: per metric, how many calls gave a value,
the empty and low-confidence (< 0.5) rates, ENUM shares and answers outside choices, BOOLEAN and INTEGER
off-type answers, the DATETIME parse rate, STRING distinct values and the most common short ones; and the calls
whose analytics the platform dropped. Only non-test calls on the live version count. Reads at most three pages
of calls per agent; writes nothing. Shows aggregates only: never a transcript, phone number or free text.

Options:
  --calls <n>                   The last this many calls (1 to 1500, default 500)\u2026
  --days <n>                    \u2026or this many days (1 to 90, default 14), whichever is smaller
  --format text|json            Output format (default text)
  --disable <rule>              Switch a lint rule off (repeatable, or comma-separated)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${t})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto)
${n(32)}
  -h, --help                    Show this help
Exit code 0 when every agent's calls were read; 1 when one could not be.`,rules:`Usage: atoms-metrics rules [options]

Lists every lint rule (a warning you can switch off) and every error id, one line each:
the ids shown in brackets after each diagnostic.

Options:
  --format text|json|markdown   Output format (default text; markdown is docs/rules.md)
  -h, --help                    Show this help`,demo:`Usage: atoms-metrics demo [--versioning v2|v1]

Runs the whole story against a built-in emulator: plan examples/metrics, show the PR comment as GitHub
shows it, apply, show the history, plan again. Needs no API key and no network.
  --versioning v2   (default) the branch model production runs: draft on the live branch \u2192 publish \u2192
                    security scan \u2192 live
  --versioning v1   drafts \u2192 publish \u2192 security check \u2192 activate`,doctor:`Usage: atoms-metrics doctor <agentId|metrics file> [--write] [--json] [--api-url URL]

Finds out, for one agent, what this account's API really does where the documentation is silent, says what each
answer means for atoms-metrics, and prints the emulator command that behaves the same, to rehearse against.

Read-only by default (at most seven GET requests): the model (v1 or v2); the live branch and whether it is the default;
where a revision's resolvedConfig holds the metrics; whether GET /agent follows the live head; the scan statuses and
labels of recent revisions; whether the kept v1 reads answer and send Deprecation; rate-limit headers; the call log's
shape (dispositionMetrics, versionId/versionNumber).

--write also finds out whether a PUT merges or replaces the analytics object, whether an analytics-only publish is
scanned (and how long the scan takes), whether publish keeps the label, and whether a PUT equal to the head opens a
draft. It writes ONLY on a scratch branch it creates from the live branch (atoms-metrics-doctor-<UTC time>), never on
the live branch or any other, and archives that branch at the end: also when a step fails, on a 423 config freeze
(which stops it) and on Ctrl+C (SIGINT) or SIGTERM. On a v1 agent it writes nothing and says why.

Options:
  --write              Run the scratch-branch experiment too (creates, publishes on and archives one branch)
  --json               Print {agentId, model, findings: [{id, answer, evidence}], emulatorArgs: [\u2026]}
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${t})
  -h, --help           Show this help
An answer that cannot be told is "unknown", with the reason as its evidence.
Exit code 0 when the report is complete; 1 when the agent could not be read or a --write step failed (its scratch
branch still archived); 130 when interrupted.`,emulator:`Usage: atoms-metrics emulator [options]

Runs a local emulator of the Atoms API on 127.0.0.1: the v2 branch model (branches \u2192 draft \u2192 publish \u2192
security scan \u2192 live), as in production, or with --versioning v1 the v1 flow (drafts \u2192 publish \u2192 activate).

Options:
  --port <n>                 Port (default 4010; 0 picks a free one)
  --host <addr>              Address to bind (default 127.0.0.1)
  --seed <file.json>         Agents, versions, drafts and branches to start with; its "options" set the switches below
                             (default: the documentation's example agent, the package's examples/emulator-seed.json)
  --empty                    Start with no agents at all
  -h, --help                 Show this help

Switches (flags win over the seed file's "options"; booleans take true or false):
${h.map(e=>`  --${e.flag} ${f(e)}
      ${e.help}`).join(`
`)}

Injected failures:
${d}
${c}

Rehearse a failure:
  atoms-metrics emulator --scan-outcome failed --scan-reason "prompt injection"
  atoms-metrics emulator --fault 'POST /agent/*/branches/*/draft/publish 502 after-effect' --fault 'GET */revisions/* reset'

The API key it accepts is printed on start.`};export{P as HELP};

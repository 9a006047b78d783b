/** The CLI's help texts, one per command: what `--help` prints. Pure text, loaded only when help is asked for. */
import { ACT_FLAG_HELP } from '../emulator/act-spec.js';
import { FAULT_FLAG_HELP } from '../emulator/fault-spec.js';
import { SWITCH_SPECS, switchPlaceholder } from '../emulator/switches.js';
import { DEFAULT_LIMITS, LIMIT_ENV } from './limits.js';

import { DEFAULT_API_URL, DEFAULT_PATTERN } from '../defaults.js';

/** The help lines of the rate and concurrency options, aligned at `column` like the command's other options. */
function limitOptions(column: number): string {
  const indent = ' '.repeat(column);
  // An option wider than the command's column gets its text on the next line, aligned with the others.
  const line = (option: string, text: string) =>
    option.length + 4 > column ? `  ${option}\n${indent}${text}` : `  ${option.padEnd(column - 2)}${text}`;
  return [
    line('--max-requests-per-second <n>', `Requests per second to the API, all agents together; 0 = no limit`),
    line('', `(default $${LIMIT_ENV.maxRequestsPerSecond} or ${DEFAULT_LIMITS.maxRequestsPerSecond})`),
    line(
      '--concurrency <n>',
      `Agents in flight at once, 1 to 64 (default $${LIMIT_ENV.concurrency} or ${DEFAULT_LIMITS.concurrency})`,
    ),
  ].join('\n');
}

export const HELP: Record<string, string> = {
  main: `atoms-metrics — post-call metrics of Smallest AI Atoms voice agents as code

Usage:
  atoms-metrics init     [agentId…]          Start a project: metrics/, the workflow, and (with a key) the agents' metrics
  atoms-metrics validate [files or globs…]   Check metrics files (schema, rules, lint)
  atoms-metrics plan     [files or globs…]   Diff files against each agent's live metrics (v2: live branch head)
  atoms-metrics drift    [files or globs…]   Fail when live differs from any file (a dashboard edit)
  atoms-metrics apply    [files or globs…]   Publish on the live branch, wait for the scan, verify (v1: activate)
  atoms-metrics pull     <agentId…>          Write metrics files from live config (adopt an agent)
  atoms-metrics history  <agentId|file>      List an agent's live-branch revisions (v2) or versions (v1)
  atoms-metrics rollback <agentId|file>      Show, then with --yes make live, the previous (or --to N) one
  atoms-metrics list     [files or globs…]   Print the GitHub Actions matrix for a fan-out
  atoms-metrics stats    [files or globs…]   What each agent's live metrics produced on recent calls
  atoms-metrics rules                        List every lint rule and error id
  atoms-metrics doctor   <agentId|file>      What this account's API really does on each open unknown, and how to rehearse it
  atoms-metrics emulator                     Run the local Atoms API emulator
  atoms-metrics demo                         The whole story against a built-in emulator (no key, no network)
  atoms-metrics --version                    Print the version

Files default to '${DEFAULT_PATTERN}'. Run 'atoms-metrics <command> --help' for options.
Environment: SMALLEST_API_KEY (API key), ATOMS_API_URL (API base URL, default ${DEFAULT_API_URL}),
ATOMS_VERSIONING (auto, v1 or v2; default auto: detected per agent).
  ${LIMIT_ENV.maxRequestsPerSecond} and ${LIMIT_ENV.concurrency} (see the options of plan, apply, pull).
Exit codes: 0 ok, 1 invalid files / failed checks / failed apply, 2 usage error or unreadable file.`,
  validate: `Usage: atoms-metrics validate [files or globs…] [options]

Validates metrics files against the JSON Schema and the semantic and lint rules.
Prints path:line:col: severity: message [rule].

Options:
  --format text|json   Output format (default text)
  --strict             Treat warnings as errors
  --disable <rule>     Switch a lint rule off (repeatable, or comma-separated)
  -h, --help           Show this help`,
  plan: `Usage: atoms-metrics plan [files or globs…] [options]

Reads each agent's live config (v1: its active version, one request; v2: the live branch's
head revision, two requests; auto-detection adds one on v1) — nothing is written —
and shows what applying the files would add, change and remove, and what is breaking.

Options:
  --format text|markdown|json   Output format (default text; markdown is the PR comment)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --agent-id <id>               Override the file's agentId (exactly one file)
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto: detected per agent)
  --color / --no-color          Force colours on or off (default: on for a TTY)
${limitOptions(32)}
  --strict                      Treat lint warnings as errors
  --disable <rule>              Switch a lint rule off
  -h, --help                    Show this help
Exit code 0 whether or not there are changes (breaking ones included: the plan only reports);
1 when files are invalid or an agent could not be read.`,
  drift: `Usage: atoms-metrics drift [files or globs…] [options]

Reads each agent's live metrics (nothing is written) and reports every agent whose live metrics differ
from its file, breaking or not: what differs, the live revision (v2) or version (v1), who published it
and when, and the ways out (adopt live with 'atoms-metrics pull <agentId> --force', or apply the file:
'atoms-metrics apply', or the workflow run from workflow_dispatch with the input mode: apply). Only the
metrics are compared. When live is a rollback's work, it says "live was rolled back to … by … at …".

Options:
  --format text|json            Output format (default text)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto: detected per agent)
${limitOptions(32)}
  --disable <rule>              Switch a lint rule off
  -h, --help                    Show this help
Exit code 0 when live matches every file; 1 on drift, invalid files, or an agent that could not be read.`,
  apply: `Usage: atoms-metrics apply [files or globs…] [options]

For each agent whose live metrics differ from its file:
  v2 (branch model, production since 2026-08): write the metrics into the live branch's draft, publish
     (which goes live once the platform's security scan passes), verify. An open draft someone else
     is editing is never published: the run refuses and names who edited what.
  v1: create a draft from the active version, patch it, publish, wait for the security check, activate, verify.
Safe to re-run: a re-run resumes or does nothing; it never publishes the same change twice.

Options:
  --api-url <url>                     API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --agent-id <id>                     Override the file's agentId (exactly one file)
  --security-check-timeout <seconds>  Wait at most this long for the security check (default 180)
  --versioning auto|v1|v2             Versioning model (default $ATOMS_VERSIONING or auto)
${limitOptions(38)}
  --allow-breaking                    Apply even when a metric is removed, renamed, changes type or
                                      loses an ENUM choice (exports, webhooks and dashboards key on them)
  --strict                            Treat lint warnings as errors
  --disable <rule>                    Switch a lint rule off
  --format text|json                  Output format (default text)
  -h, --help                          Show this help
Exit code 0 when every agent is applied or unchanged; 1 when any failed or was refused.`,
  pull: `Usage: atoms-metrics pull <agentId…> [options]

Writes one metrics file per agent from its live config (v2: the live branch's head revision;
v1: the active version), named <agent-name>.atoms-metrics.yaml, so dashboard-made metrics
can be adopted in one command. Planning right after shows "no changes".

Options:
  --out <dir>          Directory to write to (default metrics)
  --format yaml|json   Format of new files (default yaml); a file already holding the agent
                       in the other format is refused, never converted
  --force              Overwrite existing files (a file holding the agent is updated in place)
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
${limitOptions(23)}
  -h, --help           Show this help`,
  history: `Usage: atoms-metrics history <agentId|metrics file> [options]

Lists what the agent has published, newest first: number, label, who, when, scan status, and which is
live. On v2 these are the live branch's revisions; on v1 the agent's versions (the model is named).

Options:
  --limit <n>               How many (default 20, at most 100)
  --format text|json        Output format (default text)
  --api-url <url>           API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
  -h, --help                Show this help`,
  rollback: `Usage: atoms-metrics rollback <agentId|metrics file> [--to N] [--yes] [options]

Shows what going back to the previous (or the given) version would change: the metrics as a plan, and
every other section that differs (e.g. "workflow_prompt: 3 lines changed"). With --yes it does it.

By default only the metrics go back: the target's metrics are published over live as a normal publish
(a new revision on v2, a new version on v1, labelled "atoms-metrics rollback to …"), and every other
section (prompt, tools, voice, …) stays as live has it. --whole-revision restores the whole target
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
  --api-url <url>           API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --versioning auto|v1|v2   Versioning model (default $ATOMS_VERSIONING or auto)
  -h, --help                Show this help
Exit code 0 when planned, rolled back or already matching; 1 when refused or failed.`,
  list: `Usage: atoms-metrics list [files or globs…] [options]

Prints the JSON matrix ({"include":[{slice, files, agents}]}) that a workflow can fan out over:
files balanced by agent count into at most N slices.

Options:
  --max-slices <n>     At most this many slices (default 16; GitHub allows 256 jobs per matrix)
  --disable <rule>     Switch a lint rule off
  -h, --help           Show this help`,
  init: `Usage: atoms-metrics init [agentId…] [options]

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
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  -h, --help           Show this help
Exit code 0 when everything is in place; 1 when a different file was kept or an agent could not be pulled.`,
  stats: `Usage: atoms-metrics stats [files or globs…] [options]

Shows what each agent's live metrics produced on its recent calls: per metric, how many calls gave a value,
the empty and low-confidence (< 0.5) rates, ENUM shares and answers outside choices, BOOLEAN and INTEGER
off-type answers, the DATETIME parse rate, STRING distinct values and the most common short ones; and the calls
whose analytics the platform dropped. Only non-test calls on the live version count. Reads at most three pages
of calls per agent; writes nothing. Shows aggregates only: never a transcript, phone number or free text.

Options:
  --calls <n>                   The last this many calls (1 to 1500, default 500)…
  --days <n>                    …or this many days (1 to 90, default 14), whichever is smaller
  --format text|json            Output format (default text)
  --disable <rule>              Switch a lint rule off (repeatable, or comma-separated)
  --api-url <url>               API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  --versioning auto|v1|v2       Versioning model (default $ATOMS_VERSIONING or auto)
${limitOptions(32)}
  -h, --help                    Show this help
Exit code 0 when every agent's calls were read; 1 when one could not be.`,
  rules: `Usage: atoms-metrics rules [options]

Lists every lint rule (a warning you can switch off) and every error id, one line each:
the ids shown in brackets after each diagnostic.

Options:
  --format text|json|markdown   Output format (default text; markdown is docs/rules.md)
  -h, --help                    Show this help`,
  demo: `Usage: atoms-metrics demo [--versioning v2|v1]

Runs the whole story against a built-in emulator: plan examples/metrics, show the PR comment as GitHub
shows it, apply, show the history, plan again. Needs no API key and no network.
  --versioning v2   (default) the branch model production runs: draft on the live branch → publish →
                    security scan → live
  --versioning v1   drafts → publish → security check → activate`,
  doctor: `Usage: atoms-metrics doctor <agentId|metrics file> [--write] [--json] [--api-url URL]

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
  --json               Print {agentId, model, findings: [{id, answer, evidence}], emulatorArgs: […]}
  --api-url <url>      API base URL (default $ATOMS_API_URL or ${DEFAULT_API_URL})
  -h, --help           Show this help
An answer that cannot be told is "unknown", with the reason as its evidence.
Exit code 0 when the report is complete; 1 when the agent could not be read or a --write step failed (its scratch
branch still archived); 130 when interrupted.`,
  emulator: `Usage: atoms-metrics emulator [options]

Runs a local emulator of the Atoms API on 127.0.0.1: the v2 branch model (branches → draft → publish →
security scan → live), as in production, or with --versioning v1 the v1 flow (drafts → publish → activate).

Options:
  --port <n>                 Port (default 4010; 0 picks a free one)
  --host <addr>              Address to bind (default 127.0.0.1)
  --seed <file.json>         Agents, versions, drafts and branches to start with; its "options" set the switches below
                             (default: the documentation's example agent, the package's examples/emulator-seed.json)
  --empty                    Start with no agents at all
  -h, --help                 Show this help

Switches (flags win over the seed file's "options"; booleans take true or false):
${SWITCH_SPECS.map((s) => `  --${s.flag} ${switchPlaceholder(s)}\n      ${s.help}`).join('\n')}

Injected failures:
${FAULT_FLAG_HELP}
${ACT_FLAG_HELP}

Rehearse a failure:
  atoms-metrics emulator --scan-outcome failed --scan-reason "prompt injection"
  atoms-metrics emulator --fault 'POST /agent/*/branches/*/draft/publish 502 after-effect' --fault 'GET */revisions/* reset'

The API key it accepts is printed on start.`,
};

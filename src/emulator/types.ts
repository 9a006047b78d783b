/** Public contract of the local Atoms emulator (fact sheet §12; v2 in ./types-v2.ts). Tests, the demo and the CLI use only this. */
import type { ActSpec } from './act-spec.js';
import type { CallSpec } from './calls-spec.js';
import type { BranchSnapshot, EmulatorSwitches, ForeignDraftSpec, SeedBranch, SeedOptions } from './types-v2.js';

export type * from './types-v2.js';
export type { CallSpec } from './calls-spec.js';

export interface SeedMetricsConfig {
  dispositionMetrics?: unknown[];
  useInternalAnalyticsModel?: boolean;
  useReasoningModel?: boolean;
  summaryPrompt?: string;
  successMetrics?: unknown[];
  [key: string]: unknown;
}

/** A fixture: agents, each with published versions (the active one marked) and optional open drafts. */
export interface EmulatorSeed {
  agents: SeedAgent[];
  /** Emulator switches (see EmulatorSwitches); explicit options and CLI flags win over these. */
  options?: SeedOptions;
  /** Faults injected at start (after any `faults` option, e.g. the CLI's `--fault` flags). */
  faults?: FaultSpec[];
}

export interface SeedAgent {
  _id?: string;
  name?: string;
  workflowType?: 'single_prompt' | 'workflow_graph';
  /** Default: the emulator's `versioning` switch. */
  versioning?: 'v1' | 'v2';
  /** Published versions, oldest first. Default: one active V1 with empty metrics. On v2: the revisions of Main (head = the `isActive` one, else the last). */
  versions?: SeedVersion[];
  /** On v2 only the first is used: Main's open draft. */
  drafts?: SeedDraft[];
  /** v2 only: branches besides Main. */
  branches?: SeedBranch[];
}

export interface SeedVersion {
  _id?: string;
  label?: string | null;
  description?: string | null;
  isActive?: boolean;
  postCallAnalyticsConfig?: SeedMetricsConfig;
  securityCheck?: { status: string; reason?: string | null } | null;
  draftId?: string | null;
}

export interface SeedDraft {
  draftId?: string;
  draftName?: string;
  sourceVersionId?: string;
  postCallAnalyticsConfig?: SeedMetricsConfig;
  /** Key id of the creator (see `users`); only the creator or an admin may discard it. */
  createdBy?: string;
  /** v2: the edit history's one entry (default: createdBy, and ['analytics'] when it has metrics). */
  editorName?: string;
  changedSections?: string[];
}

export interface EmulatorOptions extends Partial<EmulatorSwitches> {
  /** 0 (default) picks a free port. Always binds 127.0.0.1 unless `host` says otherwise. */
  port?: number;
  host?: string;
  /** Accepted API keys → user. Default: `{ 'sk_emulator_key': { userId: 'user_emulator', admin: true } }`. */
  keys?: Record<string, { userId: string; admin?: boolean; name?: string }>;
  /** Time from publish until `securityCheck.status` leaves "pending". Platform ≈ 6000; tests use 0. */
  securityCheckMs?: number;
  seed?: EmulatorSeed;
  /** Legacy: true = `versioning: 'v2'`, false = 'v1' (when `versioning` is not given). */
  branchModel?: boolean;
  /** Requests per second per key before 429; 0/undefined = unlimited. */
  rateLimitPerSecond?: number;
  /** 429 body: `envelope` `{status:false, errors:[…]}` or the rate-limit doc's `{status, error, code, retry_after}`. */
  rateLimitBody?: 'envelope' | 'documented';
  /** Store legacy `dispositionValues.type` as flat `dispositionMetricType` (evidence leans yes). Default true. */
  normaliseLegacyType?: boolean;
  /** Validate `postCallAnalyticsConfig` on the config PATCH (real enforcement unknown). Default true. */
  validateMetrics?: boolean;
  /** Status and message when activating a version whose check is pending (real values unknown). */
  activationPendingError?: { status: number; message: string };
  /** Add `x-request-id` to every response. Default true. */
  requestIds?: boolean;
  /** Added to every response, to look like a network round trip (benchmarks). */
  latencyMs?: number;
  /** Generate synthetic call logs (`GET /conversation`) for each agent's live metrics from this seed number; absent: none. */
  callsSeed?: number;
  /** Calls per agent `callsSeed` generates, newest ending now, over the last 20 days (default 600). */
  callsPerAgent?: number;
  /** Faults injected at start, ahead of the seed's `faults` (the first that matches answers). */
  faults?: FaultSpec[];
  /** People acting between a client's calls (see acts.ts). */
  acts?: ActSpec[];
  /** Clock, injectable so tests can move time without waiting. */
  now?: () => number;
  /** Log one line per request to this function (the CLI passes console.error). */
  log?: (line: string) => void;
}

/** One injected fault; matching requests consume it until `times` runs out. */
export interface FaultSpec {
  method?: string;
  /** Matched against the path below the base path, e.g. `/agent/<id>/drafts`; a string must match exactly. */
  path?: string | RegExp;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** Answer with this status (JSON envelope error body unless `body` is given). */
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (or before the reset). */
  delayMs?: number;
  /** Destroy the socket instead of answering. */
  reset?: boolean;
  /** Let the request take effect first, then fail it (status or reset): the hardest case for a client. */
  afterEffect?: boolean;
}

export interface RecordedRequest {
  method: string;
  /** Path below the base path, without the query string. */
  path: string;
  query: string;
  status: number;
  /** True when a fault answered instead of (or after) the handler. */
  faulted: boolean;
  at: number;
}

export interface RunningEmulator {
  /** Base URL including `/atoms/v1`, e.g. `http://127.0.0.1:38123/atoms/v1`. */
  readonly url: string;
  readonly port: number;
  /** A key the emulator accepts (the first of `keys`). */
  readonly apiKey: string;
  /** Every request answered so far, in order. */
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  /** Replace state from a fixture; returns the ids it created, in seed order. */
  load(seed: EmulatorSeed): SeededIds;
  /** Create an agent with an active V1 (as `POST /agent` does); returns its id. */
  createAgent(agent?: SeedAgent): string;
  /** Read-only snapshots for assertions. */
  getAgentState(agentId: string): AgentStateSnapshot | undefined;
  /** The next publish (for that agent, or any) ends its security check as `failed` (or `errored`) with this reason. On v2 it always scans (202). */
  failNextSecurityCheck(reason: string, agentId?: string, status?: 'failed' | 'errored'): void;
  /** As a person in the dashboard would: v1 publish `config` as a new version and activate it; v2 publish it as a new committed head of the live branch. Returns the version/revision id. */
  simulateDashboardChange(agentId: string, config: SeedMetricsConfig): string;
  /** v2: another editor's edit lands in the branch's draft (opened if none). Returns the draftId. */
  openForeignDraft(agentId: string, spec: ForeignDraftSpec): string;
  /** From now on, a person acts right after each request matching `spec` takes effect. */
  act(spec: ActSpec): void;
  /** v2: the next `count` v2 writes answer 423 `config_freeze_active`. */
  freezeWrites(count: number): void;
  /** Change switches at run time. */
  setSwitches(switches: Partial<EmulatorSwitches>): void;
  /** The switches in force (defaults, then the seed's `options`, then explicit options), with the scan time. */
  getSwitches(): EmulatorSwitches & { securityCheckMs: number };
  /** Run this before every request is handled (e.g. to change state mid-flight); return nothing. */
  onRequest(hook: ((request: { method: string; path: string }) => void) | null): void;
  setSecurityCheckMs(ms: number): void;
  /** Adds hand-made call logs (for exact numbers in tests); returns their callIds. */
  addCalls(calls: CallSpec[]): string[];
  /** Replaces every agent's calls with ones generated from `seed` for its live metrics now. */
  generateCalls(seed: number, perAgent?: number): number;
  /** Legacy: true answers v1 writes and lists with the migration 409 for every agent (a flag flipped before migration); false lifts that. */
  setBranchModel(on: boolean): void;
}

export interface SeededIds {
  /** v2: `versionIds` are Main's revision ids, `branchIds` Main first; v1: `branchIds` is empty. */
  agents: { agentId: string; versionIds: string[]; draftIds: string[]; branchIds: string[] }[];
}

export interface AgentStateSnapshot {
  agentId: string;
  versioning: 'v1' | 'v2';
  /** v2 only. */
  branches?: BranchSnapshot[];
  activeVersionId: string | null;
  versions: {
    _id: string;
    versionNumber: number;
    isActive: boolean;
    securityCheck: unknown;
    label: string | null;
    description: string | null;
    draftId: string | null;
    postCallAnalyticsConfig: unknown;
  }[];
  drafts: {
    draftId: string;
    draftRevision: number;
    discarded: boolean;
    published: boolean;
    postCallAnalyticsConfig: unknown;
  }[];
}

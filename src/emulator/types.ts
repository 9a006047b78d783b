/** Public contract of the local Atoms emulator (fact sheet §12). Tests, the demo and the CLI use only this. */

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
}

export interface SeedAgent {
  _id?: string;
  name?: string;
  workflowType?: 'single_prompt' | 'workflow_graph';
  /** Published versions, oldest first. Default: one active V1 with empty metrics. */
  versions?: SeedVersion[];
  drafts?: SeedDraft[];
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
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. Always binds 127.0.0.1 unless `host` says otherwise. */
  port?: number;
  host?: string;
  /** Accepted API keys → user. Default: `{ 'sk_emulator_key': { userId: 'user_emulator', admin: true } }`. */
  keys?: Record<string, { userId: string; admin?: boolean }>;
  /** Time from publish until `securityCheck.status` leaves "pending". Platform ≈ 6000; tests use 0. */
  securityCheckMs?: number;
  seed?: EmulatorSeed;
  /** v2 branch model on: v1 write and list endpoints answer 409 + `Deprecation: true`. */
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
  /** The next publish (for that agent, or any) ends its security check as `failed` with this reason. */
  failNextSecurityCheck(reason: string, agentId?: string): void;
  /** As a person in the dashboard would: publish `config` as a new version and activate it at once. Returns the version id. */
  simulateDashboardChange(agentId: string, config: SeedMetricsConfig): string;
  /** Run this before every request is handled (e.g. to change state mid-flight); return nothing. */
  onRequest(hook: ((request: { method: string; path: string }) => void) | null): void;
  setSecurityCheckMs(ms: number): void;
  setBranchModel(on: boolean): void;
}

export interface SeededIds {
  agents: { agentId: string; versionIds: string[]; draftIds: string[] }[];
}

export interface AgentStateSnapshot {
  agentId: string;
  activeVersionId: string | null;
  versions: { _id: string; versionNumber: number; isActive: boolean; securityCheck: unknown; label: string | null; description: string | null; draftId: string | null; postCallAnalyticsConfig: unknown }[];
  drafts: { draftId: string; draftRevision: number; discarded: boolean; published: boolean; postCallAnalyticsConfig: unknown }[];
}

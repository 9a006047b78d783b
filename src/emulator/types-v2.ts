/** Public contract of the emulator's v2 branch model (fact sheet v2 §1, §7): switches, seed options, snapshots. */

/** Where the metrics sit in a revision's `resolvedConfig` (fact sheet v2 §1.9 variants). */
export type MetricsLocation = 'analytics.postCallAnalyticsConfig' | 'analytics' | 'postCallAnalyticsConfig';

/** Behaviour switches for the v2 unknowns (fact sheet v2 §6). Each is an EmulatorOptions field, a seed `options` key and a CLI flag. */
export interface EmulatorSwitches {
  /** Versioning model of agents created from now on (seeds may say per agent). Default 'v2' (production). */
  versioning: 'v1' | 'v2';
  /** 'sync': publish answers 200 committed; 'async': 202 scanning, the scan lasting `securityCheckMs`. Default 'async'. */
  publishMode: 'sync' | 'async';
  /** false: an analytics-only publish answers 200 committed even in async mode. Default true. */
  scanAnalyticsChanges: boolean;
  /** Default 'analytics' (flags and dispositionMetrics directly under `resolvedConfig.analytics`). */
  metricsLocation: MetricsLocation;
  /** false: `GET /agent/{id}` keeps serving the config the agent had at migration. Default true. */
  agentReadFollowsLive: boolean;
  /** v2 agents: `GET /versions/{id}`, `/versions/diff`, `GET /drafts/{id}`, `/drafts/{id}/diff` and both `POST …/test-call` answer (true) or 404 (false). Default true. */
  keptV1Reads: boolean;
  /** 409 draft conflict body: 'rich' (`data.conflict`, as on dev) or 'lean' (`errors: ["section.field"]`, as on prod). Default 'lean'. */
  conflictBody: 'rich' | 'lean';
  /** How the sub-keys of `postCallAnalyticsConfig` merge on PUT draft: 'deep' (omitted keys kept) or 'replace'. Default 'deep'. */
  putMerge: 'replace' | 'deep';
  /** false: publish's `label` is accepted and dropped. Default true. */
  labelPersisted: boolean;
  /** v2 writes answer 423 `config_freeze_active` for this many ms after start. Default 0. */
  freezeMs: number;
  /** `GET /agent/{id}/diff` paths: 'leaf' (a list is one value) or 'indexed' (into lists: `dispositionMetrics.1.identifier`). Default 'leaf'. */
  diffPaths: 'leaf' | 'indexed';
  /** v1 agents' `GET /branches`: 'absent' (Express HTML 404, a server without v2 routes) or 'empty' (200 `{branches: []}`). Default 'absent'. */
  v1Branches: 'absent' | 'empty';
  /** How every security scan (v1 check, v2 publish) ends; not `passed` makes every v2 publish scan (202). Default 'passed'. */
  scanOutcome: 'passed' | 'failed' | 'errored';
  /** The `securityCheck.reason` of a scan that does not pass; '' = null. Default ''. */
  scanReason: string;
  /** PUT draft while a publish or restore is scanned: 409 `publish_in_progress`, or accepted (an armed publish of the draft is cancelled). Default 'conflict'. */
  putDuringScan: 'conflict' | 'accept';
  /** `GET …/revisions` lists the draft row of a publish being scanned (or whose scan failed) first; false: only committed rows (fact sheet v2 §1.7 race). Default true. */
  scanningRowListed: boolean;
  /** v2 agents: the kept v1 reads (while `keptV1Reads`) answer with `Deprecation: true`. Default false. */
  keptV1Deprecation: boolean;
  /** Every answered request carries `x-ratelimit-limit` and `x-ratelimit-remaining`. Default false. */
  rateLimitHeaders: boolean;
  /** false: a PUT draft that leaves the config equal to the head opens no draft (200 with the head revision). Default true. */
  putEqualOpensDraft: boolean;
}

/** Settable from a seed file's top-level `"options"`; explicit EmulatorOptions (and CLI flags) win over them. */
export interface SeedOptions extends Partial<EmulatorSwitches> {
  securityCheckMs?: number;
  latencyMs?: number;
  rateLimitPerSecond?: number;
  rateLimitBody?: 'envelope' | 'documented';
  validateMetrics?: boolean;
  normaliseLegacyType?: boolean;
  /** Generate synthetic call logs from this seed number (calls.ts); absent: no calls. */
  callsSeed?: number;
  /** Calls per agent that `callsSeed` generates (default 600, over the last 20 days). */
  callsPerAgent?: number;
}

export interface SeedBranch {
  name: string;
  isLive?: boolean;
  /** Revisions, oldest first (same entries as an agent's `versions`). Default: a copy of Main's head; `[]`: none yet (head null). */
  versions?: import('./types.js').SeedVersion[];
  drafts?: import('./types.js').SeedDraft[];
}

export interface ForeignDraftSpec {
  editorName: string;
  changedSections: string[];
  /** Metrics the other editor put in the draft (`postCallAnalyticsConfig`). */
  config?: import('./types.js').SeedMetricsConfig;
  /** Branch to open it on; default the live branch. */
  branchId?: string;
}

export interface RevisionSnapshot {
  _id: string;
  revisionNumber: number | null;
  label: string | null;
  status: string;
  securityCheck: unknown;
  restoredFromRevisionId: string | null;
  postCallAnalyticsConfig: unknown;
}

export interface BranchSnapshot {
  branchId: string;
  name: string;
  isLive: boolean;
  isDefault: boolean;
  headRevisionId: string | null;
  revisions: RevisionSnapshot[];
  draft: null | {
    draftId: string;
    draftRevision: number;
    postCallAnalyticsConfig: unknown;
    editHistory: { editorName: string | null; changedSections: string[] }[];
  };
}

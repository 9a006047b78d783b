/** The emulator's in-memory state: agents, their published versions and their drafts (fact sheet §6, §12.2). */
import { randomBytes } from 'node:crypto';

export type Config = Record<string, unknown>;

export const BLOCK_SECTIONS = ['workflow_prompt', 'workflow_tools', 'workflow_graph', 'llm', 'voice', 'language', 'call_handling', 'detection', 'analytics', 'timeouts', 'audio', 'privacy', 'widget'] as const;

export function newObjectId(): string {
  return randomBytes(12).toString('hex');
}

export const OBJECT_ID = /^[a-f\d]{24}$/;

export function newBlocks(): Record<string, string> {
  return Object.fromEntries(BLOCK_SECTIONS.map((section) => [section, newObjectId()]));
}

export const DEFAULT_ANALYTICS: Config = { dispositionMetrics: [], successMetrics: [], summaryPrompt: '', useInternalAnalyticsModel: true, useReasoningModel: false };

export function defaultConfig(): Config {
  return { prompt: 'You are a helpful voice agent.', tools: [], firstMessage: 'Hello!', postCallAnalyticsConfig: structuredClone(DEFAULT_ANALYTICS) };
}

export interface VersionRecord {
  _id: string;
  versionNumber: number;
  label: string | null;
  description: string | null;
  isPinned: boolean;
  publishedBy: string;
  publishedAt: number;
  activatedBy: string | null;
  activatedAt: number | null;
  draftId: string | null;
  draftName: string | null;
  draftRevision: number | null;
  sourceVersionId: string | null;
  blocks: Record<string, string>;
  /** Final outcome of the security check; null for workflow_graph agents (no check). Pending until `publishedAt + checkMs`. */
  securityOutcome: { status: 'passed' | 'failed'; reason: string | null } | null;
  /** Overrides the emulator-wide check duration for this version (seeded versions are already checked). */
  checkMs?: number;
  config: Config;
  createdAt: number;
  updatedAt: number;
}

export interface EditHistoryEntry {
  revision: number;
  changedSections: string[];
  editorName: string | null;
  editorId: string | null;
  timestamp: number;
}

export interface DraftRecord {
  _id: string;
  draftId: string;
  draftName: string;
  draftRevision: number;
  sourceVersionId: string | null;
  createdBy: string;
  blocks: Record<string, string>;
  config: Config;
  editHistory: EditHistoryEntry[];
  discarded: boolean;
  published: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface AgentRecord {
  _id: string;
  name: string;
  workflowType: 'single_prompt' | 'workflow_graph';
  activeVersionId: string | null;
  archived: boolean;
  createdAt: number;
  versions: VersionRecord[];
  drafts: DraftRecord[];
}

export class EmulatorState {
  readonly agents = new Map<string, AgentRecord>();
  /** Outcome the next publish's check ends in, per agent id or `*` for any. */
  readonly pendingFailures = new Map<string, string>();

  constructor(
    public now: () => number,
    public securityCheckMs: number,
  ) {}

  securityCheckOf(version: VersionRecord): { status: string; reason: string | null; triggeredAt: string; completedAt: string | null } | null {
    if (version.securityOutcome === null) return null;
    const duration = version.checkMs ?? this.securityCheckMs;
    const done = this.now() - version.publishedAt >= duration;
    return {
      status: done ? version.securityOutcome.status : 'pending',
      reason: done ? version.securityOutcome.reason : null,
      triggeredAt: new Date(version.publishedAt).toISOString(),
      completedAt: done ? new Date(version.publishedAt + duration).toISOString() : null,
    };
  }

  publish(agent: AgentRecord, config: Config, fields: Partial<VersionRecord> & { publishedBy: string }): VersionRecord {
    const now = this.now();
    const failure = this.pendingFailures.get(agent._id) ?? this.pendingFailures.get('*');
    if (failure !== undefined) this.pendingFailures.delete(this.pendingFailures.has(agent._id) ? agent._id : '*');
    const version: VersionRecord = {
      _id: newObjectId(),
      versionNumber: Math.max(0, ...agent.versions.map((v) => v.versionNumber)) + 1,
      label: null,
      description: null,
      isPinned: false,
      activatedBy: null,
      activatedAt: null,
      draftId: null,
      draftName: null,
      draftRevision: null,
      sourceVersionId: null,
      blocks: newBlocks(),
      securityOutcome: agent.workflowType === 'workflow_graph' ? null : failure !== undefined ? { status: 'failed', reason: failure } : { status: 'passed', reason: null },
      config: structuredClone(config),
      createdAt: now,
      updatedAt: now,
      publishedAt: now,
      ...fields,
    };
    agent.versions.push(version);
    return version;
  }

  activate(agent: AgentRecord, version: VersionRecord, userId: string): void {
    agent.activeVersionId = version._id;
    version.activatedAt = this.now();
    version.activatedBy = userId;
    version.updatedAt = this.now();
  }

  activeVersion(agent: AgentRecord): VersionRecord | undefined {
    return agent.versions.find((v) => v._id === agent.activeVersionId);
  }
}

/** The emulator's in-memory state: agents, their published versions and their drafts (fact sheet §6, §12.2). */
import { randomBytes } from 'node:crypto';
import { DEFAULT_SWITCHES } from './switches.js';
import type { EmulatorSwitches } from './types-v2.js';
import type { AgentRecord, CallRecord, Config, ScanFailure, VersionRecord } from './records.js';

export type { AgentRecord, Config, DraftRecord, EditHistoryEntry, ScanFailure, VersionRecord } from './records.js';

export const BLOCK_SECTIONS = [
  'workflow_prompt',
  'workflow_tools',
  'workflow_graph',
  'llm',
  'voice',
  'language',
  'call_handling',
  'detection',
  'analytics',
  'timeouts',
  'audio',
  'privacy',
  'widget',
] as const;

export function newObjectId(): string {
  return randomBytes(12).toString('hex');
}

export const OBJECT_ID = /^[a-f\d]{24}$/;

export function newBlocks(): Record<string, string> {
  return Object.fromEntries(BLOCK_SECTIONS.map((section) => [section, newObjectId()]));
}

export const DEFAULT_ANALYTICS: Config = {
  dispositionMetrics: [],
  successMetrics: [],
  summaryPrompt: '',
  useInternalAnalyticsModel: true,
  useReasoningModel: false,
};

export function defaultConfig(): Config {
  return {
    prompt: 'You are a helpful voice agent.',
    tools: [],
    firstMessage: 'Hello!',
    postCallAnalyticsConfig: structuredClone(DEFAULT_ANALYTICS),
  };
}

export function newAgentRecord(
  fields: Pick<AgentRecord, '_id' | 'name' | 'workflowType' | 'createdAt' | 'versioning'>,
): AgentRecord {
  return {
    activeVersionId: null,
    archived: false,
    versions: [],
    drafts: [],
    branches: [],
    liveBranchId: null,
    migratedConfig: null,
    migratedRevisionId: null,
    ...fields,
  };
}

export class EmulatorState {
  readonly agents = new Map<string, AgentRecord>();
  /** Outcome the next publish's check ends in, per agent id or `*` for any. */
  readonly pendingFailures = new Map<string, ScanFailure>();
  /** Display names of key users (editorName, publishedByName). */
  readonly userNames = new Map<string, string>();
  /** Call logs for `GET /conversation`, every agent's together (see calls.ts), and the same calls by agent id. */
  readonly calls: CallRecord[] = [];
  readonly callsByAgent = new Map<string, CallRecord[]>();
  switches: EmulatorSwitches = { ...DEFAULT_SWITCHES };
  /** v2 writes still to answer 423. */
  freezeCount = 0;
  /** Legacy `setBranchModel(true)`: v1 writes and lists answer the migration 409 for every agent. */
  blockV1Everywhere = false;
  readonly startedAt: number;

  constructor(
    public now: () => number,
    public securityCheckMs: number,
  ) {
    this.startedAt = now();
  }

  /** How this publish's scan ends when not passed: a queued `failNextSecurityCheck` first, then the `scanOutcome` switch. */
  takeFailure(agentId: string): ScanFailure | undefined {
    const key = this.pendingFailures.has(agentId) ? agentId : '*';
    const failure = this.pendingFailures.get(key);
    if (failure !== undefined) this.pendingFailures.delete(key);
    const { scanOutcome, scanReason } = this.switches;
    return (
      failure ??
      (scanOutcome === 'passed' ? undefined : { status: scanOutcome, reason: scanReason === '' ? null : scanReason })
    );
  }

  nameOf(userId: string): string {
    return this.userNames.get(userId) ?? userId;
  }

  securityCheckOf(
    version: VersionRecord,
  ): { status: string; reason: string | null; triggeredAt: string; completedAt: string | null } | null {
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
    const failure = this.takeFailure(agent._id);
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
      securityOutcome:
        agent.workflowType === 'workflow_graph'
          ? null
          : failure !== undefined
            ? { status: failure.status, reason: failure.reason }
            : { status: 'passed', reason: null },
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

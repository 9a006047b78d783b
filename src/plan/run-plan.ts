/** Builds the plan: reads each target agent's live config (v1: one GET; v2: the live branch and its head; bounded concurrency) and diffs it. */
import type { AtomsApi } from '../atoms/types.js';
import { hashConfig } from '../config/canonical.js';
import type { Diagnostic, MetricsFile, PostCallAnalyticsConfig } from '../config/types.js';
import { mapBounded } from '../fleet/concurrency.js';
import type { VersioningChoice } from '../versioning/model.js';
import { createModelResolver, type ModelResolver } from '../versioning/resolve.js';
import { redactDeep, redactSecrets } from '../report/secrets.js';
import { normalizeConfig } from '../config/normalize.js';
import { diffConfigs } from './diff.js';
import type { AgentPlan, Plan } from './types.js';

/** One (file, agent) pair: a file may target several agents, each planned and applied separately. */
export interface PlanTarget {
  agentId: string;
  file: string;
  desired: PostCallAnalyticsConfig;
}

/** Expands validated files into targets; `agentIdOverride` (the `agent-id` input) replaces the file's ids. */
export function planTargets(files: readonly MetricsFile[], agentIdOverride = ''): PlanTarget[] {
  return files.flatMap((file) =>
    (agentIdOverride !== '' ? [agentIdOverride] : file.agentIds).map((agentId) => ({
      agentId,
      file: file.path,
      desired: file.config,
    })),
  );
}

export interface BuildPlanOptions {
  targets: readonly PlanTarget[];
  diagnostics: readonly Diagnostic[];
  files: readonly string[];
  /** Absent: the live diff is skipped for every agent (fork PR, no api-key) with `liveSkippedReason`. */
  api?: AtomsApi;
  /** Which versioning model to read live through; `auto` detects per agent. */
  versioning?: VersioningChoice;
  /** A resolver already holding this run's detections (apply reuses the plan's). */
  models?: ModelResolver;
  liveSkippedReason?: string;
  concurrency: number;
}

function errorMessage(error: unknown): string {
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/** Reads live config for every target and returns the plan. Never writes to the Atoms API. */
export async function buildPlan(options: BuildPlanOptions): Promise<Plan> {
  const { api } = options;
  const models = options.models ?? (api ? createModelResolver(api, options.versioning ?? 'auto') : undefined);
  const agents = await mapBounded(options.targets, options.concurrency, async (target): Promise<AgentPlan> => {
    const base = { agentId: target.agentId, file: target.file, desiredHash: hashConfig(target.desired) };
    if (api === undefined || models === undefined) {
      return { ...base, status: 'skipped', liveVersionId: null, diff: null, message: options.liveSkippedReason };
    }
    try {
      const model = await models.forAgent(target.agentId);
      const live = await model.readLive(target.agentId);
      // Redacted where it enters: an API that echoes the key (in a prompt, an id) must not carry it into the
      // comment, the outputs, or the plan header, which is deflated and base64-encoded where no mask can find it.
      const liveConfig = normalizeConfig(redactDeep(live.config));
      const diff = diffConfigs(liveConfig, target.desired);
      const liveVersionId = live.liveId === null ? null : redactSecrets(live.liveId);
      return {
        ...base,
        status: diff.hasChanges ? 'changed' : 'unchanged',
        liveVersionId,
        model: live.model,
        ...(live.model === 'v2' ? { liveLabel: redactSecrets(live.label) } : {}),
        diff,
        liveMetrics: liveConfig.dispositionMetrics,
      };
    } catch (error) {
      return { ...base, status: 'error', liveVersionId: null, diff: null, message: errorMessage(error) };
    }
  });
  return {
    agents: agents.map((result, index) =>
      result.ok ? result.value : failedTarget(options.targets[index], result.error),
    ),
    diagnostics: [...options.diagnostics],
    files: [...options.files],
    ...(options.liveSkippedReason !== undefined && api === undefined
      ? { liveSkippedReason: options.liveSkippedReason }
      : {}),
  };
}

function failedTarget(target: PlanTarget | undefined, error: unknown): AgentPlan {
  return {
    agentId: target?.agentId ?? '',
    file: target?.file ?? '',
    desiredHash: target ? hashConfig(target.desired) : '',
    status: 'error',
    liveVersionId: null,
    diff: null,
    message: errorMessage(error),
  };
}

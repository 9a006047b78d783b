/**
 * A rollback on either versioning model: read live and the target with every section that differs → validate the
 * target's metrics and gate breaking changes → preview, or go. The default publishes the target's metrics over live
 * through the model's own apply flow (which owns drafts safely and verifies what is live); `whole` restores (v2) or
 * re-activates (v1) the whole target.
 */
import type { ApplyDeps, ApplyResult, ApplyTarget } from '../versioning/apply-types.js';
import type { RollbackRequest, RollbackResult, RollbackSide, VersioningKind } from '../versioning/model.js';
import { stepLog } from '../versioning/step-log.js';
import { breakingReasons, judgeRollback, rollbackLabel, validateTargetMetrics } from './checks.js';
import type { SectionChange } from './section-changes.js';

export interface RollbackRead {
  from: RollbackSide;
  to: RollbackSide;
  others: { known: true; sections: SectionChange[] } | { known: false; why: string };
}

/** What each model provides; every port reads or writes the platform, the flow decides. */
export interface RollbackPorts {
  model: VersioningKind;
  /** Picks the target and reads both sides; a problem when there is nothing to roll back to. */
  read(request: RollbackRequest): Promise<RollbackRead | { problem: string }>;
  /** The id live has now, and its name, read afresh. */
  liveNow(): Promise<{ id: string | null; name: string }>;
  /** The whole-revision restore / re-activation, verified; returns how the result ends. */
  restoreWhole(read: RollbackRead, say: (line: string) => void): Promise<Partial<RollbackResult>>;
  apply(target: ApplyTarget, deps: ApplyDeps): Promise<ApplyResult>;
  /** Errors that end the rollback as `failed` with their message (API errors and the like); anything else is a bug. */
  expected(error: unknown): error is Error;
}

/** The metrics-only rollback as an apply: the target's metrics are the desired config, live is what the plan was made against. */
export function metricsOnlyTarget(request: RollbackRequest, read: RollbackRead): ApplyTarget {
  return {
    agentId: request.agentId,
    file: `rollback to ${read.to.name}`,
    desired: read.to.config,
    commitSha: 'rollback',
    label: rollbackLabel(read.to.name, read.from.name),
    description: `Metrics-only rollback by atoms-metrics: the analytics of ${read.to.name} published over ${read.from.name}. Every other section stays as live had it.`,
    reviewed: { liveVersionId: read.from.id },
  };
}

export async function runRollback(
  request: RollbackRequest,
  deps: ApplyDeps,
  ports: RollbackPorts,
): Promise<RollbackResult> {
  const { steps, say } = stepLog(request.agentId, deps.log);
  const base: RollbackResult = {
    agentId: request.agentId,
    model: ports.model,
    scope: request.scope,
    status: 'failed',
    steps,
  };
  try {
    const read = await ports.read(request);
    if ('problem' in read) return { ...base, message: read.problem };
    const invalid = validateTargetMetrics(request.agentId, read.to.config);
    const breaking = breakingReasons(read.from.config, read.to.config);
    const verdict = judgeRollback({
      invalid,
      breaking,
      allowInvalid: request.allowInvalid,
      allowBreaking: request.allowBreaking,
      names: request.overrideNames,
    });
    const shown: RollbackResult = {
      ...base,
      from: read.from,
      to: read.to,
      ...(read.others.known ? { otherSections: read.others.sections } : { otherSectionsUnknown: read.others.why }),
      invalid,
      breaking,
      warnings: verdict.go ? verdict.warnings : [],
    };
    if (!request.execute) return { ...shown, status: 'planned', ...(verdict.go ? {} : { refusal: verdict.refusal }) };
    if (!verdict.go) return { ...shown, status: 'refused', message: `${verdict.refusal} Nothing was changed.` };
    for (const warning of verdict.warnings) say(warning);
    const now = await ports.liveNow();
    if (now.id !== read.from.id)
      return {
        ...shown,
        message: `live moved to ${now.name} since it was read; not rolling back over it. Run the rollback again to see the new preview.`,
      };
    if (request.scope === 'whole') return { ...shown, ...(await ports.restoreWhole(read, say)), steps };
    const applied = await ports.apply(metricsOnlyTarget(request, read), {
      ...deps,
      refuseBreaking: false,
      onLiveChanged: 'fail',
    });
    steps.push(...applied.steps);
    if (applied.status === 'unchanged')
      return { ...shown, status: 'unchanged', liveId: read.from.id, liveNumber: read.from.number, steps };
    if (applied.status === 'failed') return { ...shown, message: applied.error ?? 'the publish failed', steps };
    return {
      ...shown,
      status: 'rolled-back',
      liveId: applied.versionId,
      liveNumber: applied.versionNumber ?? null,
      steps,
    };
  } catch (error) {
    if (ports.expected(error)) return { ...base, message: error.message };
    throw error;
  }
}

/** The read-only decisions the doctor's reads depend on: which model, which branch is live, where the metrics sit. Pure. */
import { toBranchSummary } from '../atoms/branch-client.js';
import { isRecord } from '../atoms/wire.js';
import { pickLiveBranch } from '../versioning/v2/decisions.js';
import { dataOf, saidBy, type ProbeAnswer } from './probe-client.js';
import type { LiveBranch, MetricsLocation, Model } from './types.js';

export type ModelVerdict = { model: Model; evidence: string; v1Branches?: 'absent' | 'empty' } | { problem: string };

const migrationRequired = (answer: ProbeAnswer) =>
  answer.status === 409 && isRecord(answer.body) && answer.body.error_type === 'versioning_v2_migration_required';

function branchList(answer: ProbeAnswer): unknown[] | undefined {
  if (answer.status !== 200 || answer.html) return undefined;
  const data = dataOf(answer);
  const list = isRecord(data) ? data.branches : data;
  return Array.isArray(list) ? list : undefined;
}

/** v1 or v2 from `GET /branches` and the v1 list (fact sheet v2 §2), read-only; a problem when neither says. */
export function decideModel(branches: ProbeAnswer, versionsList: ProbeAnswer): ModelVerdict {
  if (branches.status === 401 || versionsList.status === 401)
    return { problem: 'the API rejected the key (401): is SMALLEST_API_KEY current and for this workspace?' };
  // The branch routes answer an id that does not exist (or is not in the key's organisation) with a JSON 404 (fact sheet v2 §1.2).
  if (branches.status === 404 && !branches.html)
    return {
      problem: `not found: GET /branches answered ${saidBy(branches)}. Is the agent id right, and does the key belong to its organisation?`,
    };
  const list = branchList(branches);
  const v1List = migrationRequired(versionsList)
    ? `GET /versions answered 409 versioning_v2_migration_required${versionsList.headers.deprecation ? ` with Deprecation: ${versionsList.headers.deprecation}` : ''}`
    : `GET /versions answered ${saidBy(versionsList)}`;
  if (list && list.map(toBranchSummary).some((b) => b.isLive))
    return {
      model: 'v2',
      evidence: `GET /branches lists ${list.length} branch${list.length === 1 ? '' : 'es'}, one live; ${v1List}`,
    };
  if (migrationRequired(versionsList))
    return {
      model: 'v2',
      evidence: `${v1List}, but GET /branches answered ${list ? 'no live branch' : saidBy(branches)}`,
    };
  if (versionsList.status === 200) {
    if (branches.status === 404 && branches.html)
      return {
        model: 'v1',
        evidence: `GET /branches has no route (HTML 404) and GET /versions answered 200`,
        v1Branches: 'absent',
      };
    if (list && list.length === 0)
      return {
        model: 'v1',
        evidence: 'GET /branches answered 200 with no branches (not migrated) and GET /versions answered 200',
        v1Branches: 'empty',
      };
    return { model: 'v1', evidence: `GET /versions answered 200; GET /branches answered ${saidBy(branches)}` };
  }
  return {
    problem: `neither model answers for this agent: GET /branches ${saidBy(branches)}; GET /versions ${saidBy(versionsList)}. Is the agent id right, and does the key belong to its organisation?`,
  };
}

/** The live branch of a v2 agent (the wrapper's `isLive`, never `isDefault`). */
export function decideLiveBranch(branches: ProbeAnswer): LiveBranch | { problem: string } {
  const picked = pickLiveBranch((branchList(branches) ?? []).map(toBranchSummary));
  if ('problem' in picked) return picked;
  const { branch } = picked;
  return {
    id: branch.branchId,
    name: branch.name,
    isDefault: branch.isDefault,
    headRevisionId: branch.headRevisionId ?? '',
  };
}

export type Located = { location: MetricsLocation; metrics: Record<string, unknown> } | { missing: string };

const hasMetricList = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && Array.isArray(value.dispositionMetrics);

/** Where a revision's `resolvedConfig` holds the metrics, in the order the product's reader tries (fact sheet v2 §1.9). */
export function locateMetrics(resolvedConfig: unknown): Located {
  if (!isRecord(resolvedConfig)) return { missing: 'the revision read has no resolvedConfig' };
  const analytics = resolvedConfig.analytics;
  if (isRecord(analytics) && hasMetricList(analytics.postCallAnalyticsConfig))
    return { location: 'analytics.postCallAnalyticsConfig', metrics: analytics.postCallAnalyticsConfig };
  if (hasMetricList(analytics)) {
    // The section also holds fields that are not the metrics object (callDispositionConfig).
    const { callDispositionConfig: _section, ...metrics } = analytics;
    return { location: 'analytics', metrics };
  }
  if (hasMetricList(resolvedConfig.postCallAnalyticsConfig))
    return { location: 'top-level', metrics: resolvedConfig.postCallAnalyticsConfig };
  return {
    missing: `no dispositionMetrics list at resolvedConfig.analytics.postCallAnalyticsConfig, resolvedConfig.analytics or resolvedConfig.postCallAnalyticsConfig (sections: ${Object.keys(resolvedConfig).join(', ') || 'none'})`,
  };
}

/** The `resolvedConfig` of a revision read. */
export function resolvedConfigOf(answer: ProbeAnswer | undefined): unknown {
  const data = dataOf(answer);
  return isRecord(data) ? data.resolvedConfig : undefined;
}

/** The `revision` of a revision read. */
export function revisionOf(answer: ProbeAnswer | undefined): Record<string, unknown> {
  const data = dataOf(answer);
  return isRecord(data) && isRecord(data.revision) ? data.revision : {};
}

/** What each answer means for atoms-metrics, in one sentence: the human report's second column. Pure. */
import type { Finding } from './types.js';

const KNOWN_SCAN = new Set(['passed', 'failed', 'errored', 'queued', 'pending', 'none']);

type Meaning = (answer: string) => string | undefined;

const MEANINGS: Record<string, Meaning> = {
  model: (a) =>
    a === 'v2'
      ? 'branch model: plan, apply, history and rollback work on the live branch, its draft and its revisions'
      : 'v1 model: apply makes a draft, publishes, waits for the security check and activates',
  'v1-branches': (a) =>
    a === 'absent'
      ? 'the server has no v2 routes for this agent; detection falls back to v1 after one extra request'
      : 'the agent has no branches yet (not migrated); detection treats it as v1',
  'live-branch': (a) => `apply publishes through branch ${a}'s draft, and publishing there is going live`,
  'live-branch-default': (a) =>
    a === 'yes'
      ? 'the live branch is the default one, as on a new agent'
      : 'another branch than the default is live: atoms-metrics follows isLive, never isDefault (rehearse with a seed branch marked "isLive": true)',
  'metrics-location': (a) =>
    a === 'unknown'
      ? 'plan and apply will refuse this agent rather than read "no metrics" from an answer they do not recognise'
      : 'plan and apply read the live metrics there (one of the three places they accept)',
  'agent-read-follows-live': (a) =>
    a === 'yes'
      ? 'GET /agent shows the live head: dashboards and scripts reading _resolvedConfig see what atoms-metrics publishes'
      : a === 'no'
        ? 'GET /agent lags behind the live branch: anything reading _resolvedConfig sees stale metrics; atoms-metrics reads the live head revision instead'
        : undefined,
  'kept-v1-reads': (a) =>
    a === 'yes'
      ? 'the v1 by-id reads still answer; atoms-metrics does not use them on v2, so their removal will not break it'
      : a === 'no'
        ? 'the v1 by-id reads are gone; atoms-metrics does not use them on v2'
        : undefined,
  'kept-v1-deprecation': (a) =>
    a === 'yes'
      ? 'they announce their removal with a Deprecation header'
      : a === 'no'
        ? 'they send no Deprecation header, so their removal will come unannounced (nothing of ours depends on them)'
        : undefined,
  'scan-status-values': (a) => {
    const odd = a.split(',').filter((s) => !KNOWN_SCAN.has(s));
    return odd.length > 0
      ? `apply waits on queued/pending and stops on failed/errored; ${odd.join(', ')} is new to it and would be reported, not waited out`
      : 'all are states apply knows: it waits on queued/pending and stops on failed/errored';
  },
  'labels-in-history': (a) =>
    a === 'yes'
      ? 'revisions carry labels, so history can show them'
      : a === 'no'
        ? 'no recent revision carries a label'
        : undefined,
  'rate-limit-headers': (a) =>
    a === 'yes'
      ? 'the API names its limits: keep --max-requests-per-second below them'
      : 'atoms-metrics paces itself (--max-requests-per-second, default 8) and honours Retry-After on a 429',
  'call-log-metrics': (a) =>
    a === 'map'
      ? "the call logs carry the dispositionMetrics map that stats and the plan's evidence read"
      : a === 'unknown'
        ? "stats and the plan's evidence have no calls to show yet"
        : "stats and the plan's evidence read postCallAnalytics instead of this field",
  'call-log-version': (a) =>
    a === 'both' || a === 'versionId'
      ? 'calls name their revision by versionId, so stats counts only calls on the live head'
      : a === 'unknown'
        ? undefined
        : 'calls carry no versionId: stats cannot tell calls on the live head from older ones',
  'put-merge': (a) =>
    a === 'merge'
      ? 'PUT merges: keys left out are kept; atoms-metrics sends the whole analytics object anyway'
      : a === 'replace'
        ? 'PUT replaces: we always send the whole analytics object, so nothing is lost'
        : undefined,
  'scan-on-analytics-change': (a) =>
    a === 'yes'
      ? 'an analytics-only publish is scanned (202): apply waits for the scan (--security-check-timeout, default 180 s)'
      : a === 'no'
        ? 'an analytics-only publish commits at once (200): apply is live as soon as it publishes'
        : undefined,
  'label-persisted': (a) =>
    a === 'yes'
      ? 'publish keeps the label: history shows the PR that published each revision'
      : a === 'no'
        ? 'publish drops the label: history cannot show which PR published a revision'
        : undefined,
  'put-equal-opens-draft': (a) =>
    a === 'yes'
      ? 'a PUT that changes nothing still opens a draft: atoms-metrics compares with live first and writes nothing when equal'
      : a === 'no'
        ? 'a PUT that changes nothing opens no draft'
        : undefined,
};

/** The ids whose `unknown` still means something for atoms-metrics (on a v2 agent, or for any agent's calls). */
const UNKNOWN_MEANS = new Set(['metrics-location', 'call-log-metrics']);

/** The sentence for a finding; for `unknown` (and anything unforeseen) its evidence stands alone. */
export function meaningOf(finding: Finding): string | undefined {
  if (finding.answer === 'unknown' && !UNKNOWN_MEANS.has(finding.id)) return undefined;
  return MEANINGS[finding.id]?.(finding.answer);
}

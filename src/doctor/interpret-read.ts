/** The read-only findings, from the answers the doctor's reads got. Pure: table-tested over recorded answers. */
import { toRevision } from '../atoms/branch-client.js';
import { isRecord } from '../atoms/wire.js';
import { configsEqual } from '../config/canonical.js';
import { normalizeConfig } from '../config/normalize.js';
import { findAnalyticsInAgentRead } from '../versioning/live-config.js';
import { dataOf, saidBy, type ProbeAnswer } from './probe-client.js';
import { decideLiveBranch, locateMetrics, resolvedConfigOf, revisionOf, type ModelVerdict } from './read-decisions.js';
import type { Finding, LiveBranch, ReadFacts } from './types.js';

const UNKNOWN = 'unknown';
/** The read-only findings only a v2 agent can answer. */
const V2_READ_IDS = [
  'live-branch',
  'live-branch-default',
  'metrics-location',
  'agent-read-follows-live',
  'kept-v1-reads',
  'kept-v1-deprecation',
  'scan-status-values',
  'labels-in-history',
];
const finding = (id: string, answer: string, evidence: string): Finding => ({ id, answer, evidence });
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Rate-limit headers on any answer the doctor got (names in lower case). */
const RATE_LIMIT_HEADER = /^(x-)?ratelimit|^x-rate-limit|^retry-after$/;

export function rateLimitFinding(answers: readonly ProbeAnswer[]): Finding {
  const seen = new Map<string, string>();
  for (const answer of answers)
    for (const [name, value] of Object.entries(answer.headers)) if (RATE_LIMIT_HEADER.test(name)) seen.set(name, value);
  if (seen.size === 0)
    return finding('rate-limit-headers', 'no', `none of ${plural(answers.length, 'answer')} carried one`);
  return finding('rate-limit-headers', 'yes', [...seen].map(([name, value]) => `${name}: ${value}`).join(', '));
}

export function callLogFindings(answer: ProbeAnswer): Finding[] {
  const data = dataOf(answer);
  const logs = isRecord(data) && Array.isArray(data.logs) ? data.logs.filter(isRecord) : undefined;
  if (answer.status !== 200 || logs === undefined) {
    const why = `GET /conversation answered ${saidBy(answer)}`;
    return [finding('call-log-metrics', UNKNOWN, why), finding('call-log-version', UNKNOWN, why)];
  }
  if (logs.length === 0) {
    const why = 'the agent has no calls in the log yet';
    return [finding('call-log-metrics', UNKNOWN, why), finding('call-log-version', UNKNOWN, why)];
  }
  const shapes = logs.map((log) =>
    Array.isArray(log.dispositionMetrics) ? 'list' : isRecord(log.dispositionMetrics) ? 'map' : 'absent',
  );
  const shape = shapes.every((s) => s === shapes[0]) ? (shapes[0] ?? UNKNOWN) : UNKNOWN;
  const withId = logs.filter((log) => typeof log.versionId === 'string' && log.versionId !== '').length;
  const withNumber = logs.filter((log) => typeof log.versionNumber === 'number').length;
  const version =
    withId > 0 && withNumber > 0 ? 'both' : withId > 0 ? 'versionId' : withNumber > 0 ? 'versionNumber' : 'none';
  return [
    finding(
      'call-log-metrics',
      shape,
      shape === UNKNOWN
        ? `the ${logs.length} calls read disagree: ${[...new Set(shapes)].join(', ')}`
        : `dispositionMetrics is ${shape === 'absent' ? 'missing' : `a ${shape}`} on the ${plural(logs.length, 'most recent call')}`,
    ),
    finding(
      'call-log-version',
      version,
      `of ${plural(logs.length, 'call')}, ${withId} carry a versionId and ${withNumber} a numeric versionNumber`,
    ),
  ];
}

function agentReadFinding(
  facts: ReadFacts,
  live: LiveBranch,
  headMetrics: Record<string, unknown> | undefined,
): Finding {
  const id = 'agent-read-follows-live';
  if (facts.agent.status !== 200) return finding(id, UNKNOWN, `GET /agent answered ${saidBy(facts.agent)}`);
  if (headMetrics === undefined)
    return finding(id, UNKNOWN, 'the live head revision could not be read, so there is nothing to compare with');
  const data = dataOf(facts.agent);
  const read = findAnalyticsInAgentRead(isRecord(data) ? data._resolvedConfig : undefined);
  if (!read.found) return finding(id, UNKNOWN, `GET /agent has no ${read.missing}`);
  const active = isRecord(data) && typeof data.activeVersionId === 'string' ? data.activeVersionId : null;
  const equal = configsEqual(read.config, normalizeConfig(headMetrics));
  if (!equal)
    return finding(
      id,
      'no',
      `GET /agent's _resolvedConfig metrics differ from the live head ${live.headRevisionId}'s${active ? ` (it names ${active})` : ''}`,
    );
  if (active !== null && active !== live.headRevisionId)
    return finding(
      id,
      'no',
      `GET /agent names activeVersionId ${active}, not the live head ${live.headRevisionId} (the metrics happen to be equal)`,
    );
  const head = toRevision(revisionOf(facts.headRevision));
  // A migrated revision keeps its v1 number; one published on the branch has none (fact sheet v2 §1.9).
  if (head.versionNumber !== null)
    return finding(
      id,
      UNKNOWN,
      `GET /agent matches the live head, but the head is still the revision from the migration (v1 version ${head.versionNumber}), where following and not following look the same; run doctor again after the next publish`,
    );
  return finding(
    id,
    'yes',
    `GET /agent's _resolvedConfig metrics${active ? ' and activeVersionId' : ''} equal the live head ${live.headRevisionId}, published after the migration`,
  );
}

function keptV1Findings(answer: ProbeAnswer | undefined): Finding[] {
  if (answer === undefined)
    return [
      finding('kept-v1-reads', UNKNOWN, 'no live head revision to read by id'),
      finding('kept-v1-deprecation', UNKNOWN, 'no live head revision to read by id'),
    ];
  const what = `GET /versions/{live head id} answered ${saidBy(answer)}`;
  if (answer.status === 200) {
    const header = answer.headers.deprecation;
    return [
      finding('kept-v1-reads', 'yes', what),
      finding(
        'kept-v1-deprecation',
        header ? 'yes' : 'no',
        header
          ? `Deprecation: ${header}${answer.headers.sunset ? `, Sunset: ${answer.headers.sunset}` : ''}`
          : 'the 200 carries no Deprecation header',
      ),
    ];
  }
  const gone =
    answer.status === 404 || answer.status === 410 || (answer.status === 409 && /migration/.test(saidBy(answer)));
  return [
    finding('kept-v1-reads', gone ? 'no' : UNKNOWN, what),
    finding('kept-v1-deprecation', UNKNOWN, `the kept read did not answer 200 (${answer.status})`),
  ];
}

function historyFindings(answer: ProbeAnswer | undefined): Finding[] {
  const data = dataOf(answer);
  if (answer?.status !== 200 || !isRecord(data) || !Array.isArray(data.revisions)) {
    const why = answer ? `GET …/revisions answered ${saidBy(answer)}` : 'the live branch could not be read';
    return [finding('scan-status-values', UNKNOWN, why), finding('labels-in-history', UNKNOWN, why)];
  }
  const revisions = data.revisions.map(toRevision);
  const statuses = [...new Set(revisions.map((r) => r.securityCheck?.status ?? 'none'))].sort();
  const labelled = revisions.filter((r) => r.label !== null && r.label !== '');
  return [
    finding(
      'scan-status-values',
      statuses.join(',') || 'none',
      `securityCheck.status of the live branch's ${plural(revisions.length, 'most recent revision')} (none = no securityCheck)`,
    ),
    finding(
      'labels-in-history',
      labelled.length > 0 ? 'yes' : 'no',
      `revisions with a label: ${labelled.length} of ${revisions.length}${labelled[0] ? `, e.g. ${JSON.stringify(labelled[0].label?.slice(0, 60))}` : ''}`,
    ),
  ];
}

function v2Findings(facts: ReadFacts): Finding[] {
  const live = decideLiveBranch(facts.branches);
  if ('problem' in live) {
    const why = `no live branch: ${live.problem}`;
    return V2_READ_IDS.map((id) => finding(id, UNKNOWN, why));
  }
  const located =
    facts.headRevision?.status === 200
      ? locateMetrics(resolvedConfigOf(facts.headRevision))
      : {
          missing: facts.headRevision
            ? `the head revision read answered ${saidBy(facts.headRevision)}`
            : 'the head revision was not read',
        };
  const head = 'location' in located ? located.metrics : undefined;
  return [
    finding('live-branch', live.name, `branch ${live.id}, head revision ${live.headRevisionId}`),
    finding(
      'live-branch-default',
      live.isDefault ? 'yes' : 'no',
      `branch ${live.name} has isDefault: ${live.isDefault}`,
    ),
    'location' in located
      ? finding(
          'metrics-location',
          located.location,
          `the live head's resolvedConfig holds dispositionMetrics at ${located.location === 'top-level' ? 'postCallAnalyticsConfig' : located.location}`,
        )
      : finding('metrics-location', UNKNOWN, located.missing),
    agentReadFinding(facts, live, head),
    ...keptV1Findings(facts.keptV1Read),
    ...historyFindings(facts.revisions),
  ];
}

/** The read-only findings for a detected model, in a fixed order. */
export function interpretRead(facts: ReadFacts, verdict: Extract<ModelVerdict, { model: string }>): Finding[] {
  const answers = [
    facts.branches,
    facts.versionsList,
    facts.agent,
    facts.conversations,
    facts.headRevision,
    facts.revisions,
    facts.keptV1Read,
  ].filter((a): a is ProbeAnswer => a !== undefined);
  const model = finding('model', verdict.model, verdict.evidence);
  const common = [rateLimitFinding(answers), ...callLogFindings(facts.conversations)];
  if (verdict.model === 'v1')
    return [
      model,
      ...V2_READ_IDS.map((id) => finding(id, UNKNOWN, 'a v1 agent: a question about the branch model')),
      finding(
        'v1-branches',
        verdict.v1Branches ?? UNKNOWN,
        verdict.v1Branches
          ? `GET /branches: ${verdict.v1Branches === 'absent' ? 'no such route (HTML 404)' : '200 with no branches'}`
          : `GET /branches answered ${saidBy(facts.branches)}`,
      ),
      ...common,
    ];
  return [model, ...v2Findings(facts), ...common];
}

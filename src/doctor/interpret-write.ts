/** The `--write` findings, from the answers the scratch-branch experiment got. Pure: table-tested over recorded answers. */
import { toRevision } from '../atoms/branch-client.js';
import { normalizeConfig } from '../config/normalize.js';
import { saidBy, type ProbeAnswer } from './probe-client.js';
import { locateMetrics, resolvedConfigOf, revisionOf } from './read-decisions.js';
import type { Finding, WriteFacts } from './types.js';
import { PROBE_METRIC } from './probe-metric.js';

const UNKNOWN = 'unknown';

/** Why a finding was not reached: the step the experiment stopped at, or that it never got there. */
function notReached(facts: WriteFacts): string {
  const stop = facts.stop;
  if (!stop) return 'the experiment did not get this far';
  const how =
    stop.kind === 'freeze' ? 'hit a config freeze (423)' : stop.kind === 'interrupted' ? 'was interrupted' : 'failed';
  return `not found out: the step "${stop.step}" ${how}: ${stop.reason}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

function scanFinding(facts: WriteFacts): Finding {
  const id = 'scan-on-analytics-change';
  const publish = facts.publish;
  if (publish === undefined) return { id, answer: UNKNOWN, evidence: notReached(facts) };
  if (publish.status === 200)
    return { id, answer: 'no', evidence: 'publishing an analytics-only change answered 200 committed' };
  if (publish.status !== 202) return { id, answer: UNKNOWN, evidence: `publish answered ${saidBy(publish)}` };
  const scan = facts.scan;
  const waited =
    scan === undefined
      ? ''
      : scan.outcome === 'committed'
        ? `; the head had moved ${seconds(scan.waitedMs)} later (at the ${ordinal(scan.polls)} look, so the scan took at most that)`
        : `; after ${seconds(scan.waitedMs)} the scan ${scan.outcome === 'failed' ? `ended ${scan.status ?? 'failed'}` : scan.outcome === 'timeout' ? 'was still running' : 'was left running (interrupted)'}`;
  return { id, answer: 'yes', evidence: `publishing an analytics-only change answered 202 scanning${waited}` };
}

function headFindings(facts: WriteFacts): Finding[] {
  const read = facts.newHead;
  if (read === undefined || read.status !== 200) {
    const why = read === undefined ? notReached(facts) : `the published head read answered ${saidBy(read)}`;
    return [
      { id: 'put-merge', answer: UNKNOWN, evidence: why },
      { id: 'label-persisted', answer: UNKNOWN, evidence: why },
    ];
  }
  const revision = toRevision(revisionOf(read));
  const label: Finding =
    revision.label === facts.label
      ? {
          id: 'label-persisted',
          answer: 'yes',
          evidence: `the new revision carries the label ${JSON.stringify(facts.label)}`,
        }
      : {
          id: 'label-persisted',
          answer: 'no',
          evidence: `published with label ${JSON.stringify(facts.label)}; the new revision's label is ${JSON.stringify(revision.label)}`,
        };
  const located = locateMetrics(resolvedConfigOf(read));
  if ('missing' in located)
    return [{ id: 'put-merge', answer: UNKNOWN, evidence: `the published head has ${located.missing}` }, label];
  const metrics = normalizeConfig(located.metrics);
  if (!metrics.dispositionMetrics.some((m) => m.identifier === PROBE_METRIC.identifier))
    return [
      {
        id: 'put-merge',
        answer: UNKNOWN,
        evidence: 'the published head lacks the metric the second PUT added: the PUTs did not land as sent',
      },
      label,
    ];
  const raw = located.metrics.useReasoningModel;
  const merge: Finding =
    raw === true
      ? {
          id: 'put-merge',
          answer: 'merge',
          evidence:
            'useReasoningModel, set true by the first PUT and left out of the second, is still true after publishing',
        }
      : {
          id: 'put-merge',
          answer: 'replace',
          evidence: `useReasoningModel, set true by the first PUT and left out of the second, is ${raw === undefined ? 'gone' : JSON.stringify(raw)} after publishing`,
        };
  return [merge, label];
}

function putEqualFinding(facts: WriteFacts): Finding {
  const id = 'put-equal-opens-draft';
  const put = facts.putEqual;
  if (put === undefined) return { id, answer: UNKNOWN, evidence: notReached(facts) };
  if (put.status < 200 || put.status >= 300)
    return { id, answer: UNKNOWN, evidence: `a PUT equal to the head answered ${saidBy(put)}` };
  const draft: ProbeAnswer | undefined = facts.draftAfterEqual;
  if (draft?.status === 200)
    return {
      id,
      answer: 'yes',
      evidence: `a PUT equal to the head answered ${put.status}, and GET …/draft then answered 200 (a draft is open)`,
    };
  if (draft?.status === 404)
    return {
      id,
      answer: 'no',
      evidence: `a PUT equal to the head answered ${put.status}, and GET …/draft then answered 404 (no draft)`,
    };
  return { id, answer: UNKNOWN, evidence: draft ? `GET …/draft answered ${saidBy(draft)}` : notReached(facts) };
}

/** The `--write` findings' ids, in their order. */
export const WRITE_IDS = ['put-merge', 'scan-on-analytics-change', 'label-persisted', 'put-equal-opens-draft'];

/** The four `--write` findings, in a fixed order. */
export function interpretWrite(facts: WriteFacts): Finding[] {
  const [merge, label] = headFindings(facts);
  return [merge, scanFinding(facts), label, putEqualFinding(facts)].filter((f): f is Finding => f !== undefined);
}

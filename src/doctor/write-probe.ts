/**
 * `doctor --write`: the experiment on a scratch branch copied from the live branch. It writes only under that branch
 * (and the one POST that creates it), and archives it whatever happens: a failed step, a 423 freeze, SIGINT/SIGTERM.
 */
import { normalizeConfig } from '../config/normalize.js';
import { isRecord } from '../atoms/wire.js';
import {
  dataOf,
  isSuccess,
  ProbeNetworkError,
  saidBy,
  type Method,
  type ProbeAnswer,
  type ProbeClient,
} from './probe-client.js';
import { PROBE_METRIC } from './probe-metric.js';
import { locateMetrics, resolvedConfigOf } from './read-decisions.js';
import { archiveScratch, createScratch, ExperimentStop, scratchName } from './scratch-branch.js';
import type { LiveBranch, ScanWait, ScratchBranch, WriteFacts } from './types.js';

export interface WriteDeps {
  probe: ProbeClient;
  now: () => number;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Aborted by SIGINT/SIGTERM: the experiment stops at the next step and archives. */
  signal: AbortSignal;
  say: (line: string) => void;
  scanTimeoutMs: number;
  /** Polling a scan: the first wait, doubled up to the last. */
  pollMs: { first: number; max: number };
}

const failedStep = (step: string, answer: ProbeAnswer) =>
  new ExperimentStop({
    step,
    kind: answer.status === 423 ? 'freeze' : 'failed',
    reason: `${answer.method} ${answer.path.replace(/\/agent\/[a-f0-9]{24}/, '/agent/…')} answered ${saidBy(answer)}`,
  });

function checked(step: string, answer: ProbeAnswer): ProbeAnswer {
  if (!isSuccess(answer)) throw failedStep(step, answer);
  return answer;
}

function branchField(
  answer: ProbeAnswer,
  field: 'headRevisionId' | 'sourceBranchId' | 'sourceRevisionId',
): string | null {
  const data = dataOf(answer);
  const branch = isRecord(data) && isRecord(data.branch) ? data.branch : data;
  const value = isRecord(branch) ? branch[field] : undefined;
  return typeof value === 'string' ? value : null;
}

const headOf = (answer: ProbeAnswer): string | null => branchField(answer, 'headRevisionId');

async function waitForScan(
  deps: WriteDeps,
  branchPath: string,
  before: string | null,
  started: number,
): Promise<ScanWait & { head?: string }> {
  let delay = deps.pollMs.first;
  let status: string | null = null;
  for (let polls = 1; ; polls++) {
    const branch = checked('wait for the scan', await deps.probe.request('GET', branchPath));
    const head = headOf(branch);
    if (head !== null && head !== before)
      return { outcome: 'committed', waitedMs: deps.now() - started, polls, status: 'passed', head };
    const detail = dataOf(await deps.probe.request('GET', `${branchPath}/draft`));
    const check =
      isRecord(detail) && isRecord(detail.latest) && isRecord(detail.latest.securityCheck)
        ? detail.latest.securityCheck
        : {};
    status = typeof check.status === 'string' ? check.status.toLowerCase() : status;
    if (status === 'failed' || status === 'errored')
      return { outcome: 'failed', waitedMs: deps.now() - started, polls, status };
    if (deps.now() - started >= deps.scanTimeoutMs)
      return { outcome: 'timeout', waitedMs: deps.now() - started, polls, status };
    await deps.sleep(delay, deps.signal);
    if (deps.signal.aborted) return { outcome: 'interrupted', waitedMs: deps.now() - started, polls, status };
    delay = Math.min(deps.pollMs.max, delay * 2);
  }
}

async function experiment(
  agentId: string,
  scratch: ScratchBranch,
  headAtCreation: string | null,
  facts: WriteFacts,
  deps: WriteDeps,
): Promise<void> {
  const branchPath = `/agent/${agentId}/branches/${scratch.id ?? ''}`;
  /** One step: not started after an interrupt; no answer ends the experiment like a failed status does. */
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    if (deps.signal.aborted)
      throw new ExperimentStop({
        step: name,
        kind: 'interrupted',
        reason: 'interrupted (SIGINT/SIGTERM) before this step',
      });
    try {
      return await run();
    } catch (error) {
      if (error instanceof ProbeNetworkError)
        throw new ExperimentStop({ step: name, kind: 'failed', reason: error.message });
      throw error;
    }
  };
  /** A step of one request that must succeed. */
  const ask = (name: string, method: Method, path: string, body?: unknown) =>
    step(name, async () => checked(name, await deps.probe.request(method, path, body === undefined ? {} : { body })));
  const readBranch = () => ask('read the scratch branch', 'GET', branchPath);
  const branchRead = headAtCreation === null ? await readBranch() : undefined;
  const head = headAtCreation ?? (branchRead ? headOf(branchRead) : null);
  // A new branch has no head until its first commit (fact sheet v2 §1.2): its base is the revision it was made from,
  // read on the branch that holds it (a revision read names its own branch).
  const sourceBranch = branchRead ? branchField(branchRead, 'sourceBranchId') : null;
  const sourceRevision = branchRead ? branchField(branchRead, 'sourceRevisionId') : null;
  const basePath =
    head === null && sourceBranch && sourceRevision
      ? `/agent/${agentId}/branches/${sourceBranch}/revisions/${sourceRevision}`
      : `${branchPath}/revisions/${head ?? ''}`;
  const baseRead = await ask('read the scratch head', 'GET', basePath);
  const located = locateMetrics(resolvedConfigOf(baseRead));
  if ('missing' in located)
    throw new ExperimentStop({
      step: 'read the scratch head',
      kind: 'failed',
      reason: `the scratch head has ${located.missing}`,
    });
  const base = normalizeConfig(located.metrics);
  deps.say(`writing on scratch branch ${scratch.name}: two PUTs, one publish`);
  // PUT 1 sets a flag every later read can see; PUT 2 leaves it out. If it survives, the PUT merged (fact sheet v2 §6.1).
  facts.putFull = await ask('PUT the whole analytics object', 'PUT', `${branchPath}/draft`, {
    postCallAnalyticsConfig: { ...base, useReasoningModel: true },
  });
  const metrics = [...base.dispositionMetrics.filter((m) => m.identifier !== PROBE_METRIC.identifier), PROBE_METRIC];
  facts.putPartial = await ask('PUT part of the analytics object', 'PUT', `${branchPath}/draft`, {
    postCallAnalyticsConfig: { dispositionMetrics: metrics },
  });
  const started = deps.now();
  const publish = await ask('publish', 'POST', `${branchPath}/draft/publish`, { label: facts.label });
  facts.publish = publish;
  let newHead: string | null;
  if (publish.status === 202) {
    deps.say('the publish is being scanned (202); waiting for the head to move');
    const waited = await step('wait for the scan', () => waitForScan(deps, branchPath, head, started));
    facts.scan = { outcome: waited.outcome, waitedMs: waited.waitedMs, polls: waited.polls, status: waited.status };
    if (waited.outcome === 'interrupted')
      throw new ExperimentStop({
        step: 'wait for the scan',
        kind: 'interrupted',
        reason: 'interrupted (SIGINT/SIGTERM) while the scan ran',
      });
    if (waited.outcome !== 'committed')
      throw new ExperimentStop({
        step: 'wait for the scan',
        kind: 'failed',
        reason:
          waited.outcome === 'failed'
            ? `the scan ended ${waited.status ?? 'failed'}`
            : `no commit within ${Math.round(deps.scanTimeoutMs / 1000)} s`,
      });
    newHead = waited.head ?? null;
  } else {
    const data = dataOf(publish);
    newHead =
      isRecord(data) && isRecord(data.revision) && typeof data.revision._id === 'string'
        ? data.revision._id
        : headOf(await readBranch());
  }
  facts.newHead = await ask('read the published head', 'GET', `${branchPath}/revisions/${newHead ?? ''}`);
  const published = locateMetrics(resolvedConfigOf(facts.newHead));
  if ('missing' in published) return;
  // A PUT equal to the head, then: is a draft open (fact sheet v2 §6.9)? Any answer but a freeze is a finding.
  facts.putEqual = await step('PUT a copy of the head', () =>
    deps.probe.request('PUT', `${branchPath}/draft`, { body: { postCallAnalyticsConfig: published.metrics } }),
  );
  if (facts.putEqual.status === 423) throw failedStep('PUT a copy of the head', facts.putEqual);
  if (!isSuccess(facts.putEqual)) return;
  facts.draftAfterEqual = await step('read the draft', () => deps.probe.request('GET', `${branchPath}/draft`));
  if (facts.draftAfterEqual.status === 200)
    await step('discard the draft', () => deps.probe.request('DELETE', `${branchPath}/draft`));
}

/** Runs the experiment; the scratch branch ends archived (or `scratch.problem` says why not). */
export async function runScratchExperiment(
  agentId: string,
  live: LiveBranch,
  deps: WriteDeps,
): Promise<{ facts: WriteFacts; scratch: ScratchBranch }> {
  const now = deps.now();
  const scratch: ScratchBranch = { name: scratchName(now), id: null, archived: false };
  const facts: WriteFacts = { label: `atoms-metrics doctor ${new Date(now).toISOString()}` };
  try {
    if (deps.signal.aborted)
      throw new ExperimentStop({
        step: 'create the scratch branch',
        kind: 'interrupted',
        reason: 'interrupted (SIGINT/SIGTERM) before anything was written',
      });
    const created = await createScratch(deps.probe, agentId, live.id, scratch);
    deps.say(`created scratch branch ${scratch.name} (${scratch.id ?? '?'}) from live branch ${live.name}`);
    await experiment(agentId, scratch, created.headRevisionId, facts, deps);
  } catch (error) {
    if (!(error instanceof ExperimentStop)) throw error;
    facts.stop = error.stop;
  } finally {
    await archiveScratch(deps.probe, agentId, scratch, (ms) => deps.sleep(ms));
    if (scratch.id !== null)
      deps.say(
        scratch.archived
          ? `archived scratch branch ${scratch.name}`
          : `could not archive scratch branch ${scratch.name} (${scratch.id}): ${scratch.problem ?? 'no reason given'}`,
      );
  }
  return { facts, scratch };
}

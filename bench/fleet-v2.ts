// Branch model (v2): requests per agent for plan and apply, and a 50-agent apply with a 6 s scan against the same
// flow run one agent at a time — all against the emulator with simulated latency.
import { applyAll } from '../src/apply/apply-all.js';
import { AtomsClient } from '../src/atoms/client.js';
import { buildPlan } from '../src/plan/run-plan.js';
import { desired, fleet, time } from './fleet-lib.js';

const SCAN_MS = 6000;
const fleetOf = (count: number, securityCheckMs: number) => fleet('v2', count, securityCheckMs);

const isPoll = (r: { method: string; path: string }) =>
  r.method === 'GET' && /\/branches\/[a-f0-9]{24}(\/draft)?$/.test(r.path);

/** The documented v2 flow for one agent, as a person would script it: read, PUT, publish, poll the branch every 2 s, read back. */
async function documentedFlow(api: AtomsClient, agentId: string) {
  const live = (await api.branches.listBranches(agentId)).find((b) => b.isLive);
  if (!live?.headRevisionId) throw new Error('no live branch');
  await api.branches.getRevision(agentId, live.branchId, live.headRevisionId);
  await api.branches.putDraft(agentId, live.branchId, { postCallAnalyticsConfig: desired });
  await api.branches.publishDraft(agentId, live.branchId, { label: 'bench' });
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    const now = await api.branches.getBranch(agentId, live.branchId);
    if (now.headRevisionId !== live.headRevisionId && now.headRevisionId) {
      await api.branches.getRevision(agentId, live.branchId, now.headRevisionId);
      return;
    }
  }
}

export async function benchFleetV2() {
  const rows: Record<string, string>[] = [];
  {
    const { emu, ids } = await fleetOf(200, 0);
    const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    await buildPlan({
      targets: ids.map((agentId) => ({ agentId, file: 'f', desired })),
      diagnostics: [],
      files: [],
      api,
      concurrency: 16,
    });
    rows.push({
      benchmark: 'v2-5a. requests per agent, plan (auto-detection included)',
      'median ms': (emu.requests.length / ids.length).toFixed(2),
      'baseline ms': '—',
      ratio: '—',
      target: '≤ 2',
    });
    await emu.close();
  }
  // The sequential baseline runs 10 agents and is scaled to 50: one agent's flow costs the same whatever comes after it.
  const SAMPLE = 10;
  let sequentialPerAgent: number;
  {
    const { emu, ids } = await fleetOf(SAMPLE, SCAN_MS);
    const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const [ms] = await time(async () => {
      for (const agentId of ids) await documentedFlow(api, agentId);
    });
    sequentialPerAgent = ms / SAMPLE;
    await emu.close();
  }
  {
    const { emu, ids } = await fleetOf(50, SCAN_MS);
    const api = new AtomsClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const [ms, results] = await time(() =>
      applyAll(
        ids.map((agentId) => ({
          agentId,
          file: 'f',
          desired,
          commitSha: 'bench',
          label: 'bench',
          description: 'bench',
        })),
        {
          api,
          sleep: (t) => new Promise((r) => setTimeout(r, t)),
          now: Date.now,
          log: () => {},
          securityCheckTimeoutMs: 60_000,
          onLiveChanged: 'apply',
          concurrency: 50,
        },
      ),
    );
    if (results.some((r) => r.status !== 'applied'))
      throw new Error(`bench v2 apply failed: ${results.find((r) => r.error)?.error}`);
    // The pre-publish check reads the branch and the draft once per agent; every other such read is the wait loop.
    // Outside it: branches, head revision, PUT, branch + draft + the draft's diff, publish, and after it the new revision,
    // its diff from the old head and the branch list (what is live now, and that it is exactly the file) = 10.
    const polls = emu.requests.filter(isPoll).length - 2 * ids.length;
    const baseline = sequentialPerAgent * 50;
    rows.push({
      benchmark: `v2-4. apply 50 agents, ${SCAN_MS / 1000} s scan, limiter off vs the documented flow one agent at a time (${SAMPLE} measured, ×5)`,
      'median ms': ms.toFixed(0),
      'baseline ms': baseline.toFixed(0),
      ratio: `${(ms / baseline).toFixed(3)}×`,
      target: '≤ 0.15×',
    });
    rows.push({
      benchmark: 'v2-5b. requests per changed agent, apply (auto-detection included; wait-loop reads apart)',
      'median ms': ((emu.requests.length - polls) / 50).toFixed(2),
      'baseline ms': '—',
      ratio: `${(polls / 50).toFixed(2)} wait-loop reads`,
      target: '≤ 10 + polls',
    });
    await emu.close();
  }
  return rows;
}

/** `atoms-metrics demo` (npm run demo): the whole story against the built-in emulator, no key and no network needed. */
import { existsSync } from 'node:fs';
import { applyAll } from '../apply/apply-all.js';
import { AtomsClient } from '../atoms/client.js';
import { normalizeConfig } from '../config/normalize.js';
import { loadSeedFile, startEmulator } from '../emulator/index.js';
import { applyBreakingGate } from '../plan/gate.js';
import { planHeader } from '../plan/header.js';
import { renderPlanMarkdown } from '../plan/render-markdown.js';
import { renderPlanTerminal } from '../plan/render-terminal.js';
import { buildPlan, planTargets } from '../plan/run-plan.js';
import { formatResults } from './apply-command.js';
import type { CliIo } from './io.js';
import { loadTargets, printDiagnostics } from './load-targets.js';

const SEED = 'examples/emulator-seed.json';
const FILES = 'examples/metrics';

export async function runDemoCommand(io: CliIo): Promise<number> {
  if (!existsSync(SEED) || !existsSync(FILES)) {
    io.stderr(`atoms-metrics demo: run it from the repository root (it reads ${SEED} and ${FILES}/).\n`);
    return 2;
  }
  const heading = (text: string) => io.stdout(`\n${io.isTTY ? '\u001b[1m' : ''}━━ ${text}${io.isTTY ? '\u001b[0m' : ''}\n\n`);
  const emulator = await startEmulator({ seed: await loadSeedFile(SEED), securityCheckMs: 2000 });
  try {
    heading(`Emulator on ${emulator.url} — agent seeded with the documentation's four example metrics`);
    const api = new AtomsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    const loaded = await loadTargets([FILES], { disabledRules: [], strict: false }, io);
    printDiagnostics(loaded.diagnostics, io);
    if (loaded.hasErrors) return 1;
    const targets = planTargets(loaded.files);
    for (const { agentId } of targets) {
      const agent = await api.getAgent(agentId);
      io.stdout(`${agentId}: live version ${agent.activeVersionId}, metrics ${normalizeConfig(agent.postCallAnalyticsConfig).dispositionMetrics.map((m) => m.identifier).join(', ')}\n`);
    }

    heading(`1. Plan (pull request): the sticky comment the action would post for ${FILES}/`);
    const built = await buildPlan({ targets, diagnostics: loaded.diagnostics, files: loaded.paths, api, concurrency: 4 });
    const { plan, gate } = applyBreakingGate(built, { allowBreaking: false, breakingLabel: 'allow-breaking-metrics', labels: ['allow-breaking-metrics'] });
    io.stdout(renderPlanMarkdown(plan, { maxChars: 65_000, scope: { workflow: 'metrics', job: 'metrics' }, header: planHeader(plan, 'demo'), gate, breakingLabel: 'allow-breaking-metrics', actionVersion: 'demo' }));
    io.stdout('\n(The removal of `summary` is breaking; in this demo the PR carries the allow-breaking-metrics label.)\n');

    heading('2. Apply (merge): draft → patch → publish → wait for the security check → activate → verify');
    const results = await applyAll(
      targets.map((t) => ({ ...t, commitSha: 'demo000', label: 'Demo: update support-agent metrics (#1)', description: 'Applied by npm run demo', reviewed: { liveVersionId: plan.agents.find((a) => a.agentId === t.agentId)?.liveVersionId ?? null } })),
      { api, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)), now: Date.now, log: (line) => io.stdout(`  ${line}\n`), securityCheckTimeoutMs: 60_000, onLiveChanged: 'fail', concurrency: 4, pollStartMs: 1000 },
    );
    io.stdout(`\n${formatResults(results)}`);

    heading('3. The new active version');
    for (const { agentId } of targets) {
      const agent = await api.getAgent(agentId);
      const { versions } = await api.listVersions(agentId);
      const active = versions.find((v) => v.isActive);
      io.stdout(`${agentId}: active version ${active?.versionNumber ?? '?'} (${agent.activeVersionId}), label "${active?.label ?? ''}"\n`);
      for (const m of normalizeConfig(agent.postCallAnalyticsConfig).dispositionMetrics) io.stdout(`  - ${m.identifier} (${m.dispositionMetricType}${m.choices ? `: ${m.choices.join(', ')}` : ''})\n`);
    }

    heading('4. Plan again');
    const again = await buildPlan({ targets, diagnostics: [], files: loaded.paths, api, concurrency: 4 });
    io.stdout(renderPlanTerminal(again, { color: io.isTTY }));
    const ok = results.every((r) => r.status !== 'failed') && again.agents.every((a) => a.status === 'unchanged');
    io.stdout(`\n${ok ? 'Demo finished: one new version, activated after its security check passed; nothing left to change.' : 'Demo finished with problems (see above).'}\n`);
    return ok ? 0 : 1;
  } finally {
    await emulator.close();
  }
}

/** `atoms-metrics demo` (npm run demo): the whole story against the built-in emulator, no key and no network needed. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyAll } from '../apply/apply-all.js';
import { AtomsClient } from '../atoms/client.js';
import { loadSeedFile, startEmulator } from '../emulator/index.js';
import { addPlanInsights } from '../insights/plan-insights.js';
import { DEFAULT_WINDOW } from '../insights/types.js';
import { applyBreakingGate } from '../plan/gate.js';
import { planHeader } from '../plan/header.js';
import { renderPlanMarkdown } from '../plan/render-markdown.js';
import { renderPlanTerminal } from '../plan/render-terminal.js';
import { buildPlan, planTargets } from '../plan/run-plan.js';
import { createModelResolver } from '../versioning/resolve.js';
import { formatResults } from './apply-command.js';
import { renderHistory } from './history-command.js';
import type { CliIo } from './io.js';
import { loadTargets, printDiagnostics } from './load-targets.js';
import { EXAMPLE_METRICS as FILES, EXAMPLE_SEED as SEED, findPackageRoot } from './package-files.js';

/** What a reader of the pull request sees: GitHub hides HTML comments (our marker and plan header). */
export function asGitHubShowsIt(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?-->\n?/g, '');
}

export async function runDemoCommand(
  io: CliIo,
  options: { versioning: 'v1' | 'v2' } = { versioning: 'v2' },
): Promise<number> {
  // The example files ship in the package: the demo reads them there, whichever directory it runs in.
  const root = findPackageRoot();
  if (root === undefined || !existsSync(join(root, SEED)) || !existsSync(join(root, FILES))) {
    io.stderr(`atoms-metrics demo: this installation lacks ${SEED} and ${FILES}/ (reinstall the package).\n`);
    return 2;
  }
  const v2 = options.versioning === 'v2';
  const heading = (text: string) =>
    io.stdout(`\n${io.isTTY ? '\u001b[1m' : ''}━━ ${text}${io.isTTY ? '\u001b[0m' : ''}\n\n`);
  const seed = await loadSeedFile(join(root, SEED), SEED);
  const emulator = await startEmulator({
    seed: { ...seed, options: { ...seed.options, versioning: options.versioning } },
    securityCheckMs: 2000,
    callsSeed: 14,
  });
  try {
    heading(
      `Emulator on ${emulator.url} (${v2 ? 'v2 branch model, as production runs it' : 'v1 drafts and versions'}) — an agent with the documentation's four example metrics`,
    );
    const api = new AtomsClient({ apiKey: emulator.apiKey, baseUrl: emulator.url });
    const models = createModelResolver(api, 'auto');
    // Paths relative to the package, so the comment names examples/metrics/… wherever the package is installed.
    const loaded = await loadTargets([FILES], { disabledRules: [], strict: false }, { ...io, cwd: root });
    printDiagnostics(loaded.diagnostics, io);
    if (loaded.hasErrors) return 1;
    const targets = planTargets(loaded.files);
    for (const { agentId } of targets) {
      const live = await (await models.forAgent(agentId)).readLive(agentId);
      io.stdout(
        `${agentId}: detected the ${live.model} model; live is ${live.label}; metrics ${live.config.dispositionMetrics.map((m) => m.identifier).join(', ')}\n`,
      );
    }

    heading(`1. Plan (pull request): the sticky comment the action would post for ${FILES}/, as GitHub shows it`);
    // Recent calls (600 synthetic ones from the emulator's seed 14) put numbers on each change: the blast radius.
    const built = await addPlanInsights(
      await buildPlan({ targets, diagnostics: loaded.diagnostics, files: loaded.paths, api, models, concurrency: 4 }),
      { api, window: DEFAULT_WINDOW, now: Date.now(), concurrency: 4 },
    );
    const { plan, gate } = applyBreakingGate(built, {
      allowBreaking: false,
      breakingLabel: 'allow-breaking-metrics',
      labels: ['allow-breaking-metrics'],
    });
    io.stdout(
      asGitHubShowsIt(
        renderPlanMarkdown(plan, {
          maxChars: 65_000,
          scope: { workflow: 'metrics', job: 'metrics' },
          header: planHeader(plan, 'demo'),
          gate,
          breakingLabel: 'allow-breaking-metrics',
          actionVersion: 'demo',
        }),
      ),
    );
    io.stdout(
      '\n(The removal of `summary` is breaking; in this demo the PR carries the allow-breaking-metrics label.)\n',
    );

    heading(
      v2
        ? "2. Apply (merge): write the live branch's draft → publish → the platform scans it → live → verify"
        : '2. Apply (merge): draft → patch → publish → wait for the security check → activate → verify',
    );
    const results = await applyAll(
      targets.map((t) => ({
        ...t,
        commitSha: 'demo000',
        label: 'Demo: update support-agent metrics (#1)',
        description: 'Applied by npm run demo',
        reviewed: { liveVersionId: plan.agents.find((a) => a.agentId === t.agentId)?.liveVersionId ?? null },
      })),
      {
        api,
        models,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        now: Date.now,
        log: (line) => io.stdout(`  ${line}\n`),
        securityCheckTimeoutMs: 60_000,
        onLiveChanged: 'fail',
        concurrency: 4,
        pollStartMs: 1000,
      },
    );
    io.stdout(`\n${formatResults(results)}`);

    heading(
      v2 ? '3. History of the live branch (atoms-metrics history)' : "3. The agent's versions (atoms-metrics history)",
    );
    for (const { agentId } of targets)
      io.stdout(renderHistory(await (await models.forAgent(agentId)).history(agentId, 5)));

    heading('4. Plan again');
    const again = await buildPlan({ targets, diagnostics: [], files: loaded.paths, api, models, concurrency: 4 });
    io.stdout(renderPlanTerminal(again, { color: io.isTTY }));
    const ok = results.every((r) => r.status !== 'failed') && again.agents.every((a) => a.status === 'unchanged');
    const story = v2
      ? 'one new revision on the live branch, live once its security scan passed'
      : 'one new version, activated after its security check passed';
    io.stdout(
      `\n${ok ? `Demo finished: ${story}; nothing left to change.` : 'Demo finished with problems (see above).'}\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await emulator.close();
  }
}

/** `atoms-metrics init [agentId…]`: a new project's metrics directory and workflow, and its agents' metrics. */
import { AtomsClient } from '../atoms/client.js';
import { createRateLimiter } from '../fleet/rate-limiter.js';
import { initProject, WORKFLOW_PATH } from '../init/init.js';
import type { CliIo } from './io.js';
import { requireApiKey } from './load-targets.js';

export async function runInitCommand(
  command: {
    agentIds: string[];
    outDir: string;
    branch: string | undefined;
    format: 'yaml' | 'json';
    apiUrl: string;
    force: boolean;
  },
  io: CliIo,
): Promise<number> {
  // Checked before anything is written, so a missing key does not leave half a project behind.
  const api =
    command.agentIds.length > 0
      ? new AtomsClient({
          apiKey: requireApiKey(io),
          baseUrl: command.apiUrl,
          limiter: createRateLimiter({ requestsPerSecond: 8 }),
        })
      : undefined;
  const steps = await initProject({
    cwd: io.cwd,
    metricsDir: command.outDir,
    branch: command.branch,
    force: command.force,
    format: command.format,
    agentIds: command.agentIds,
    api,
  });
  for (const step of steps) (step.ok ? io.stdout : io.stderr)(`${step.ok ? '✓' : '✗'} ${step.message}\n`);
  const dir = command.outDir.replace(/\/+$/, '');
  io.stdout(
    [
      '',
      'Next:',
      ...(command.agentIds.length === 0
        ? [`  - add a file per agent: SMALLEST_API_KEY=sk_… atoms-metrics pull <agentId> --out ${dir}`]
        : []),
      `  - check the files: atoms-metrics validate ${dir}`,
      '  - add the repository secret SMALLEST_API_KEY (Settings → Secrets and variables → Actions)',
      `  - commit ${dir}/ and ${WORKFLOW_PATH}, open a pull request, and read the plan comment`,
      "  - make the workflow's plan job a required check; give the apply job's environment (atoms-metrics) reviewers if merges should wait for an approval",
      '',
    ].join('\n'),
  );
  return steps.every((step) => step.ok) ? 0 : 1;
}

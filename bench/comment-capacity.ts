// Benchmark 6: how many agents one plan comment can carry with its header (the apply's reviewed-plan check).
import { randomBytes } from 'node:crypto';
import { hashConfig } from '../src/config/canonical.js';
import { normalizeConfig } from '../src/config/normalize.js';
import { diffConfigs } from '../src/plan/diff.js';
import { applyBreakingGate } from '../src/plan/gate.js';
import { planHeader } from '../src/plan/header.js';
import { findHeader } from '../src/plan/marker.js';
import { renderPlanMarkdown } from '../src/plan/render-markdown.js';

const live = normalizeConfig({
  dispositionMetrics: [
    {
      identifier: 'call_resolved',
      dispositionMetricType: 'BOOLEAN',
      dispositionMetricPrompt: 'Was the issue resolved?',
    },
  ],
});
const desired = normalizeConfig({
  dispositionMetrics: [
    {
      identifier: 'call_resolved',
      dispositionMetricType: 'BOOLEAN',
      dispositionMetricPrompt: 'Was the customer issue resolved?',
    },
  ],
});

/** Whether a plan of `count` changed agents (random ids, as in life) renders under the cap with its header. */
function headerFits(count: number): boolean {
  const agents = Array.from({ length: count }, (_, i) => ({
    agentId: randomBytes(12).toString('hex'),
    file: `metrics/agent-${i}.yaml`,
    status: 'changed' as const,
    liveVersionId: randomBytes(12).toString('hex'),
    desiredHash: hashConfig(desired),
    diff: diffConfigs(live, desired),
  }));
  const { plan, gate } = applyBreakingGate(
    { agents, diagnostics: [], files: [] },
    { allowBreaking: false, breakingLabel: 'allow-breaking-metrics', labels: [] },
  );
  const text = renderPlanMarkdown(plan, {
    maxChars: 65_000,
    scope: { workflow: 'metrics', job: 'plan' },
    header: planHeader(plan, '0.1.0'),
    gate,
    breakingLabel: 'allow-breaking-metrics',
    actionVersion: '0.1.0',
  });
  return findHeader(text)?.agents.length === count;
}

export function benchCommentCapacity() {
  let fits = 1;
  let fails = 10_000;
  while (fails - fits > 10) {
    const middle = Math.floor((fits + fails) / 2);
    if (headerFits(middle)) fits = middle;
    else fails = middle;
  }
  return {
    benchmark: '6. plan comment: most agents whose header still fits (65,000 characters)',
    'median ms': '—',
    'baseline ms': '—',
    ratio: `${fits} agents`,
    target: '—',
  };
}

/** `mode: rollback` (a workflow_dispatch "undo" button): make the previous (or `to`) version or revision live again. */
import * as core from '@actions/core';
import { diffConfigs } from '../plan/diff.js';
import { inertForLog, inertInlineCode, inertText } from '../report/inert.js';
import { nameVersion, type RollbackResult } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { OUTPUT_NAMES } from './contract.js';
import type { Inputs } from './inputs.js';
import { createAtomsClient } from './plan-step.js';
import { appendJobSummary } from './summary.js';
import type { ValidationOutcome } from './validate-step.js';

/** One section per agent: what went back, from which to which, and the metrics that changed. */
export function renderRollbackSummary(results: readonly RollbackResult[]): string {
  const lines = ['## atoms-metrics rollback', ''];
  for (const r of results) {
    const head = inertInlineCode(r.agentId);
    if (r.status === 'rolled-back' && r.from && r.to) {
      const diff = diffConfigs(r.from.config, r.to.config);
      const changed = diff.metrics.map((m) => `${m.kind} ${inertInlineCode(m.identifier)}`).join(', ') || 'no metric changes';
      lines.push(`- ✅ ${head}: ${inertText(nameVersion(r.model, r.from.number, r.from.id))} → ${inertText(nameVersion(r.model, r.to.number, r.to.id))}, now live as ${inertText(nameVersion(r.model, r.liveNumber ?? null, r.liveId ?? null))} (${changed})`);
    } else lines.push(`- ❌ ${head}: ${inertText(r.message ?? 'failed')}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runRollbackStep(step: { inputs: Inputs; validation: ValidationOutcome }): Promise<void> {
  const { inputs, validation } = step;
  if (inputs.apiKey === '') {
    core.setFailed("Mode rollback needs the 'api-key' input (the Atoms API key, from a secret).");
    return;
  }
  const agentIds = inputs.agentId !== '' ? [inputs.agentId] : [...new Set(validation.files.flatMap((f) => f.agentIds))];
  if (agentIds.length === 0) {
    core.setFailed('Mode rollback found no agent: set agent-id, or point config at the metrics file of the agent to roll back.');
    return;
  }
  if (inputs.rollbackTo !== undefined && agentIds.length > 1) {
    core.setFailed(`Input 'to' names one version number, but ${agentIds.length} agents were selected; set agent-id (or config) to one agent.`);
    return;
  }
  const api = createAtomsClient(inputs);
  const models = createModelResolver(api, inputs.versioning);
  const deps = { api, sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)), now: Date.now, log: (line: string) => core.info(inertForLog(line)), securityCheckTimeoutMs: inputs.securityCheckTimeoutMs, onLiveChanged: 'fail' as const };
  const results: RollbackResult[] = [];
  for (const agentId of agentIds) results.push(await (await models.forAgent(agentId)).rollback({ agentId, to: inputs.rollbackTo, execute: true }, deps));
  await appendJobSummary(renderRollbackSummary(results));
  core.setOutput(OUTPUT_NAMES.rolledBack, JSON.stringify(Object.fromEntries(results.filter((r) => r.status === 'rolled-back').map((r) => [r.agentId, r.liveId]))));
  const failed = results.filter((r) => r.status !== 'rolled-back');
  if (failed.length > 0) core.setFailed(`Rollback failed for ${failed.length} of ${results.length} agent(s):\n${failed.map((r) => `- ${r.agentId}: ${r.message ?? 'failed'}`).join('\n')}`);
  else core.info(`Rolled back ${results.length} agent(s); the files in git still hold the newer metrics, so revert them too or the next apply re-publishes them.`);
}

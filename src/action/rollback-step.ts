/** `mode: rollback` (a workflow_dispatch "undo" button): put the metrics of the previous (or `to`) version back live, or with rollback-scope: whole the whole of it. */
import * as core from '@actions/core';
import { diffConfigs } from '../plan/diff.js';
import { inertForLog, inertInlineCode, inertText, inertTextWithCode } from '../report/inert.js';
import { describeScope, explainChecks, explainOtherSections, explainRepository } from '../rollback/explain.js';
import { nameVersion, type RollbackResult } from '../versioning/model.js';
import { createModelResolver } from '../versioning/resolve.js';
import { OUTPUT_NAMES } from './contract.js';
import type { Inputs } from './inputs.js';
import { createAtomsClient } from './plan-step.js';
import { appendJobSummary } from './summary.js';
import type { ValidationOutcome } from './validate-step.js';

const OK: readonly RollbackResult['status'][] = ['rolled-back', 'unchanged'];

/** One section per agent: what went back, from which to which, the other sections, the checks, and what the repository must change. */
export function renderRollbackSummary(results: readonly RollbackResult[]): string {
  const lines = ['## atoms-metrics rollback', ''];
  for (const r of results) {
    const head = inertInlineCode(r.agentId);
    if (r.from && r.to) {
      const diff = diffConfigs(r.from.config, r.to.config);
      const changed =
        diff.metrics.map((m) => `${m.kind} ${inertInlineCode(m.identifier)}`).join(', ') || 'no metric changes';
      const mark = r.status === 'rolled-back' ? '✅' : r.status === 'unchanged' ? '➖' : '❌';
      const outcome =
        r.status === 'rolled-back'
          ? `Now live as ${inertText(nameVersion(r.model, r.liveNumber ?? null, r.liveId ?? null))}`
          : r.status === 'unchanged'
            ? 'Live already holds these metrics; nothing was published'
            : inertText(r.message ?? 'failed');
      lines.push(
        `### ${mark} ${head}: ${inertText(r.from.name)} → ${inertText(r.to.name)}`,
        '',
        `Metrics: ${changed}. ${outcome}.`,
        '',
      );
      const more = [...explainOtherSections(r, { wholeFlag: 'rollback-scope: whole' }), describeScope(r)];
      lines.push(
        ...more
          .map((line) => (line.startsWith('  ') ? `  - ${inertText(line.trim())}` : inertText(line)))
          .map((line) => `${line}  `),
        '',
      );
      const checks = explainChecks(r, { listBreaking: true }).filter((line) => !line.startsWith('Would be refused'));
      if (checks.length > 0)
        lines.push(
          ...checks.map((line) =>
            line.startsWith('⚠️')
              ? `> **${inertText(line)}**`
              : line.startsWith('  ')
                ? `  - ${inertText(line.replace(/^\s*-\s*/, ''))}`
                : inertText(line),
          ),
          '',
        );
      const after = explainRepository(r);
      if (after) lines.push(`**The repository must change:** ${inertTextWithCode(after)}`, '');
    } else lines.push(`- ❌ ${head}: ${inertText(r.message ?? 'failed')}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runRollbackStep(step: {
  inputs: Inputs;
  validation: ValidationOutcome;
  labels: readonly string[];
}): Promise<void> {
  const { inputs, validation } = step;
  if (inputs.apiKey === '') {
    core.setFailed("Mode rollback needs the 'api-key' input (the Atoms API key, from a secret).");
    return;
  }
  const agentIds = inputs.agentId !== '' ? [inputs.agentId] : [...new Set(validation.files.flatMap((f) => f.agentIds))];
  if (agentIds.length === 0) {
    core.setFailed(
      'Mode rollback found no agent: set agent-id, or point config at the metrics file of the agent to roll back.',
    );
    return;
  }
  if (inputs.rollbackTo !== undefined && agentIds.length > 1) {
    core.setFailed(
      `Input 'to' names one version number, but ${agentIds.length} agents were selected; set agent-id (or config) to one agent.`,
    );
    return;
  }
  const api = createAtomsClient(inputs);
  const models = createModelResolver(api, inputs.versioning);
  const deps = {
    api,
    sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    now: Date.now,
    log: (line: string) => core.info(inertForLog(line)),
    securityCheckTimeoutMs: inputs.securityCheckTimeoutMs,
    onLiveChanged: 'fail' as const,
  };
  const request = {
    to: inputs.rollbackTo,
    execute: true,
    scope: inputs.rollbackScope,
    allowInvalid: inputs.allowInvalid,
    allowBreaking: inputs.allowBreaking || step.labels.includes(inputs.breakingLabel),
    overrideNames: {
      allowInvalid: "the input 'allow-invalid: true'",
      allowBreaking: `the input 'allow-breaking: true' (or the '${inputs.breakingLabel}' label)`,
    },
  };
  const results: RollbackResult[] = [];
  for (const agentId of agentIds)
    results.push(await (await models.forAgent(agentId)).rollback({ agentId, ...request }, deps));
  await appendJobSummary(renderRollbackSummary(results));
  for (const r of results)
    for (const warning of r.warnings ?? []) core.warning(inertForLog(`${r.agentId}: ${warning}`));
  core.setOutput(
    OUTPUT_NAMES.rolledBack,
    JSON.stringify(
      Object.fromEntries(results.filter((r) => r.status === 'rolled-back').map((r) => [r.agentId, r.liveId])),
    ),
  );
  const failed = results.filter((r) => !OK.includes(r.status));
  if (failed.length > 0)
    core.setFailed(
      inertForLog(
        `Rollback failed for ${failed.length} of ${results.length} agent(s):\n${failed.map((r) => `- ${r.agentId}: ${r.message ?? 'failed'}`).join('\n')}`,
      ),
    );
  else if (results.some((r) => r.status === 'rolled-back'))
    core.info(
      'Rolled back. The files in git still hold the newer metrics: adopt live with atoms-metrics pull, or revert the pull request, or the next apply re-publishes them (see the job summary).',
    );
}

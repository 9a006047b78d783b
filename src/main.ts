/** The action's run(): reads inputs, decides the mode once, runs the step, sets outputs. The only place that fails the run. */
import { OUTPUT_NAMES } from './action/contract.js';
import { setOutput } from './action/outputs.js';
import { describeFailure } from './action/failure.js';
import { getInputs, readSecretInputs, type Inputs } from './action/inputs.js';
import { decideMode } from './action/mode.js';
import { readEventFacts } from './action/event-facts.js';
import { runValidation, type ValidationOutcome } from './action/validate-step.js';
import { writeValidationSummary } from './action/validation-summary.js';
import { registerSecret } from './report/secrets.js';
import { writeStdoutDirect } from './action/stdout-direct.js';
import { createWorkflowCommands, type WorkflowCommands } from './action/workflow-commands.js';

/**
 * Runs the action with the runner's environment. Never throws: failures end as a `::error::` line and exit code 1.
 * `write` receives the validate path's workflow commands (the other modes write theirs through @actions/core).
 */
export async function run(
  env: NodeJS.ProcessEnv = process.env,
  write: (text: string) => void = writeStdoutDirect,
): Promise<void> {
  const commands = createWorkflowCommands(write);
  const secrets = readSecretInputs(env);
  for (const secret of secrets) {
    commands.setSecret(secret);
    // The runner masks only the verbatim string in the log; our own renderers redact before they escape.
    registerSecret(secret);
  }
  try {
    const inputs = getInputs(env);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const event = await readEventFacts(env);
    const mode = decideMode(inputs.mode, event, { allowPullRequestTarget: inputs.allowPullRequestTarget });
    if (mode.kind === 'refuse') {
      commands.setFailed(mode.reason);
      return;
    }

    const validation = await runValidation(inputs, workspace, commands);
    setOutput(OUTPUT_NAMES.valid, String(!validation.failed));

    switch (mode.kind) {
      case 'validate':
        if (validation.failed) return await stopInvalid(validation, inputs, commands);
        await writeValidationSummary(validation, inputs.strict);
        return;
      case 'plan': {
        const { runPlanStep } = await import('./action/plan-step.js');
        await runPlanStep({
          inputs,
          env,
          validation,
          pullRequest: mode.pullRequest,
          mergeGroup: mode.mergeGroup,
          eventName: event.eventName,
        });
        return;
      }
      case 'apply': {
        if (validation.failed) return await stopInvalid(validation, inputs, commands, 'Nothing was applied.');
        const { runApplyStep } = await import('./action/apply-step.js');
        await runApplyStep({ inputs, env, validation, defaultBranch: event.defaultBranch, byHand: mode.byHand });
        return;
      }
      case 'rollback': {
        if (validation.failed) return await stopInvalid(validation, inputs, commands, 'Nothing was rolled back.');
        const { runRollbackStep } = await import('./action/rollback-step.js');
        await runRollbackStep({ inputs, validation, labels: event.pullRequest?.labels ?? [] });
        return;
      }
      case 'drift': {
        if (validation.failed) return await stopInvalid(validation, inputs, commands, 'Drift was not checked.');
        const { runDriftStep } = await import('./action/drift-step.js');
        await runDriftStep({ inputs, env, validation });
        return;
      }
      case 'list': {
        const { runListStep } = await import('./action/list-step.js');
        await runListStep(validation, inputs);
        return;
      }
    }
  } catch (error) {
    commands.setFailed(describeFailure(error, secrets));
  }
}

function validationFailure(errors: number, inputs: Inputs): string {
  if (errors > 0) return `Metrics files are invalid: ${errors} error${errors === 1 ? '' : 's'} (see the annotations).`;
  return inputs.strict
    ? 'Lint warnings fail the run because strict is true (see the annotations).'
    : 'Metrics files are invalid.';
}

/** Ends a run whose files are invalid: the validation summary, then the failure, with what was not done. */
async function stopInvalid(
  validation: ValidationOutcome,
  inputs: Inputs,
  commands: WorkflowCommands,
  notDone?: string,
): Promise<void> {
  await writeValidationSummary(validation, inputs.strict);
  const failure = validationFailure(validation.counts.errors, inputs);
  commands.setFailed(notDone === undefined ? failure : `${failure} ${notDone}`);
}

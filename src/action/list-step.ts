/** mode: list — writes the `matrix` output so a workflow can fan out one job per slice of files. */
import * as core from '@actions/core';
import { buildMatrix } from '../fleet/matrix.js';
import { OUTPUT_NAMES } from './contract.js';
import { setOutput } from './outputs.js';
import type { Inputs } from './inputs.js';
import type { ValidationOutcome } from './validate-step.js';

const DEFAULT_SLICES = 16;

export async function runListStep(validation: ValidationOutcome, inputs: Inputs): Promise<void> {
  const matrix = buildMatrix(
    validation.files.map((f) => ({ path: f.path, agentIds: inputs.agentId ? [inputs.agentId] : f.agentIds })),
    DEFAULT_SLICES,
  );
  setOutput(OUTPUT_NAMES.matrix, JSON.stringify(matrix));
  core.info(`Matrix: ${matrix.include.length} slice(s) over ${validation.files.length} file(s).`);
  if (validation.failed)
    core.setFailed(`Metrics files are invalid: ${validation.counts.errors} error(s) (see the annotations).`);
}

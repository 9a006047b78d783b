/** The validate step every mode starts with: expand globs, validate each file, annotate, summarise. */
import { resolveConfigFiles, validateFiles } from '../config/load-files.js';
import type { Diagnostic, FileResult, MetricsFile } from '../config/types.js';
import { countDiagnostics, formatCounts, hasFailures, type ValidationCounts } from '../report/format-diagnostics.js';
import { annotateDiagnostics } from './annotate.js';
import { InputError, type Inputs } from './inputs.js';
import type { WorkflowCommands } from './workflow-commands.js';

export interface ValidationOutcome {
  results: FileResult[];
  /** Files without errors, normalised. */
  files: MetricsFile[];
  /** Every diagnostic, glob errors included. */
  diagnostics: Diagnostic[];
  counts: ValidationCounts;
  /** Errors, or warnings under `strict`. */
  failed: boolean;
}

/** Validates the files the `config` globs name, relative to the workspace, and writes one annotation per problem. */
export async function runValidation(
  inputs: Inputs,
  workspace: string,
  commands: WorkflowCommands,
): Promise<ValidationOutcome> {
  const resolved = await resolveConfigFiles(inputs.config, { cwd: workspace, workspace });
  if (inputs.agentId !== '' && resolved.files.length !== 1) {
    throw new InputError(
      `Input 'agent-id' needs exactly one metrics file, but 'config' matched ${resolved.files.length}.`,
    );
  }
  for (const dir of resolved.emptyDirectories)
    commands.info(`${dir}/ holds no metrics files yet; nothing to check there.`);
  const results = await validateFiles(resolved.files, { cwd: workspace, disabledRules: inputs.disabledRules });
  const diagnostics = [...resolved.errors, ...results.flatMap((result) => result.diagnostics)];
  annotateDiagnostics(diagnostics, inputs.strict, commands);
  const counts = countDiagnostics(results, resolved.errors);
  const failed = hasFailures(counts, inputs.strict);
  commands.info(`Validated ${formatCounts(counts)}${failed ? '' : ' — ok'}.`);
  return {
    results,
    files: results.flatMap((result) => (result.file ? [result.file] : [])),
    diagnostics,
    counts,
    failed,
  };
}

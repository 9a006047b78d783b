// Runs the action's run() the way the runner does: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, stdout commands.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/main.js';

export interface ActionRun {
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  failed: boolean;
  /** Every `::error ...::message` line. */
  errors: string[];
}

/** Parses the `name<<delimiter\nvalue\ndelimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

const SUMMARY_FILE = join(tmpdir(), `atoms-metrics-summary-${process.pid}.md`);

/** Runs the action in-process with `inputs` (names as in action.yml) and extra environment. */
export async function runAction(
  workspace: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  const outputFile = join(workspace, '.github-output');
  // @actions/core caches the summary file's path for the process, so every run in a test process shares one.
  const summaryFile = SUMMARY_FILE;
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  for (const key of Object.keys(process.env))
    if (key.startsWith('INPUT_') || key.startsWith('GITHUB_')) delete process.env[key];
  Object.assign(process.env, env, {
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  });
  for (const [name, value] of Object.entries(inputs))
    process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  // The validate path writes its commands through run()'s writer; the other modes through @actions/core's process.stdout.
  const capture = (chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.exitCode = undefined;
  try {
    await run(process.env, capture);
  } finally {
    process.stdout.write = write;
  }
  const failed = process.exitCode === 1;
  process.exitCode = savedExitCode;
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
  return {
    stdout,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    failed,
    errors: stdout.split('\n').filter((line) => line.startsWith('::error')),
  };
}

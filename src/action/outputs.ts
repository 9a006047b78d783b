/** Sets a step output. Outputs reach later steps and their logs unmasked, so the run's secrets are taken out first. */
import { appendFileSync, existsSync } from 'node:fs';
import { redactSecrets } from '../report/secrets.js';
import type { OUTPUT_NAMES } from './contract.js';
import { randomUUID } from './delimiter-uuid.js';
import { EOL } from './eol.js';
import { escapeData, escapeProperty } from './workflow-commands.js';

/**
 * One output in GITHUB_OUTPUT's multi-line form, `name<<delimiter␤value␤delimiter␤`, as @actions/core writes it
 * (written here so that the validate path, which sets `valid`, does not load @actions/core). Refuses a name or
 * value that contains the delimiter, as @actions/core does, so an output can never end early.
 */
export function formatOutputEntry(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  if (value.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function setOutput(name: (typeof OUTPUT_NAMES)[keyof typeof OUTPUT_NAMES], value: string): void {
  const safe = redactSecrets(value);
  const file = process.env.GITHUB_OUTPUT ?? '';
  if (file === '') {
    // Outside a runner (or an old one): the deprecated set-output command on stdout, as @actions/core falls back to.
    process.stdout.write(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(safe)}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, formatOutputEntry(name, safe), { encoding: 'utf8' });
}

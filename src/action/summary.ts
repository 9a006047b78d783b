/** Appends markdown to the job summary; outside the runner (no GITHUB_STEP_SUMMARY) there is none to write. */
import { appendFileSync } from 'node:fs';
import { redactSecrets } from '../report/secrets.js';
import { EOL } from './eol.js';

/**
 * The runner never masks the summary file; renderers redact before escaping, and this catches anything verbatim they
 * missed. A synchronous append, like the runner's other file commands: @actions/core's summary writes through
 * fs.promises, whose first use compiles readline, streams and URL, a third of the validate path's start-up.
 */
export async function appendJobSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  appendFileSync(path, `${redactSecrets(markdown)}${EOL}`, { encoding: 'utf8' });
}

/** Appends markdown to the job summary; outside the runner (no GITHUB_STEP_SUMMARY) there is none to write. */
import * as core from '@actions/core';
import { redactSecrets } from '../report/secrets.js';

/** The runner never masks the summary file; renderers redact before escaping, and this catches anything verbatim they missed. */
export async function appendJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(redactSecrets(markdown), true).write();
}

/** Appends markdown to the job summary; outside the runner (no GITHUB_STEP_SUMMARY) there is none to write. */
import * as core from '@actions/core';

export async function appendJobSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** The apply outcome as markdown: for the job summary and appended to the merged pull request's comment. */
import { inertHtmlCode, inertInlineCode, inertText } from '../report/inert.js';
import type { ApplyResult } from './types.js';

const ICON = { applied: '✅ applied', resumed: '✅ applied (resumed)', unchanged: '➖ no changes', failed: '❌ failed' } as const;

export const OUTCOME_MARKER = '<!-- atoms-metrics:outcome -->';

export function renderApplyOutcome(results: readonly ApplyResult[], context: { commitSha: string; runUrl?: string }): string {
  const rows = results.map(
    (r) => `| ${inertInlineCode(r.agentId, { inTable: true })} | ${inertInlineCode(r.file, { inTable: true })} | ${ICON[r.status]} | ${r.versionId ? inertInlineCode(r.versionId, { inTable: true }) : '–'} | ${r.versionNumber ?? '–'} | ${r.activatedAt ?? '–'} |`,
  );
  const failures = results.filter((r) => r.status === 'failed').map((r) => `- ${inertHtmlCode(r.agentId)}: ${inertText(r.error ?? 'failed')}`);
  const details = results
    .filter((r) => r.steps.length > 0)
    .map((r) => `<details><summary>${inertHtmlCode(r.agentId)} — steps</summary>\n\n${r.steps.map((step) => `1. ${inertText(step)}`).join('\n')}\n\n</details>`);
  return [
    OUTCOME_MARKER,
    `### 🚀 Applied on merge (${inertInlineCode(context.commitSha.slice(0, 7))})`,
    `| agent | file | outcome | version id | version | activated at |\n|---|---|---|---|--:|---|\n${rows.join('\n')}`,
    failures.length > 0 ? `**Failed:**\n${failures.join('\n')}` : '',
    ...details,
    context.runUrl ? `[Run log](${context.runUrl})` : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** Puts the outcome into a plan comment, replacing an earlier outcome; stays under the cap by dropping step details first. */
export function withOutcome(commentBody: string, outcome: string, maxChars: number): string {
  const base = commentBody.split(`\n\n${OUTCOME_MARKER}`)[0] ?? commentBody;
  const full = `${base}\n\n${outcome}\n`;
  if (full.length <= maxChars) return full;
  const compact = outcome.replace(/\n\n<details>[\s\S]*?<\/details>/g, '');
  const shorter = `${base}\n\n${compact}\n`;
  if (shorter.length <= maxChars) return shorter;
  const note = `${base}\n\n${OUTCOME_MARKER}\nThe outcome is too long for this comment; see the run's job summary.\n`;
  return note.length <= maxChars ? note : commentBody;
}

/** The apply outcome as markdown: for the job summary and appended to the merged pull request's comment. */
import { createHash } from 'node:crypto';
import { inertHtmlCode, inertInlineCode, inertTextWithCode } from '../report/inert.js';
import { isFailureStep } from '../versioning/step-log.js';
import type { ApplyResult } from '../versioning/apply-types.js';

const ICON = {
  applied: '✅ applied',
  resumed: '✅ applied (resumed)',
  unchanged: '➖ no changes',
  failed: '❌ failed',
} as const;

/** Each slice's outcome sits between these lines, keyed by its set of agents (see outcomeKey). */
const blockStart = (key: string) => `<!-- atoms-metrics:outcome key=${key} -->`;
const BLOCK_END = '<!-- atoms-metrics:outcome-end -->';
const BLOCK = /<!-- atoms-metrics:outcome key=([a-z0-9]+) -->\n[\s\S]*?\n<!-- atoms-metrics:outcome-end -->/g;

export function renderApplyOutcome(
  results: readonly ApplyResult[],
  context: { commitSha: string; runUrl?: string },
): string {
  const rows = results.map(
    (r) =>
      `| ${inertInlineCode(r.agentId, { inTable: true })} | ${inertInlineCode(r.file, { inTable: true })} | ${ICON[r.status]} | ${r.versionId ? inertInlineCode(r.versionId, { inTable: true }) : '–'} | ${r.versionNumber === undefined || r.versionNumber === null ? '–' : `${r.model === 'v2' ? 'revision' : 'version'} ${r.versionNumber}`} | ${r.activatedAt ?? '–'} |`,
  );
  const failures = results
    .filter((r) => r.status === 'failed')
    .map((r) => `- ${inertHtmlCode(r.agentId)}: ${inertTextWithCode(r.error ?? 'failed')}`);
  // The closing `failed: …` step is the Failed list's line already.
  const details = results
    .map((r) => ({ agentId: r.agentId, steps: r.steps.filter((step) => !isFailureStep(step)) }))
    .filter((r) => r.steps.length > 0)
    .map(
      (r) =>
        `<details><summary>${inertHtmlCode(r.agentId)} — steps</summary>\n\n${r.steps.map((step) => `1. ${inertTextWithCode(step)}`).join('\n')}\n\n</details>`,
    );
  return [
    `### 🚀 Applied on merge (${inertInlineCode(context.commitSha.slice(0, 7))})`,
    `| agent | file | outcome | live id | number | live since |\n|---|---|---|---|--:|---|\n${rows.join('\n')}`,
    failures.length > 0 ? `**Failed:**\n${failures.join('\n')}` : '',
    ...details,
    context.runUrl ? `[Run log](${context.runUrl})` : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

/**
 * Which outcome block of the comment belongs to this run: one per set of agents, so the slices of a matrix
 * fan-out each keep their own block, and a re-run of the same slice replaces its block instead of adding one.
 */
export function outcomeKey(agentIds: readonly string[]): string {
  return createHash('sha256')
    .update([...new Set(agentIds)].sort().join(','))
    .digest('hex')
    .slice(0, 12);
}

function block(key: string, outcome: string): string {
  return `${blockStart(key)}\n${outcome}\n${BLOCK_END}`;
}

/** Drops the collapsible step lists, the first thing to go when the comment nears its cap. */
function compact(markdown: string): string {
  return markdown.replace(/\n\n<details>[\s\S]*?<\/details>/g, '');
}

/**
 * Puts this run's outcome into the plan comment: replaces its own earlier block, keeps the other slices'
 * blocks, and stays under the cap by dropping step details first (its own, then everyone's).
 */
export function withOutcome(commentBody: string, outcome: string, key: string, maxChars: number): string {
  // Everything from the first outcome on (an older, unkeyed one included) is outcomes; before it, the plan.
  const at = commentBody.indexOf('\n\n<!-- atoms-metrics:outcome');
  const base = at === -1 ? commentBody : commentBody.slice(0, at);
  const others = [...(at === -1 ? '' : commentBody.slice(at)).matchAll(BLOCK)]
    .filter((m) => m[1] !== key)
    .map((m) => m[0]);
  const assemble = (blocks: string[]) => `${base}\n\n${blocks.join('\n\n')}\n`;
  const candidates = [
    assemble([...others, block(key, outcome)]),
    assemble([...others, block(key, compact(outcome))]),
    assemble([...others.map(compact), block(key, compact(outcome))]),
    assemble([
      ...others.map(compact),
      block(key, "The outcome is too long for this comment; see the run's job summary."),
    ]),
    assemble([block(key, "The outcomes are too long for this comment; see the runs' job summaries.")]),
  ];
  // When not even that fits, the plan alone: never leave this slice's earlier, now stale, outcome behind.
  return candidates.find((text) => text.length <= maxChars) ?? base;
}

/** Whether the comment holds this slice's outcome block (a concurrent slice may have written over it). */
export function hasOutcome(commentBody: string, key: string): boolean {
  return commentBody.includes(blockStart(key));
}

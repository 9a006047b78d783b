/** What the breaking-change gate says, fitted to the event: a pull request, a merge group, or a run with no pull request. Pure. */
import { inertInlineCode } from '../report/inert.js';

/** Who could carry the approving label on this run. */
export type GateSubject =
  | { kind: 'pull-request' }
  | { kind: 'merge-group'; pullRequests: readonly number[] }
  /** push, schedule, workflow_dispatch…: no pull request, so only the input can allow breaking changes. */
  | { kind: 'no-pull-request'; eventName: string };

function prList(numbers: readonly number[]): string {
  const refs = numbers.map((n) => `#${n}`);
  if (refs.length === 0) return 'the pull request in the group';
  return `pull request${refs.length === 1 ? '' : 's'} ${refs.join(', ')}`;
}

function runName(eventName: string): string {
  return eventName === '' ? 'this run' : `this ${eventName} run`;
}

/** The comment's and summary's line when breaking changes are blocked (markdown). */
export function blockedMarkdown(subject: GateSubject, label: string): string {
  const code = inertInlineCode(label);
  switch (subject.kind) {
    case 'pull-request':
      return `⛔ **Breaking changes block this pull request.** Add the label ${code} or set \`allow-breaking: true\` to allow them.`;
    case 'merge-group':
      return `⛔ **Breaking changes block this merge group.** Add the label ${code} to ${prList(subject.pullRequests)} and queue it again, or set \`allow-breaking: true\`.`;
    case 'no-pull-request':
      return `⛔ **Breaking changes fail ${runName(subject.eventName)}.** No pull request carries a label here; set \`allow-breaking: true\` to let them pass.`;
  }
}

/** The step's failure message when breaking changes are blocked (plain text). */
export function blockedFailure(subject: GateSubject, label: string): string {
  switch (subject.kind) {
    case 'pull-request':
      return `Breaking changes need approval: add the label '${label}' to the pull request, or set allow-breaking: true.`;
    case 'merge-group':
      return `Breaking changes need approval: add the label '${label}' to ${prList(subject.pullRequests)} and queue it again, or set allow-breaking: true.`;
    case 'no-pull-request':
      return `Breaking changes fail ${runName(subject.eventName)}: no pull request carries the label '${label}' here; set allow-breaking: true to let them pass.`;
  }
}

/** What allowed breaking changes, said plainly for the summary. */
export function allowedMarkdown(subject: GateSubject, allowedBy: 'input' | 'label' | null, label: string): string {
  if (allowedBy !== 'label') return '⚠️ Breaking changes are allowed by the `allow-breaking` input.';
  const where = subject.kind === 'merge-group' ? ` on ${prList(subject.pullRequests)}` : '';
  return `⚠️ Breaking changes are allowed by the label ${inertInlineCode(label)}${where}.`;
}

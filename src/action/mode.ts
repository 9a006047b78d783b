/** Decides once what this run does, from the `mode` input and the event that triggered it. Pure. */
import type { ModeInput } from './contract.js';

/** The facts about the triggering event that the decision needs. */
export interface EventFacts {
  eventName: string;
  /** `refs/heads/<branch>` for pushes. */
  ref: string;
  /** The repository's default branch, when the event payload names it. */
  defaultBranch: string | null;
  pullRequest: { number: number; isFork: boolean; labels: string[] } | null;
  /** merge_group: the pull requests the queue's head ref names (`gh-readonly-queue/<base>/pr-<N>-<sha>`). */
  mergeGroup: { pullRequests: number[] } | null;
}

export type Mode =
  | { kind: 'validate' }
  | { kind: 'list' }
  | {
      kind: 'plan';
      pullRequest: { number: number; isFork: boolean; labels: string[] } | null;
      /** merge_group: no comment; the gate reads these pull requests' labels through the API. */
      mergeGroup: { pullRequests: number[] } | null;
    }
  | {
      kind: 'apply';
      /** workflow_dispatch: a person chose to apply. The files go over live as they are, with no reviewed-plan check. */
      byHand: boolean;
    }
  | { kind: 'rollback' }
  | { kind: 'drift' }
  | { kind: 'refuse'; reason: string };

/**
 * `apply` from workflow_dispatch is a person's choice (`byHand`): no reviewed plan stands between the files and live.
 * `auto`: pull_request → plan with a comment; merge_group → plan against live with the group's labels, no comment;
 * push to the default branch → apply; schedule → drift; anything else → plan without a comment.
 */
export function decideMode(input: ModeInput, event: EventFacts, options: { allowPullRequestTarget: boolean }): Mode {
  if (event.eventName === 'pull_request_target' && !options.allowPullRequestTarget) {
    return {
      kind: 'refuse',
      reason:
        'Refusing to run on pull_request_target: that event runs with your secrets while the metrics files come from the ' +
        "pull request's head, which anyone can open. Use the pull_request event, or set allow-pull-request-target: true if you " +
        'check out only trusted code.',
    };
  }
  const isPullRequest = event.eventName === 'pull_request' || event.eventName === 'pull_request_target';
  const pullRequest = isPullRequest ? event.pullRequest : null;
  const mergeGroup = event.eventName === 'merge_group' ? event.mergeGroup : null;
  switch (input) {
    case 'validate':
      return { kind: 'validate' };
    case 'list':
      return { kind: 'list' };
    case 'plan':
      return { kind: 'plan', pullRequest, mergeGroup };
    case 'apply':
      return { kind: 'apply', byHand: event.eventName === 'workflow_dispatch' };
    case 'rollback':
      return { kind: 'rollback' };
    case 'drift':
      return { kind: 'drift' };
    case 'auto': {
      if (isPullRequest) return { kind: 'plan', pullRequest, mergeGroup: null };
      const onDefaultBranch = event.defaultBranch !== null && event.ref === `refs/heads/${event.defaultBranch}`;
      if (event.eventName === 'push' && onDefaultBranch) return { kind: 'apply', byHand: false };
      if (event.eventName === 'schedule') return { kind: 'drift' };
      return { kind: 'plan', pullRequest: null, mergeGroup };
    }
  }
}

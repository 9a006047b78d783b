// decideMode as a table: which mode each input and event pick, and when an apply is a person's choice.
import { describe, expect, it } from 'vitest';
import { decideMode, type EventFacts } from '../../src/action/mode.js';
import type { ModeInput } from '../../src/action/contract.js';

const event = (eventName: string, ref = 'refs/heads/main'): EventFacts => ({
  eventName,
  ref,
  defaultBranch: 'main',
  pullRequest: null,
  mergeGroup: null,
});

describe('decideMode', () => {
  it.each<[ModeInput, string, ReturnType<typeof decideMode>]>([
    ['apply', 'workflow_dispatch', { kind: 'apply', byHand: true }],
    ['apply', 'push', { kind: 'apply', byHand: false }],
    ['apply', 'schedule', { kind: 'apply', byHand: false }],
    ['auto', 'push', { kind: 'apply', byHand: false }],
    ['auto', 'schedule', { kind: 'drift' }],
    ['rollback', 'workflow_dispatch', { kind: 'rollback' }],
    ['drift', 'workflow_dispatch', { kind: 'drift' }],
  ])('mode %s on %s', (input, eventName, expected) => {
    expect(decideMode(input, event(eventName), { allowPullRequestTarget: false })).toEqual(expected);
  });
});

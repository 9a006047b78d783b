/** Reads the few facts about the triggering event that decide the mode, from the runner's environment. */
import { readFileSync } from 'node:fs';
import type { EventFacts } from './mode.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return current;
}

/** The pull-request numbers in a merge queue's head ref, `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`. */
export function mergeQueuePullRequests(headRef: string): number[] {
  const match = /^(?:refs\/heads\/)?gh-readonly-queue\/.+?((?:\/pr-\d+-[0-9a-f]+)+)$/.exec(headRef);
  if (!match) return [];
  return [...(match[1] ?? '').matchAll(/\/pr-(\d+)-/g)].map((m) => Number(m[1]));
}

/** Pure: event facts from the environment and the parsed event payload. */
export function parseEventFacts(env: NodeJS.ProcessEnv, payload: unknown): EventFacts {
  const pr = field(payload, 'pull_request');
  const number = field(pr, 'number');
  const headRepo = field(pr, 'head', 'repo', 'full_name');
  const baseRepo = field(pr, 'base', 'repo', 'full_name');
  const labels = field(pr, 'labels');
  const defaultBranch = field(payload, 'repository', 'default_branch');
  const queueRef = field(payload, 'merge_group', 'head_ref');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  return {
    eventName,
    ref: env.GITHUB_REF ?? '',
    defaultBranch: typeof defaultBranch === 'string' ? defaultBranch : null,
    pullRequest:
      typeof number === 'number'
        ? {
            number,
            // A deleted fork has no head repo: treat it as a fork (no secrets are available either way).
            isFork: typeof headRepo !== 'string' || headRepo !== baseRepo,
            labels: Array.isArray(labels)
              ? labels.map((label) => field(label, 'name')).filter((name): name is string => typeof name === 'string')
              : [],
          }
        : null,
    mergeGroup:
      eventName === 'merge_group'
        ? { pullRequests: mergeQueuePullRequests(typeof queueRef === 'string' ? queueRef : (env.GITHUB_REF ?? '')) }
        : null,
  };
}

/** Reads `GITHUB_EVENT_PATH` when set; a local run without one is an "other" event. */
export async function readEventFacts(env: NodeJS.ProcessEnv): Promise<EventFacts> {
  const path = env.GITHUB_EVENT_PATH;
  let payload: unknown = {};
  if (path !== undefined && path !== '') {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw Object.assign(new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${reason}`), {
        name: 'ContextError',
      });
    }
  }
  return parseEventFacts(env, payload);
}

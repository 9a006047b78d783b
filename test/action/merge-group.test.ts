// A merge queue: the action plans against live with no comment, and the gate honours the queued pull request's label,
// read through the API. And the gate's words fit runs that have no pull request at all.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSeedFile, startEmulator, type RunningEmulator } from '../../src/emulator/index.js';
import { mergeQueuePullRequests } from '../../src/action/event-facts.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { instantGitHubWaits } from '../support/github-timing.js';
import { runAction } from '../support/run-action.js';
import { makeWorkspace, type Workspace } from '../support/workspace.js';

const SHA = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
let emu: RunningEmulator;
let gh: FakeGitHub;
let ws: Workspace;
let restoreGitHubWaits = () => {};

beforeEach(async () => {
  restoreGitHubWaits = instantGitHubWaits();
  emu = await startEmulator({ securityCheckMs: 0, seed: await loadSeedFile('examples/emulator-seed.json') });
  gh = await startFakeGitHub();
  // The example file removes a metric the seed has live: a breaking change.
  ws = makeWorkspace({ 'metrics/support-agent.yaml': readFileSync('examples/metrics/support-agent.yaml', 'utf8') });
});
afterEach(async () => {
  restoreGitHubWaits();
  await emu.close();
  await gh.close();
  ws.remove();
});

function eventEnv(eventName: string, payload: unknown, ref: string) {
  const path = join(ws.dir, '.event.json');
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: path,
    GITHUB_REF: ref,
    GITHUB_REPOSITORY: 'acme/voice',
    GITHUB_API_URL: gh.url,
    GITHUB_WORKFLOW: 'metrics',
    GITHUB_JOB: 'plan',
  };
}

const queueRef = `refs/heads/gh-readonly-queue/main/pr-12-${SHA}`;
const mergeGroup = () =>
  eventEnv(
    'merge_group',
    {
      merge_group: { head_ref: queueRef, base_ref: 'refs/heads/main', head_sha: SHA },
      repository: { default_branch: 'main' },
    },
    queueRef,
  );
const inputs = {
  'api-key': 'sk_emulator_key',
  'api-url': '',
  'github-token': 'ghs_actions_token',
  config: 'metrics/*.yaml',
  'max-requests-per-second': '0',
};

describe('merge_group', () => {
  it('reads the pull-request numbers from the queue head ref', () => {
    expect(mergeQueuePullRequests(queueRef)).toEqual([12]);
    expect(mergeQueuePullRequests('gh-readonly-queue/release/v2/pr-7-abc123')).toEqual([7]);
    expect(mergeQueuePullRequests('refs/heads/main')).toEqual([]);
  });

  it('passes an approved breaking change: the label is on the queued pull request; no comment is written', async () => {
    gh.pulls.set(12, { labels: [{ name: 'allow-breaking-metrics' }] });
    const result = await runAction(ws.dir, { ...inputs, 'api-url': emu.url }, mergeGroup());
    expect(result.failed).toBe(false);
    expect(result.outputs.breaking).toBe('true');
    expect(result.summary).toContain(
      'Breaking changes are allowed by the label `allow-breaking-metrics` on pull request #12.',
    );
    expect(gh.comments.size).toBe(0);
    expect(gh.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(emu.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('fails an unapproved one, saying which pull request needs the label', async () => {
    gh.pulls.set(12, { labels: [{ name: 'documentation' }] });
    const result = await runAction(ws.dir, { ...inputs, 'api-url': emu.url }, mergeGroup());
    expect(result.failed).toBe(true);
    expect(result.errors.at(-1)).toBe(
      "::error::Breaking changes need approval: add the label 'allow-breaking-metrics' to pull request #12 and queue it again, or set allow-breaking: true.",
    );
    expect(result.summary).toContain('Breaking changes block this merge group.');
    expect(result.summary).not.toContain('this pull request');
  });

  it('fails closed when the labels cannot be read', async () => {
    gh.failNext({ method: 'GET', path: /\/pulls\/12$/, status: 404, times: 1 });
    const result = await runAction(ws.dir, { ...inputs, 'api-url': emu.url }, mergeGroup());
    expect(result.failed).toBe(true);
    expect(result.stdout).toContain('::warning::Could not read the labels of the queued pull requests');
  });
});

describe('runs without a pull request', () => {
  it.each([
    ['push', { ref: 'refs/heads/feature', after: SHA, repository: { default_branch: 'main' } }, 'refs/heads/feature'],
    ['workflow_dispatch', { inputs: {}, repository: { default_branch: 'main' } }, 'refs/heads/main'],
  ])('%s: the gate does not speak of "this pull request"', async (eventName, payload, ref) => {
    const result = await runAction(
      ws.dir,
      { ...inputs, 'api-url': emu.url, mode: 'plan' },
      eventEnv(eventName, payload, ref),
    );
    expect(result.failed).toBe(true);
    expect(result.errors.at(-1)).toBe(
      `::error::Breaking changes fail this ${eventName} run: no pull request carries the label 'allow-breaking-metrics' here; set allow-breaking: true to let them pass.`,
    );
    expect(result.summary).not.toMatch(/this pull request/i);
  });
});

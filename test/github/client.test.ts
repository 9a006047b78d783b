// The GitHub client over real HTTP: the token stays with the API's origin, retries, GitHub's own reasons, identity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubApiError, GitHubClient } from '../../src/github/client.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';
import { instantGitHubWaits } from '../support/github-timing.js';

const TOKEN = 'ghp_personal_token_123456';
let gh: FakeGitHub;
let elsewhere: FakeGitHub;
/** The rate-limit waits the client announced, in GitHub's seconds. */
let waits: number[];
let restoreGitHubWaits = () => {};

beforeEach(async () => {
  gh = await startFakeGitHub();
  elsewhere = await startFakeGitHub();
  waits = [];
  restoreGitHubWaits = instantGitHubWaits();
});
afterEach(async () => {
  restoreGitHubWaits();
  await gh.close();
  await elsewhere.close();
});

const client = (token = TOKEN) =>
  new GitHubClient(token, 'acme', 'voice', gh.url, { onWait: (info) => void waits.push(info.seconds) });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );

describe('the token goes only to the API origin', () => {
  it('does not follow a pagination Link to another origin', async () => {
    for (let i = 0; i < 150; i++) gh.addComment(7, `c${i}`, 'someone');
    gh.linkBase = elsewhere.url;
    const error = await failure(client().listComments(7));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(String(error)).toContain(
      `was sent to ${elsewhere.url}, which is not the API's origin (${gh.url}); not followed`,
    );
    expect(elsewhere.authorizations).toEqual([]);
  });

  it('follows a redirect on the same origin, and refuses one to another origin without sending the token', async () => {
    gh.branches.set('main', 'abc123');
    gh.redirect({ path: /^\/repos\/acme\/old-name\//, status: 301, location: '/repos/acme/voice/branches/main' });
    expect(await new GitHubClient(TOKEN, 'acme', 'old-name', gh.url).branchHead('main')).toBe('abc123');
    gh.redirect({
      path: /^\/repos\/acme\/voice\/branches\/main$/,
      status: 307,
      location: `${elsewhere.url}/repos/acme/voice/branches/main`,
    });
    expect(String(await failure(client().branchHead('main')))).toContain("not the API's origin");
    expect(elsewhere.authorizations).toEqual([]);
  });
});

describe('retries (plugin-retry and plugin-throttling)', () => {
  const statuses = (path: RegExp) => gh.requests.filter((r) => path.test(r.path)).map((r) => r.status);

  it('retries a GitHub 5xx on a read, and gives up after four attempts', async () => {
    gh.branches.set('main', 'abc123');
    gh.failNext({ method: 'GET', path: /branches/, status: 502, times: 2 });
    expect(await client().branchHead('main')).toBe('abc123');
    expect(statuses(/branches/)).toEqual([502, 502, 200]);
    gh.failNext({ method: 'GET', path: /branches/, status: 503, times: 4 });
    const error = await failure(client().branchHead('main'));
    expect(error).toMatchObject({ status: 503 });
    expect(statuses(/branches/)).toEqual([502, 502, 200, 503, 503, 503, 503]);
  });

  it('retries a 5xx on a PATCH (it sets, not adds)', async () => {
    const comment = gh.addComment(7, 'old', 'user-' + TOKEN);
    gh.failNext({ method: 'PATCH', path: /comments/, status: 500 });
    expect((await client().updateComment(comment.id, 'new')).body).toBe('new');
  });

  it('never repeats a POST after a 5xx (a comment may have been created), but does after a secondary rate limit', async () => {
    gh.failNext({ method: 'POST', path: /comments$/, status: 502 });
    expect(await failure(client().createComment(7, 'x'))).toMatchObject({ status: 502 });
    expect(statuses(/comments$/)).toEqual([502]);
    gh.failNext({
      method: 'POST',
      path: /comments$/,
      status: 403,
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      headers: { 'retry-after': '3' },
    });
    await client().createComment(7, 'y');
    expect(waits).toEqual([3]);
    expect(gh.comments.get(7)?.map((c) => c.body)).toEqual(['y']);
  });

  it('a secondary rate limit without Retry-After waits the minute GitHub asks for; a reset an hour away fails fast', async () => {
    gh.failNext({
      method: 'GET',
      path: /comments$/,
      status: 403,
      message: 'You have exceeded a secondary rate limit.',
    });
    await client().listComments(7);
    expect(waits).toEqual([60]);
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    gh.failNext({
      method: 'GET',
      path: /comments$/,
      status: 403,
      message: 'API rate limit exceeded',
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
    });
    expect(await failure(client().listComments(7))).toMatchObject({ status: 403, rateLimited: true });
  });

  it('no answer at all (nothing listening) fails with no status, a read after its retries', async () => {
    await gh.close();
    expect(await failure(client().createComment(7, 'x'))).toMatchObject({ name: 'GitHubApiError', status: undefined });
    expect(String(await failure(client().listComments(7)))).toMatch(
      /GitHub API: listing comments of #7 failed \(\w+\)\./,
    );
  });
});

describe("GitHub's reason", () => {
  it('a locked conversation is a 403 that says so, not a missing permission', async () => {
    gh.failNext({
      method: 'POST',
      path: /comments$/,
      status: 403,
      message: 'Unable to create comment because issue is locked.',
    });
    const locked = await failure(client().createComment(7, 'x'));
    expect(locked).toMatchObject({
      status: 403,
      locked: true,
      reason: 'Unable to create comment because issue is locked.',
    });
    expect(String(locked)).toContain('failed (403: Unable to create comment because issue is locked.)');
    gh.failNext({ method: 'POST', path: /comments$/, status: 403 });
    expect(await failure(client().createComment(7, 'x'))).toMatchObject({
      locked: false,
      reason: 'Resource not accessible by integration',
    });
  });
});

describe('identity', () => {
  it('asks GraphQL for an integration token, and falls back to github-actions[bot] when it cannot tell', async () => {
    expect(await client('personal').ownLogin()).toBe('user-personal');
    expect(await client('ghs_actions_token').ownLogin()).toBe('github-actions[bot]');
    expect(await client('ghs_app_installation').ownLogin()).toBe('metrics-app[bot]');
    gh.failNext({ method: 'POST', path: /^\/graphql$/, status: 403 });
    expect(await client('ghs_app_installation').ownLogin()).toBe('github-actions[bot]');
  });
});

// The GitHub client over real HTTP: the token stays with the API's origin, retries, GitHub's own reasons, identity.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubApiError, GitHubClient, gitHubTiming } from '../../src/github/client.js';
import { decideGitHubRetry } from '../../src/github/retry-policy.js';
import { startFakeGitHub, type FakeGitHub } from '../support/fake-github.js';

const TOKEN = 'ghp_personal_token_123456';
let gh: FakeGitHub;
let elsewhere: FakeGitHub;
let sleeps: number[];
const realTiming = { ...gitHubTiming };

beforeEach(async () => {
  gh = await startFakeGitHub();
  elsewhere = await startFakeGitHub();
  sleeps = [];
  gitHubTiming.sleep = async (ms) => void sleeps.push(ms);
  gitHubTiming.random = () => 0.5;
});
afterEach(async () => {
  Object.assign(gitHubTiming, realTiming);
  await gh.close();
  await elsewhere.close();
});

const client = (token = TOKEN) => new GitHubClient(token, 'acme', 'voice', gh.url);
const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('expected a failure'), (error: unknown) => error);

describe('the token goes only to the API origin', () => {
  it('does not follow a pagination Link to another origin', async () => {
    for (let i = 0; i < 150; i++) gh.addComment(7, `c${i}`, 'someone');
    gh.linkBase = elsewhere.url;
    const error = await failure(client().listComments(7));
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(String(error)).toContain(`was sent to ${elsewhere.url}, which is not the API's origin (${gh.url}); not followed`);
    expect(elsewhere.authorizations).toEqual([]);
  });

  it('follows a redirect on the same origin, and refuses one to another origin without sending the token', async () => {
    gh.branches.set('main', 'abc123');
    gh.redirect({ path: /^\/repos\/acme\/old-name\//, status: 301, location: '/repos/acme/voice/branches/main' });
    expect(await new GitHubClient(TOKEN, 'acme', 'old-name', gh.url).branchHead('main')).toBe('abc123');
    gh.redirect({ path: /^\/repos\/acme\/voice\/branches\/main$/, status: 307, location: `${elsewhere.url}/repos/acme/voice/branches/main` });
    expect(String(await failure(client().branchHead('main')))).toContain('not the API\'s origin');
    expect(elsewhere.authorizations).toEqual([]);
  });
});

describe('retries', () => {
  it('retries a GitHub 5xx on a read with growing waits, and gives up after four attempts', async () => {
    gh.branches.set('main', 'abc123');
    gh.failNext({ method: 'GET', path: /branches/, status: 502, times: 2 });
    expect(await client().branchHead('main')).toBe('abc123');
    expect(sleeps).toEqual([750, 1500]);
    gh.failNext({ method: 'GET', path: /branches/, status: 503, times: 4 });
    const error = await failure(client().branchHead('main'));
    expect(error).toMatchObject({ status: 503 });
  });

  it('never repeats a POST after a 5xx (a comment may have been created), but does after a rate limit', async () => {
    gh.failNext({ method: 'POST', path: /comments$/, status: 502 });
    expect(await failure(client().createComment(7, 'x'))).toMatchObject({ status: 502 });
    expect(sleeps).toEqual([]);
    gh.failNext({ method: 'POST', path: /comments$/, status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '3' } });
    await client().createComment(7, 'y');
    expect(sleeps).toEqual([3000]);
    expect(gh.comments.get(7)?.map((c) => c.body)).toEqual(['y']);
  });

  it('a secondary rate limit without Retry-After waits the minute GitHub asks for; a reset an hour away fails fast', async () => {
    gh.failNext({ method: 'GET', path: /comments$/, status: 403, message: 'You have exceeded a secondary rate limit.' });
    await client().listComments(7);
    expect(sleeps).toEqual([60_000]);
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    gh.failNext({ method: 'GET', path: /comments$/, status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } });
    expect(await failure(client().listComments(7))).toMatchObject({ status: 403, rateLimited: true });
  });

  it('the policy: network failures are retried for reads only', () => {
    const options = { maxAttempts: 4, baseMs: 1000, capMs: 8000, maxWaitMs: 60_000, random: 0 };
    expect(decideGitHubRetry(1, { method: 'GET', rateLimited: false }, options)).toBe(500);
    expect(decideGitHubRetry(1, { method: 'POST', rateLimited: false }, options)).toBeUndefined();
    expect(decideGitHubRetry(1, { method: 'GET', status: 404, rateLimited: false }, options)).toBeUndefined();
    expect(decideGitHubRetry(4, { method: 'GET', status: 502, rateLimited: false }, options)).toBeUndefined();
  });
});

describe("GitHub's reason", () => {
  it('a locked conversation is a 403 that says so, not a missing permission', async () => {
    gh.failNext({ method: 'POST', path: /comments$/, status: 403, message: 'Unable to create comment because issue is locked.' });
    const locked = await failure(client().createComment(7, 'x'));
    expect(locked).toMatchObject({ status: 403, locked: true, reason: 'Unable to create comment because issue is locked.' });
    expect(String(locked)).toContain('failed (403: Unable to create comment because issue is locked.)');
    gh.failNext({ method: 'POST', path: /comments$/, status: 403 });
    expect(await failure(client().createComment(7, 'x'))).toMatchObject({ locked: false, reason: 'Resource not accessible by integration' });
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

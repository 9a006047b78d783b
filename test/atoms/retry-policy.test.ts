import { describe, expect, it } from 'vitest';
import { decideRetry, parseRetryAfter, type RetryInput } from '../../src/atoms/retry-policy.js';

const base: RetryInput = {
  attempt: 1,
  maxAttempts: 5,
  idempotent: true,
  elapsedMs: 0,
  deadlineMs: 60_000,
  maxRetryAfterMs: 30_000,
  backoffBaseMs: 500,
  backoffCapMs: 8_000,
  random: 1,
};

describe('decideRetry', () => {
  it.each([
    ['GET 503', { status: 503 }, { retry: true, delayMs: 500 }],
    ['GET 500, third attempt: exponential', { status: 500, attempt: 3 }, { retry: true, delayMs: 2000 }],
    ['backoff capped', { status: 502, attempt: 10, maxAttempts: 20 }, { retry: true, delayMs: 8000 }],
    ['full jitter', { status: 504, random: 0.25 }, { retry: true, delayMs: 125 }],
    ['network reset on a read', { errorCode: 'ECONNRESET' }, { retry: true, delayMs: 500 }],
    [
      '429 on POST waits Retry-After',
      { status: 429, idempotent: false, retryAfterMs: 2000 },
      { retry: true, delayMs: 2000 },
    ],
  ] as const)('%s', (_, change, expected) => expect(decideRetry({ ...base, ...change })).toEqual(expected));

  it.each([
    ['400', { status: 400 }],
    ['401', { status: 401 }],
    ['403', { status: 403 }],
    ['404', { status: 404 }],
    ['409', { status: 409 }],
    ['POST 500', { status: 500, idempotent: false }],
    ['POST reset', { errorCode: 'ECONNRESET', idempotent: false }],
    ['unknown error (a bug)', { errorCode: 'TypeError' }],
    ['attempts exhausted', { status: 503, attempt: 5 }],
    ['Retry-After over the cap', { status: 429, retryAfterMs: 3_600_000 }],
    ['deadline would pass', { status: 503, elapsedMs: 59_800 }],
  ] as const)('stops on %s', (_, change) => expect(decideRetry({ ...base, ...change }).retry).toBe(false));

  it('says why it stops on a long Retry-After', () => {
    expect(decideRetry({ ...base, status: 429, retryAfterMs: 3_600_000 })).toEqual({
      retry: false,
      reason: 'the server asked to wait 3600 s, more than the 30 s this step waits',
    });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});

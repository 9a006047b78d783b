/**
 * The doctor's HTTP: every answer as the API gave it — status, headers, body — because the doctor's job is to see what
 * the API really does, which the product's tolerant client deliberately smooths over. Statuses are returned, never
 * thrown; only a request that got no answer at all throws. Every request is logged (method, path, status).
 */
import { createDispatcher } from '../net/dispatcher.js';
import { fetch, type Dispatcher } from '../net/undici.js';
import { redactSecrets } from '../atoms/errors.js';
import { parseRetryAfter } from '../atoms/retry-policy.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ProbeAnswer {
  method: Method;
  /** Below the base URL, without the query. */
  path: string;
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
  html: boolean;
}

export interface ProbeRecord {
  method: Method;
  path: string;
  status: number | 'no answer';
}

export interface ProbeClient {
  request(
    method: Method,
    path: string,
    options?: { query?: Record<string, string>; body?: unknown },
  ): Promise<ProbeAnswer>;
  /** Every request made so far, in order. */
  readonly log: readonly ProbeRecord[];
}

/** A request that got no answer (refused, reset, timed out); the message names the request, never the key. */
export class ProbeNetworkError extends Error {
  override name = 'ProbeNetworkError';
}

export interface ProbeOptions {
  baseUrl: string;
  apiKey: string;
  requestTimeoutMs?: number;
  /** A 429 is retried (the request was not processed) this many times, waiting its Retry-After up to `maxRetryAfterMs`. */
  rateLimitRetries?: number;
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
  dispatcher?: Dispatcher;
}

function headersOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => (out[name.toLowerCase()] = value));
  return out;
}

function readBody(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function createProbeClient(options: ProbeOptions): ProbeClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const dispatcher = options.dispatcher ?? createDispatcher({ env: process.env });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const log: ProbeRecord[] = [];
  const once = async (method: Method, path: string, url: string, body: unknown): Promise<ProbeAnswer> => {
    try {
      const response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.apiKey}`,
          accept: 'application/json',
          'user-agent': 'atoms-metrics doctor',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(options.requestTimeoutMs ?? 15_000),
        dispatcher,
      });
      const text = await response.text();
      const headers = headersOf(response.headers);
      log.push({ method, path, status: response.status });
      return {
        method,
        path,
        status: response.status,
        headers,
        body: readBody(text),
        html: (headers['content-type'] ?? '').includes('text/html') || /^\s*</.test(text),
      };
    } catch (error) {
      log.push({ method, path, status: 'no answer' });
      const reason =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new ProbeNetworkError(
        redactSecrets(`No answer from the Atoms API at ${new URL(base).origin} for ${method} ${path}: ${reason}`, [
          options.apiKey,
        ]),
      );
    }
  };
  return {
    log,
    async request(method, path, given = {}) {
      const query =
        given.query && Object.keys(given.query).length > 0 ? `?${new URLSearchParams(given.query).toString()}` : '';
      const url = `${base}${path}${query}`;
      const retries = options.rateLimitRetries ?? 3;
      for (let attempt = 0; ; attempt++) {
        const answer = await once(method, path, url, given.body);
        if (answer.status !== 429 || attempt >= retries) return answer;
        const wait = parseRetryAfter(answer.headers['retry-after'], Date.now()) ?? 1000 * 2 ** attempt;
        if (wait > (options.maxRetryAfterMs ?? 30_000)) return answer;
        await sleep(wait);
      }
    },
  };
}

/** The envelope's `data` (or the body itself when it has none). */
export function dataOf(answer: ProbeAnswer | undefined): unknown {
  const body = answer?.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'data' in body ? body.data : body;
}

/** What the server said in an error body, in one short phrase. */
export function saidBy(answer: ProbeAnswer): string {
  if (answer.html) return `${answer.status} (an HTML page: no such route)`;
  const body = answer.body;
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  const errors = 'errors' in record && Array.isArray(record.errors) ? record.errors.map(String) : [];
  const type = 'error_type' in record && typeof record.error_type === 'string' ? ` ${record.error_type}` : '';
  return `${answer.status}${type}${errors.length > 0 ? `: ${errors.join('; ').slice(0, 200)}` : ''}`;
}

export const isSuccess = (answer: ProbeAnswer): boolean => answer.status >= 200 && answer.status < 300;

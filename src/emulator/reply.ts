/** What a route handler returns, and the envelopes every v1 answer uses (fact sheet §2). */
import type { EmulatorState } from './state.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  state: EmulatorState;
  method: string;
  /** Path segments below the base path, e.g. ['agent', '<id>', 'drafts']. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
  user: { userId: string; admin: boolean };
  options: {
    normaliseLegacyType: boolean;
    validateMetrics: boolean;
    activationPendingError: { status: number; message: string };
  };
}

export const ok = (data: unknown, status = 200): Reply => ({ status, body: { status: true, data } });
export const fail = (status: number, ...errors: string[]): Reply => ({ status, body: { status: false, errors } });

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

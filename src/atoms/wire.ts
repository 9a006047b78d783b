/** Small readers for API answers: the client trusts no field's type until it has looked. */
import { AtomsApiError } from './errors.js';
import type { SecurityCheck } from './types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

const OBJECT_ID = /^[a-f0-9]{24}$/;

/** A path segment for an id the API requires to be an ObjectId; refused before any request is made. */
export function pathId(kind: string, id: string): string {
  if (!OBJECT_ID.test(id))
    throw new AtomsApiError(`'${id}' is not a valid ${kind} (24 lowercase hex characters).`, {
      kind: 'bad-request',
      method: '-',
      path: '-',
    });
  return encodeURIComponent(id);
}

/** The scan sub-status; its enum is undocumented, so the status is matched in lower case only. */
export function toSecurityCheck(value: unknown): SecurityCheck | null {
  if (!isRecord(value) || typeof value.status !== 'string') return null;
  return {
    status: value.status.trim().toLowerCase(),
    reason: str(value.reason),
    triggeredAt: str(value.triggeredAt),
    completedAt: str(value.completedAt),
  };
}

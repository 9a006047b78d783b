/** A security scan's status in words both models' flows can act on (the enum is undocumented: fact sheet v2 §1.7). */
import type { SecurityCheck } from '../atoms/types.js';

/** Statuses that mean "still scanning"; the enum is undocumented (fact sheet §1.7), these are the ones seen. */
const TRANSIENT = new Set(['pending', 'queued', 'scanning', 'running', 'in_progress']);

export type ScanVerdict =
  | { state: 'passed' }
  | { state: 'failed'; reason: string | null; status: string }
  | { state: 'pending'; status: string }
  | { state: 'unknown'; status: string };

/** A scan status in words the flow can act on; an unknown status is reported, never waited out. */
export function scanVerdict(check: SecurityCheck | null): ScanVerdict {
  if (check === null) return { state: 'passed' };
  const status = check.status.toLowerCase();
  if (status === 'passed') return { state: 'passed' };
  if (status === 'failed' || status === 'errored') return { state: 'failed', reason: check.reason, status };
  if (TRANSIENT.has(status)) return { state: 'pending', status };
  return { state: 'unknown', status };
}

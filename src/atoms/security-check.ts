/** A version's or revision's security check, as both versioning models return it (fact sheet §5, v2 §1.7). */
export type SecurityCheckStatus = 'pending' | 'queued' | 'passed' | 'failed' | 'errored';

export interface SecurityCheck {
  status: SecurityCheckStatus | string;
  reason: string | null;
  triggeredAt?: string | null;
  completedAt?: string | null;
}

/** One error type for every Atoms API failure: typed fields to classify by, a message that says what to do, no secret. */

export type AtomsErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'agent-not-found'
  | 'not-found'
  /** An HTML 404: the server has no such route (a wrong base URL, or a server without the v2 routes). */
  | 'no-route'
  | 'bad-request'
  | 'rate-limited'
  | 'branch-model'
  | 'conflict'
  | 'config-frozen'
  | 'security-check-pending'
  | 'security-check-failed'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  /** The run was cancelled: the request was not sent, or was abandoned in flight. */
  | 'cancelled';

/** Replaces every secret, and anything shaped like a bearer credential or an `sk_` key, with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***');
  // A bearer token is b64token characters (RFC 6750), so the `)` or `.` after one stays in the text.
  return out
    .replace(/\bBearer\s+(?:[A-Za-z0-9._~+/-]*[A-Za-z0-9_~+/-])=*/gi, 'Bearer ***')
    .replace(/\bsk_[A-Za-z0-9_-]{6,}/g, 'sk_***');
}

export interface AtomsApiErrorFields {
  kind: AtomsErrorKind;
  method: string;
  /** Path below the base URL, without query string. */
  path: string;
  status?: number;
  requestId?: string;
  retryable?: boolean;
  /** A POST that failed after it may have reached the server (timeout, reset, 5xx): re-read state before repeating it. */
  mayHaveTakenEffect?: boolean;
  serverMessages?: string[];
  /** The body's `error_type` (v2: publish_in_progress, config_freeze_active, …). */
  errorType?: string;
  /** The error body's `data` (v2 rich conflict details). */
  data?: unknown;
  attempts?: number;
  cause?: unknown;
  secrets?: readonly string[];
}

export class AtomsApiError extends Error {
  override name = 'AtomsApiError';
  readonly kind: AtomsErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryable: boolean;
  readonly mayHaveTakenEffect: boolean;
  readonly serverMessages: string[];
  readonly errorType: string | undefined;
  readonly data: unknown;
  readonly attempts: number;

  constructor(message: string, fields: AtomsApiErrorFields) {
    const secrets = fields.secrets ?? [];
    super(redactSecrets(message, secrets));
    this.kind = fields.kind;
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.retryable = fields.retryable ?? false;
    this.mayHaveTakenEffect = fields.mayHaveTakenEffect ?? false;
    this.serverMessages = (fields.serverMessages ?? []).map((m) => redactSecrets(m, secrets));
    this.errorType = fields.errorType;
    this.data = fields.data;
    this.attempts = fields.attempts ?? 1;
    if (fields.cause !== undefined) {
      // Keep the cause chain for debugging, but only as redacted text: an undici error can carry request details.
      const cause =
        fields.cause instanceof Error ? `${fields.cause.name}: ${fields.cause.message}` : String(fields.cause);
      Object.defineProperty(this, 'cause', { value: redactSecrets(cause, secrets), enumerable: false });
    }
    if (this.stack) this.stack = redactSecrets(this.stack, secrets);
  }
}

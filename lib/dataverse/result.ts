/**
 * The one shape every read answers in: a value, or the failure that stopped it. A failure is what the transport
 * says went wrong (lib/dataverse/transport.ts), so a failed request passes straight through as a failed read.
 */
export type FailureKind =
  | 'http' // 4xx/5xx with a Dataverse error body (see status/code/message)
  | 'network' // connection dropped or refused, timeout
  | 'malformed' // the body was not the JSON it claimed to be, or not the shape we read
  | 'throttled' // 429, or still inside a Retry-After window (no request was sent)
  | 'signedOut'; // 401: the user must sign in to Dynamics 365 again

export interface Failure {
  kind: FailureKind;
  status: number | null;
  /** Dataverse error code, e.g. 0x80060882. */
  code: string | null;
  message: string;
  /** Epoch ms before which no request to this org may be sent (429 Retry-After). */
  retryAt: number | null;
}

export type Result<T, F = Failure> = { ok: true; value: T } | { ok: false; failure: F };

export const succeeded = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const failed = <F = Failure>(failure: F): { ok: false; failure: F } => ({ ok: false, failure });

/** An answer that arrived but is not what we read: no code, no retry. */
export const malformed = (status: number | null, message: string): Failure => ({
  kind: 'malformed',
  status,
  code: null,
  message,
  retryAt: null,
});

/** The failure a failed outcome carries, without the outcome's own flag. */
export function failureOf(outcome: Failure & { ok: false }): Failure {
  const { kind, status, code, message, retryAt } = outcome;
  return { kind, status, code, message, retryAt };
}

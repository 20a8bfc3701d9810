import type { DataverseOutcome } from '../dataverse/transport';
import type { ActionFailure } from '../model/actions';

type Failed = Extract<DataverseOutcome, { ok: false }>;

/** The platform's refusal in the categories the UI words plainly (403, 400, 404, 412, 429, 401: docs/platform.md, "Errors"). */
export function failureOf(outcome: Failed): ActionFailure {
  if (outcome.failure === 'signedOut' || outcome.status === 401) return 'signedOut';
  if (outcome.failure === 'throttled' || outcome.status === 429) return 'throttled';
  if (outcome.failure !== 'http' || outcome.status === null || outcome.status >= 500) return 'network';
  switch (outcome.status) {
    case 403:
      return 'forbidden';
    case 404:
      return 'gone';
    case 409:
    case 412:
      return 'conflict';
    default:
      return 'rule';
  }
}

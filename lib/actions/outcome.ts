import type { Failure } from '../dataverse/result';
import type { ActionFailure } from '../model/actions';

/** The platform's refusal in the categories the UI words plainly (403, 400, 404, 412, 429, 401: docs/platform.md, "Errors"). */
export function actionFailureOf(outcome: Failure): ActionFailure {
  if (outcome.kind === 'signedOut' || outcome.status === 401) return 'signedOut';
  if (outcome.kind === 'throttled' || outcome.status === 429) return 'throttled';
  if (outcome.kind !== 'http' || outcome.status === null || outcome.status >= 500) return 'network';
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

import { z } from 'zod';
import { query } from '../dataverse/odata';
import { readOne } from '../dataverse/read';
import type { Failure } from '../dataverse/result';
import type { DataverseRequest, DataverseTransport } from '../dataverse/transport';
import { CONVERSATION_ENTITY } from '../dataverse/operations/conversations';
import { evidenceOf, type Evidence } from './evidence';

/**
 * Whether the feed follows conversations by change tracking or by `modifiedon` (docs/platform.md, "Change
 * tracking"). A tracked read starts with every conversation the org ever had, unfiltered: only worth it when that
 * first read is bounded. Decided once per org and version and remembered, so a refused or oversized first read is
 * never tried again on every reload.
 */
export const TRACKING_ROW_LIMIT = 50_000;

export const TrackingDecisionSchema = z.object({
  use: z.boolean(),
  /** Why: the table does not track changes; it is too large to start; it is bounded; the org would not say; the first read failed. */
  reason: z.enum(['notEnabled', 'tooLarge', 'bounded', 'unknown', 'firstReadFailed']),
  /** Conversations in the table, as the platform counts them (a snapshot up to a day old). */
  rows: z.number().int().nonnegative().nullable(),
  decidedAt: z.number(),
  version: z.string().nullable(),
});
export type TrackingDecision = z.infer<typeof TrackingDecisionSchema>;

const changeTrackingEnabledRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `EntityDefinitions(LogicalName='${CONVERSATION_ENTITY}')${query({ $select: 'ChangeTrackingEnabled' })}`,
  queryKey: 'changeTrackingEnabled',
});

const conversationCountRequest = (): DataverseRequest => ({
  method: 'GET',
  path: `RetrieveTotalRecordCount(EntityNames=@p1)${query({ '@p1': `['${CONVERSATION_ENTITY}']` })}`,
  queryKey: 'conversationCount',
});

const EnabledSchema = z.object({ ChangeTrackingEnabled: z.boolean().nullable().optional() });
const CountSchema = z.object({
  EntityRecordCountCollection: z.object({ Keys: z.array(z.string()), Values: z.array(z.number().int().nonnegative()) }),
});

/** A failure that says nothing about the org: ask again later rather than decide on it. */
const isPassing = (failure: Failure): boolean =>
  failure.kind === 'network' || failure.kind === 'throttled' || failure.kind === 'signedOut' || (failure.status ?? 0) >= 500;

export interface TrackingProbe {
  /** Null when a passing failure left the question open. */
  decision: TrackingDecision | null;
  evidence: Evidence[];
}

/** Ask the org whether conversations track changes and how many there are; decide from both. */
export async function decideTracking(transport: DataverseTransport, now: number, version: string | null): Promise<TrackingProbe> {
  const decided = (use: boolean, reason: TrackingDecision['reason'], rows: number | null): TrackingDecision => ({
    use,
    reason,
    rows,
    decidedAt: now,
    version,
  });
  const enabledRequest = changeTrackingEnabledRequest();
  const enabled = await readOne(transport, enabledRequest, EnabledSchema);
  const evidence = [evidenceOf(enabledRequest, enabled)];
  if (!enabled.ok) return { decision: isPassing(enabled.failure) ? null : decided(false, 'unknown', null), evidence };
  const countRequest = conversationCountRequest();
  const count = await readOne(transport, countRequest, CountSchema);
  evidence.push(evidenceOf(countRequest, count));
  const collection = count.ok ? count.value.EntityRecordCountCollection : null;
  const at = collection ? collection.Keys.indexOf(CONVERSATION_ENTITY) : -1;
  const rows = collection && at >= 0 ? (collection.Values[at] ?? null) : null;
  if (enabled.value.ChangeTrackingEnabled !== true) return { decision: decided(false, 'notEnabled', rows), evidence };
  if (!count.ok && isPassing(count.failure)) return { decision: null, evidence };
  if (rows === null) return { decision: decided(false, 'unknown', null), evidence };
  return { decision: rows <= TRACKING_ROW_LIMIT ? decided(true, 'bounded', rows) : decided(false, 'tooLarge', rows), evidence };
}

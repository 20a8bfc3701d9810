import { z } from 'zod';
import type { DataverseRequest, DataverseTransport } from '../dataverse/transport';
import { readAllPages } from '../dataverse/paging';
import { succeeded } from '../dataverse/result';
import { validateRows } from '../dataverse/validate-rows';
import { trackedConversationsRequest } from '../dataverse/operations/conversations';
import type { Changes } from './read-changes';
import { SPECS, type Read } from './read-full';

/** A row the delta link reports as deleted (docs/platform.md, "Change tracking"): not `@removed`, but a $deletedEntity context. */
const DeletedSchema = z.object({ '@odata.context': z.string().regex(/\/\$deletedEntity$/), id: z.string() });

/** The next poll through a delta link. */
export const deltaRequest = (deltaLink: string): DataverseRequest => ({
  method: 'GET',
  path: deltaLink,
  formatted: true,
  queryKey: 'conversations:delta',
});

/**
 * Start change tracking on conversations: the first read returns the whole table (paged) and ends with a delta
 * link. Whether the org tracks changes is unknown (docs/platform.md, "Open questions"), so this is also the detection: no delta link, no
 * tracking, and the feed keeps its modifiedon watermark. Done once; the link stays valid across reconciles. Its rows
 * (the whole table) are merged like any change, so nothing between the full read and this one is lost.
 */
export async function startTracking(transport: DataverseTransport): Promise<Read<TrackedChanges>> {
  const result = await readTracked(transport, trackedConversationsRequest());
  // 400 = the org refuses tracking on this table: fall back for good.
  if (!result.ok && result.failure.kind === 'http' && result.failure.status === 400)
    return succeeded({ conversations: [], deleted: [], deltaLink: null, issues: [] });
  return result;
}

export type TrackedChanges = Pick<Changes, 'conversations'> & { deleted: string[]; deltaLink: string | null };

/** Conversations changed since the delta link: changed rows in full, deleted ones by id, and the next link. */
export async function readTracked(transport: DataverseTransport, request: DataverseRequest): Promise<Read<TrackedChanges>> {
  const result = await readAllPages(transport, request);
  if (!result.ok) return result;
  const deleted: string[] = [];
  const changed: unknown[] = [];
  for (const row of result.value.rows) {
    const gone = DeletedSchema.safeParse(row);
    if (gone.success) deleted.push(gone.data.id.toLowerCase());
    else changed.push(row);
  }
  const { entity, idField, schema } = SPECS.conversation;
  const { rows, issues } = validateRows(entity, idField, schema, changed);
  return succeeded({ conversations: rows, deleted, deltaLink: result.value.deltaLink, issues });
}

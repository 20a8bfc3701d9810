import { isStale } from './row-version';

/** Upserted rows and removed ids between two keyed sets; `observedAt` never counts as a change by itself. */
export interface Delta<T> {
  upsert: T[];
  remove: string[];
}

export const emptyDelta = <T>(): Delta<T> => ({ upsert: [], remove: [] });

export const isEmptyDelta = (delta: Delta<unknown>): boolean => delta.upsert.length === 0 && delta.remove.length === 0;

/** Same content apart from when it was observed. Rows are built field by field, so key order is stable. */
export function sameContent<T extends { observedAt: number }>(a: T, b: T): boolean {
  return JSON.stringify({ ...a, observedAt: 0 }) === JSON.stringify({ ...b, observedAt: 0 });
}

/**
 * The listed rows a reconcile must read whole: those not held, and those whose listed version is newer than the
 * held one (a held row that is newer, from a poll or a re-read since, stays as it is).
 */
export function outdated(listed: readonly { id: string; etag: string }[], heldEtag: (id: string) => string | undefined): string[] {
  return listed
    .filter((row) => {
      const held = heldEtag(row.id);
      return held === undefined || !isStale(row.etag, held);
    })
    .map((row) => row.id);
}

import type { FeedPatch } from '../model/feed-state';

/**
 * Live changes for a view that is not on screen (a background tab's overlay, a side panel tab behind another) are
 * held by the worker and merged, and sent in one go when it shows again (view-hub.ts): ten open views in one renderer
 * process otherwise clone, re-filter and re-render every change ten times. The merge keeps each row's latest version
 * and each removal, so the view ends where applying every patch in turn would have left it.
 */
export function mergePatches(earlier: FeedPatch, later: FeedPatch): FeedPatch {
  const merged: FeedPatch = { ...earlier, ...later };
  const conversations = mergeRows(earlier.conversations, later.conversations);
  const agents = mergeRows(earlier.agents, later.agents);
  if (conversations) merged.conversations = conversations;
  if (agents) merged.agents = agents;
  return merged;
}

interface RowChanges<T> {
  upsert: T[];
  remove: string[];
}

function mergeRows<T extends { id: string }>(earlier?: RowChanges<T>, later?: RowChanges<T>): RowChanges<T> | undefined {
  if (!earlier || !later) return earlier ?? later;
  const upsert = new Map(earlier.upsert.map((row) => [row.id, row]));
  const remove = new Set(earlier.remove);
  // In the order a view applies one patch: its rows, then its removals.
  for (const row of later.upsert) {
    remove.delete(row.id);
    upsert.set(row.id, row);
  }
  for (const id of later.remove) {
    upsert.delete(id);
    remove.add(id);
  }
  return { upsert: [...upsert.values()], remove: [...remove] };
}

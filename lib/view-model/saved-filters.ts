import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { z } from 'zod';
import type { StoredItem } from '../storage/stored-item';
import { storedSignal, type StoredSignal } from '../storage/stored-signal';
import { ListSpecSchema, type ListSpec } from './list-spec';

/** A set of filters, sort, grouping and columns the supervisor saved under a name, to restore in any view. */
export const SavedFilterSchema = z.object({
  name: z.string().min(1).max(60),
  spec: ListSpecSchema,
  savedAt: z.number(),
});
export type SavedFilter = z.infer<typeof SavedFilterSchema>;

/**
 * The saved filters as stored: an entry that no longer validates reads as null, to be skipped and counted, so one
 * broken entry does not lose the rest.
 */
export const StoredFiltersSchema = z.array(SavedFilterSchema.nullable().catch(null));
export type StoredFilters = z.infer<typeof StoredFiltersSchema>;

/** storage.sync's item limit is 8 KB; 20 saved filters stay well inside it. */
export const MAX_SAVED_FILTERS = 20;

/** Whose saved filters: each user in each org keeps their own (two people may share a browser profile). */
export interface FilterOwner {
  org: string | null;
  userId: string | null;
}

export interface SavedFilters {
  filters: ReadonlySignal<readonly SavedFilter[]>;
  /** Stored entries that failed validation and are skipped. */
  skipped: ReadonlySignal<number>;
  /** Saves under the name, replacing saved filters of the same name. */
  save(name: string, spec: ListSpec): Promise<void>;
  remove(name: string): Promise<void>;
}

const valid = (entries: StoredFilters): SavedFilter[] => entries.filter((entry): entry is SavedFilter => entry !== null);

/**
 * The signed-in user's saved filters, in storage.sync (they follow the user to other browsers), kept current with
 * changes from other views and browsers, and bound again when the user or org changes.
 */
export function createSavedFilters(
  itemFor: (owner: FilterOwner) => StoredItem<StoredFilters>,
  owner: ReadonlySignal<FilterOwner>,
  stop: AbortSignal,
  clock: () => number = Date.now,
): SavedFilters {
  let unbind = new AbortController();
  let boundKey = '';
  const bind = (item: StoredItem<StoredFilters>): StoredSignal<StoredFilters> => {
    unbind.abort();
    unbind = new AbortController();
    boundKey = item.key;
    return storedSignal(item, unbind.signal);
  };
  const bound = signal(bind(itemFor(owner.peek())));
  const disposeBinding = effect(() => {
    const item = itemFor(owner.value);
    if (item.key !== boundKey) bound.value = bind(item);
  });
  stop.addEventListener(
    'abort',
    () => {
      disposeBinding();
      unbind.abort();
    },
    { once: true },
  );

  const entries = computed(() => bound.value.value.value);
  const update = (change: (kept: SavedFilter[]) => SavedFilter[]) => bound.peek().update((stored) => change(valid(stored)));
  return {
    filters: computed(() => valid(entries.value)),
    skipped: computed(() => entries.value.length - valid(entries.value).length),
    save(name, spec) {
      const trimmed = name.trim().slice(0, 60);
      if (!trimmed) return Promise.resolve();
      const others = (kept: SavedFilter[]) => kept.filter((entry) => entry.name !== trimmed);
      return update((kept) => [{ name: trimmed, spec, savedAt: clock() }, ...others(kept)].slice(0, MAX_SAVED_FILTERS));
    },
    remove(name) {
      return update((kept) => kept.filter((entry) => entry.name !== name));
    },
  };
}

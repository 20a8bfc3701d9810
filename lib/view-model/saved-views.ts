import { signal, type ReadonlySignal } from '@preact/signals';
import { z } from 'zod';
import { ViewSpecSchema, type ViewSpec } from './view-spec';

export const SavedViewSchema = z.object({
  name: z.string().min(1).max(60),
  spec: ViewSpecSchema,
  savedAt: z.number(),
});
export type SavedView = z.infer<typeof SavedViewSchema>;

/** storage.sync's item limit is 8 KB; 20 views stay well inside it. */
export const MAX_SAVED_VIEWS = 20;

/** The part of a browser.storage area the model uses (WXT's fake browser provides it in tests). */
export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SavedViews {
  views: ReadonlySignal<readonly SavedView[]>;
  /** Stored entries that failed validation on the last read and were skipped. */
  skipped: ReadonlySignal<number>;
  load(): Promise<void>;
  /** Saves under the name, replacing a view of the same name. */
  save(name: string, spec: ViewSpec): Promise<void>;
  remove(name: string): Promise<void>;
}

/** Storage key per user, so two people sharing a browser profile (or one person in two orgs) keep their own views. */
export function savedViewsKey(org: string | null, userId: string | null): string {
  return `floorwalker.views.${org ?? 'any'}.${userId ?? 'me'}`;
}

/**
 * Saved views in browser.storage.sync (they follow the user to other browsers). Each stored entry is validated on
 * read; a broken one is skipped and counted rather than losing the rest.
 */
export function createSavedViews(area: StorageAreaLike, key: () => string, clock: () => number = Date.now): SavedViews {
  const views = signal<readonly SavedView[]>([]);
  const skipped = signal(0);

  const read = async (): Promise<SavedView[]> => {
    const stored = (await area.get(key()))[key()];
    const entries = Array.isArray(stored) ? stored : [];
    const valid = entries.flatMap((entry) => {
      const parsed = SavedViewSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
    skipped.value = entries.length - valid.length;
    return valid;
  };
  const write = async (next: SavedView[]) => {
    await area.set({ [key()]: next });
    views.value = next;
  };

  return {
    views,
    skipped,
    async load() {
      views.value = await read();
    },
    async save(name, spec) {
      const trimmed = name.trim().slice(0, 60);
      if (!trimmed) return;
      const others = (await read()).filter((view) => view.name !== trimmed);
      await write([{ name: trimmed, spec, savedAt: clock() }, ...others].slice(0, MAX_SAVED_VIEWS));
    },
    async remove(name) {
      await write((await read()).filter((view) => view.name !== name));
    },
  };
}

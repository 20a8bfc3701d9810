import { signal, type ReadonlySignal } from '@preact/signals';
import type { StoredItem } from './stored-item';

/** A signal bound to a stored item: loaded once, kept current with changes from other contexts, updated through. */
export interface StoredSignal<T> {
  value: ReadonlySignal<T>;
  /** Resolves once the stored value has been read; until then the signal holds the item's fallback. */
  loaded: Promise<void>;
  /**
   * Change the newest stored value (read again first, so a change another context just made is not lost): the
   * signal shows the result at once and storage follows. Updates run one after another.
   */
  update(change: (current: T) => T): Promise<void>;
}

/** Bind a signal to a stored item until `stop` aborts (no stop: for the life of the context, as in the worker). */
export function storedSignal<T>(item: StoredItem<T>, stop?: AbortSignal): StoredSignal<T> {
  const value = signal(item.fallback);
  // A change seen before the first read finished is newer than what that read returns.
  let changed = false;
  const unwatch = item.watch((next) => {
    changed = true;
    value.value = next;
  });
  stop?.addEventListener('abort', unwatch, { once: true });
  const loaded = item.get().then((stored) => {
    if (!changed && !stop?.aborted) value.value = stored;
  });

  let queue: Promise<void> = loaded;
  return {
    value,
    loaded,
    update(change) {
      const run = queue.then(async () => {
        const next = change(await item.get());
        changed = true;
        value.value = next;
        await item.set(next);
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

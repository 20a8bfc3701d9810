/** A storage area as the worker uses it (browser.storage.session in the extension, a fake in tests). */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/**
 * One value in storage.session: survives the worker being stopped, not the browser closing. Writes are
 * coalesced: while one is under way only the newest pending value is written after it.
 */
export function createSessionStore<T>(area: StorageArea, key: string) {
  let writing: Promise<void> | null = null;
  let pending: { value: T } | null = null;

  async function drain(): Promise<void> {
    while (pending) {
      const { value } = pending;
      pending = null;
      await area.set({ [key]: value });
    }
  }

  return {
    async load(): Promise<unknown> {
      return (await area.get(key))[key];
    },
    save(value: T): Promise<void> {
      pending = { value };
      writing ??= drain().finally(() => {
        writing = null;
      });
      return writing;
    },
  };
}

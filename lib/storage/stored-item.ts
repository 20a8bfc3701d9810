import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { z } from 'zod';
import { pack, unpack } from './packed';

/** Where an item lives and under which key: `sync:settings`, `session:feed`. */
export type StorageKey = `${'local' | 'session' | 'sync'}:${string}`;

export interface StoredItemSpec<T> {
  /** Every read is validated with it; the output is what the code gets. (Any zod schema, classic or mini.) */
  schema: z.core.$ZodType<T>;
  /** What a read gives when nothing is stored, or what is stored is invalid. */
  fallback: T;
  /**
   * The stored shape's version; bump it with a migration when the shape changes. `migrations[n]` turns a version
   * n-1 value into version n (WXT runs them once, in order, and records the version beside the value).
   */
  version?: number;
  migrations?: Record<number, (stored: unknown) => unknown>;
  /**
   * For large values: stored packed (lib/storage/packed.ts) in at most this many characters; a larger value is not
   * written and `set` rejects saying so. Reads take packed text, or the plain value an older release stored.
   */
  packedLimitChars?: number;
}

/** One value in browser storage, validated on every read. */
export interface StoredItem<T> {
  readonly key: StorageKey;
  readonly fallback: T;
  /** The stored value, validated; the fallback when there is none or it is invalid. Never rejects. */
  get(): Promise<T>;
  /** Writes are queued: while one is under way only the newest value is written after it. */
  set(value: T): Promise<void>;
  /** Changes from any context (another view, the worker, another browser for sync), validated like a read. */
  watch(listener: (value: T) => void): () => void;
}

/** Told when a stored value is unreadable or fails its schema; the read falls back instead of failing. */
export type InvalidValueReport = (key: StorageKey, problem: string) => void;

const warn: InvalidValueReport = (key, problem) => console.warn(`Floorwalker: stored ${key} not used (${problem}); using the default`);

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * A stored item over WXT's `storage.defineItem` (versions and migrations), with the zod schema and fallback the
 * code relies on. The WXT item is made on first use, so declaring an item costs nothing in a bundle or a context
 * that never touches it (a content script has no storage.session).
 */
export function defineStoredItem<T>(key: StorageKey, spec: StoredItemSpec<T>, report: InvalidValueReport = warn): StoredItem<T> {
  let wxtItem: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
  // Without migrations WXT writes no version beside the value: items stay exactly as earlier releases stored them.
  const inner = () =>
    (wxtItem ??= storage.defineItem<unknown>(key, spec.migrations ? { version: spec.version ?? 1, migrations: spec.migrations } : {}));

  const parse = (raw: unknown): T => {
    if (raw === null || raw === undefined) return spec.fallback;
    const parsed = z.safeParse(spec.schema, raw);
    if (parsed.success) return parsed.data;
    report(key, describe(parsed.error));
    return spec.fallback;
  };
  const unreadable = (error: unknown) => report(key, `unreadable: ${error instanceof Error ? error.message : String(error)}`);
  const limit = spec.packedLimitChars;
  const decode = async (raw: unknown): Promise<T> => parse(limit !== undefined && typeof raw === 'string' ? await unpack(raw) : raw);
  const encode = (value: T): Promise<unknown> | T => (limit !== undefined && value !== null ? pack(value, limit) : value);

  let writing: Promise<void> | null = null;
  let pending: { value: T } | null = null;
  const drain = async () => {
    while (pending) {
      const { value } = pending;
      pending = null;
      await inner().setValue(await encode(value));
    }
  };

  return {
    key,
    fallback: spec.fallback,
    async get() {
      try {
        return await decode(await inner().getValue());
      } catch (error) {
        unreadable(error);
        return spec.fallback;
      }
    },
    set(value) {
      pending = { value };
      writing ??= drain().finally(() => {
        writing = null;
      });
      return writing;
    },
    watch: (listener) =>
      inner().watch((raw) => {
        decode(raw).then(listener, unreadable);
      }),
  };
}

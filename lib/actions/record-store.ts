import { z } from 'zod';
import { ActionRecordSchema, type ActionRecord } from '../model/actions';
import { isInFlight } from './rules';

/** How many finished actions the log keeps; actions still in flight are never dropped. */
export const LOG_LIMIT = 100;

/**
 * What survives a killed worker: every record, and which ones may already have reached the platform (their outcome
 * must be read back from it, never assumed).
 */
export const ActionLogSnapshotSchema = z.object({
  version: z.literal(1),
  records: z.array(ActionRecordSchema),
  sent: z.array(z.string()),
});
export type ActionLogSnapshot = z.infer<typeof ActionLogSnapshotSchema>;

export interface RecordStoreDeps {
  publish(records: ActionRecord[]): void;
  /** storage.session in the extension: validated on read, null when there is nothing usable. */
  storage: { load(): Promise<ActionLogSnapshot | null>; save(snapshot: ActionLogSnapshot): Promise<void> };
}

/** The action log: bounded, published to the views and persisted on every change. */
export function createRecordStore(deps: RecordStoreDeps) {
  let records: ActionRecord[] = [];
  const sent = new Set<string>();
  let saving: Promise<void> = Promise.resolve();

  function trim(): void {
    const finished = records.filter((r) => !isInFlight(r));
    if (finished.length <= LOG_LIMIT) return;
    const drop = new Set(finished.slice(0, finished.length - LOG_LIMIT).map((r) => r.id));
    records = records.filter((r) => !drop.has(r.id));
  }

  /** Saves run one after another, so the last write always holds the newest state. */
  function commit(): Promise<void> {
    trim();
    deps.publish([...records].reverse());
    const snapshot: ActionLogSnapshot = { version: 1, records, sent: [...sent].filter((id) => records.some((r) => r.id === id)) };
    saving = saving.then(() => deps.storage.save(snapshot)).catch(() => undefined);
    return saving;
  }

  return {
    get: (id: string): ActionRecord | undefined => records.find((r) => r.id === id),
    all: (): readonly ActionRecord[] => records,
    wasSent: (id: string): boolean => sent.has(id),
    add(record: ActionRecord): Promise<void> {
      records.push(record);
      return commit();
    },
    update(id: string, change: Partial<ActionRecord>): Promise<void> {
      records = records.map((r) => (r.id === id ? { ...r, ...change } : r));
      return commit();
    },
    markSent(id: string, value: boolean): Promise<void> {
      if (value) sent.add(id);
      else sent.delete(id);
      return commit();
    },
    /**
     * Load what a previous worker left; records created since start-up are kept. Returns the records it restored
     * (not those of this worker).
     */
    async load(): Promise<ActionRecord[]> {
      const saved = await deps.storage.load().catch(() => null);
      if (!saved) return [];
      const known = new Set(records.map((r) => r.id));
      const restored = saved.records.filter((r) => !known.has(r.id));
      records = [...restored, ...records];
      for (const id of saved.sent) if (!known.has(id)) sent.add(id);
      await commit();
      return restored;
    },
  };
}

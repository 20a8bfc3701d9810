import { FeatureUpdateSchema, type WorkerToView } from '../protocol/view-port';

type Result = { ok: true; message: WorkerToView } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const arrays = (value: Record<string, unknown>, keys: string[]) => keys.every((key) => Array.isArray(value[key]));

/**
 * The overlay's check of worker messages: the envelope's shape only. Full zod would triple the content script
 * (see entrypoints/workspace.content); the port only ever carries messages from our own worker, which built them
 * from rows it validated, and every row renders inside an error boundary. The side panel uses the full schema.
 */
export function guardWorkerMessage(raw: unknown): Result {
  if (!isObject(raw)) return { ok: false, reason: 'message: not an object' };
  if (raw.type === 'snapshot') {
    const state = raw.state;
    if (isObject(state) && arrays(state, ['conversations', 'agents', 'queues', 'actions']) && isObject(state.access)) {
      return { ok: true, message: raw as WorkerToView };
    }
    return { ok: false, reason: 'state: incomplete snapshot' };
  }
  if (raw.type === 'patch') {
    return isObject(raw.patch) ? { ok: true, message: raw as WorkerToView } : { ok: false, reason: 'patch: missing' };
  }
  if (raw.type === 'rejected' && typeof raw.reason === 'string') return { ok: true, message: raw as WorkerToView };
  if (raw.type === 'feature') {
    // Feature updates are small: checked in full.
    const update = FeatureUpdateSchema.safeParse(raw.update);
    return update.success ? { ok: true, message: { type: 'feature', update: update.data } } : { ok: false, reason: 'update: invalid feature update' };
  }
  return { ok: false, reason: 'type: unknown message' };
}

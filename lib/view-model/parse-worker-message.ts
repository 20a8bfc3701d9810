import { WorkerToViewSchema, type WorkerToView } from '../protocol/view-port';

/** Validate a message from the worker with the shared protocol schema; the first issue becomes the reason. */
export function parseWorkerMessage(raw: unknown): { ok: true; message: WorkerToView } | { ok: false; reason: string } {
  const parsed = WorkerToViewSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable message' };
}

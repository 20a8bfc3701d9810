import { WorkerToViewSchema, type WorkerToView } from '../protocol/view-port';

/** Validate a message from the worker with the shared protocol schema; the first issue becomes the reason. */
export function parseWorkerMessage(raw: unknown): { ok: true; message: WorkerToView } | { ok: false; reason: string } {
  const parsed = WorkerToViewSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: compacted(parsed.data) };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable message' };
}

/**
 * Zod checks an object key by key here (its compiled path needs eval, which extension pages forbid), and V8 keeps
 * an object built that way as a hash table once it has more than a dozen keys: each conversation held ~800 bytes
 * more, 40 MB of the overlay's heap at 50,000 ongoing. A spread copy of each row has a compact, shared shape.
 */
const compact = <T extends object>(rows: T[]): T[] => rows.map((row) => ({ ...row }));

function compacted(message: WorkerToView): WorkerToView {
  if (message.type === 'snapshot') {
    const { state } = message;
    return { ...message, state: { ...state, conversations: compact(state.conversations), agents: compact(state.agents) } };
  }
  if (message.type !== 'patch') return message;
  const { conversations, agents } = message.patch;
  return {
    ...message,
    patch: {
      ...message.patch,
      ...(conversations && { conversations: { ...conversations, upsert: compact(conversations.upsert) } }),
      ...(agents && { agents: { ...agents, upsert: compact(agents.upsert) } }),
    },
  };
}

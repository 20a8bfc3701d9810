import type { Random } from '../../emulator/world/random';
import { CHANNEL, type Conversation } from '../../lib/model/conversation';
import type { ActionIntent } from '../../lib/model/actions';
import type { Queue } from '../../lib/model/agent';

/**
 * What the soak does next, from a seeded random stream: which fault to switch on (and for how long), and which
 * action a supervisor takes on which conversation. Pure: the same seed gives the same plan for the same floor.
 */

export interface FaultStep {
  name: string;
  /** Body for POST /_emulator/faults. */
  body: Record<string, unknown>;
  /** Wall milliseconds before the fault is cleared (counted faults may be used up sooner). */
  holdMs: number;
}

export function nextFault(random: Random): FaultStep {
  const hold = Math.round(random.between(1_500, 5_000));
  return random.weighted<FaultStep>([
    [{ name: 'throttle', body: { throttle: { count: 1 + random.int(3), retryAfterSeconds: 1 + random.int(3) } }, holdMs: hold }, 2],
    [{ name: '500 burst', body: { errors: { status: 500, rate: 0.7 } }, holdMs: hold }, 1],
    [{ name: '503 burst', body: { errors: { status: 503, rate: 1 } }, holdMs: hold }, 1],
    [{ name: 'latency', body: { latencyMs: 1_000 + random.int(2_000) }, holdMs: hold }, 1],
    [{ name: 'malformed', body: { malformed: { count: 1 + random.int(2) } }, holdMs: hold }, 1],
    [{ name: 'dropped', body: { dropConnections: { count: 1 + random.int(2) } }, holdMs: hold }, 1],
  ]);
}

const isRecordRouted = (c: Conversation) => c.channels.includes(CHANNEL.entityRecords);

/**
 * An action the platform's rules allow on the floor as the worker last showed it, on a conversation not acted on
 * yet; null when nothing fits. Only actions that finish without an agent's answer, so each ends on its own.
 */
export function nextAction(
  random: Random,
  me: string,
  conversations: readonly Conversation[],
  queues: readonly Queue[],
  used: ReadonlySet<string>,
): ActionIntent | null {
  const free = conversations.filter((c) => !used.has(c.id) && !c.pending && !isRecordRouted(c));
  const kind = random.weighted([
    ['monitor', 4],
    ['forceClose', 3],
    ['assignQueue', 3],
  ] as const);
  const base = (c: Conversation) => ({ conversationId: c.id, etag: c.etag });
  if (kind === 'monitor') {
    const pool = free.filter((c) => c.status !== 'open' && c.agentId !== me && !c.participants.some((p) => p.agentId === me));
    return pool.length ? { kind, ...base(random.pick(pool)) } : null;
  }
  if (kind === 'forceClose') return free.length ? { kind, ...base(random.pick(free)) } : null;
  const open = free.filter((c) => c.status === 'open' && c.agentId === null);
  if (!open.length) return null;
  const conversation = random.pick(open);
  const type = queues.find((q) => q.id === conversation.queueId)?.type;
  const others = queues.filter((q) => q.supervised && q.id !== conversation.queueId && q.type === type);
  return others.length ? { kind, ...base(conversation), queueId: random.pick(others).id } : null;
}

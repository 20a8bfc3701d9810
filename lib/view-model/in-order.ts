/**
 * The port's order for messages that come two ways (lib/protocol/view-port.ts, "Large messages"): port messages are
 * delivered as they come, except that a reference to a large message holds everything after it until that message
 * has come by the other way. A large message may come before or after its reference.
 */
export interface InOrder {
  /** A message from the port: a reference (its id) or a message itself. */
  fromPort(message: { bulk: string } | { message: unknown }): void;
  /** A large message, by its id. */
  fromBulk(id: string, message: unknown): void;
  /** The reference waited for, if one is (for the caller's timeout). */
  waiting(): string | null;
  /** Forget everything held (the port closed: the worker sends a fresh snapshot on the next hello). */
  reset(): void;
}

export function createInOrder(deliver: (message: unknown) => void): InOrder {
  /** Large messages that came before their reference. */
  const early = new Map<string, unknown>();
  /** Port messages in order, behind a reference whose message has not come yet. */
  let held: ({ bulk: string } | { message: unknown })[] = [];

  const drain = () => {
    while (held.length > 0) {
      const next = held[0]!;
      if ('bulk' in next) {
        if (!early.has(next.bulk)) return;
        const message = early.get(next.bulk);
        early.delete(next.bulk);
        held.shift();
        deliver(message);
      } else {
        held.shift();
        deliver(next.message);
      }
    }
  };

  return {
    fromPort(item) {
      held.push(item);
      drain();
    },
    fromBulk(id, message) {
      early.set(id, message);
      drain();
    },
    waiting() {
      const head = held[0];
      return head && 'bulk' in head ? head.bulk : null;
    },
    reset() {
      early.clear();
      held = [];
    },
  };
}

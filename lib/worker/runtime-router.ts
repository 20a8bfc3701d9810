import { RuntimeRequestSchema, type RuntimeRequest, type RuntimeResponse, type SenderKind } from '../protocol/runtime-message';
import { classifySender, type SenderInfo } from '../protocol/sender';

export type RuntimeHandler = (request: RuntimeRequest, sender: SenderInfo, kind: SenderKind) => Promise<RuntimeResponse> | RuntimeResponse;

/**
 * Validate and route one-shot messages. Invalid messages and unknown senders get a clear refusal, never a throw:
 * a bad message must not take the worker down.
 */
export function createRuntimeRouter(ownId: string, handle: RuntimeHandler, log: (line: string) => void = console.warn) {
  return async (message: unknown, sender: SenderInfo): Promise<RuntimeResponse> => {
    const kind = classifySender(sender, ownId);
    if (!kind) {
      log(`Floorwalker: message from an unknown sender refused (${sender.url ?? 'no url'})`);
      return { ok: false, error: 'Unknown sender' };
    }
    const parsed = RuntimeRequestSchema.safeParse(message);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const error = `Invalid message: ${issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'unreadable'}`;
      log(`Floorwalker: ${error}`);
      return { ok: false, error };
    }
    return handle(parsed.data, sender, kind);
  };
}

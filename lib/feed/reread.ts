import type { DataverseTransport } from '../dataverse/transport';
import { failed, failureOf, malformed, succeeded, type Result } from '../dataverse/result';
import { conversationRequest, ConversationRowSchema, type ConversationRow } from '../dataverse/operations/conversations';
import type { ParticipantRow } from '../dataverse/operations/session-participants';
import { readParticipantsOf } from './read-full';

export interface Reread {
  /** Null when the platform no longer has it (404). */
  row: ConversationRow | null;
  participants: ParticipantRow[];
}

/** One conversation and its session's participants, straight from the platform; 404 → row null (gone). */
export async function rereadConversation(transport: DataverseTransport, id: string): Promise<Result<Reread>> {
  const outcome = await transport.send(conversationRequest(id));
  if (!outcome.ok) return outcome.status === 404 ? succeeded({ row: null, participants: [] }) : failed(failureOf(outcome));
  const parsed = ConversationRowSchema.safeParse(outcome.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return failed(malformed(outcome.status, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`));
  }
  const session = parsed.data._msdyn_lastsessionid_value;
  if (!session) return succeeded({ row: parsed.data, participants: [] });
  const participants = await readParticipantsOf(transport, [session]);
  return participants.ok ? succeeded({ row: parsed.data, participants: participants.value }) : participants;
}

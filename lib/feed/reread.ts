import type { DataverseTransport } from '../dataverse/transport';
import type { Failure } from '../dataverse/read';
import { conversationRequest, ConversationRowSchema, type ConversationRow } from '../dataverse/operations/conversations';
import type { ParticipantRow } from '../dataverse/operations/session-participants';
import { readParticipantsOf } from './read-full';

export type Reread = { ok: true; row: ConversationRow | null; participants: ParticipantRow[] } | { ok: false; failure: Failure };

/** One conversation and its session's participants, straight from the platform; 404 → row null (gone). */
export async function rereadConversation(transport: DataverseTransport, id: string): Promise<Reread> {
  const outcome = await transport.send(conversationRequest(id));
  if (!outcome.ok) return outcome.status === 404 ? { ok: true, row: null, participants: [] } : { ok: false, failure: outcome };
  const parsed = ConversationRowSchema.safeParse(outcome.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, failure: { ok: false, failure: 'malformed', status: outcome.status, code: null, message: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`, retryAt: null } };
  }
  const session = parsed.data._msdyn_lastsessionid_value;
  if (!session) return { ok: true, row: parsed.data, participants: [] };
  const participants = await readParticipantsOf(transport, [session]);
  return participants.ok ? { ok: true, row: parsed.data, participants: participants.rows } : { ok: false, failure: participants.failure };
}

import type { Conversation, PendingHandoff } from '../model/conversation';
import type { ParticipantRow } from '../dataverse/operations/session-participants';

/** msdyn_sessionparticipant.msdyn_mode (docs/platform.md#sessions-and-participants). */
const MODE: Readonly<Record<number, Conversation['participants'][number]['mode']>> = {
  192350002: 'primary',
  192350003: 'consult',
  192350004: 'monitor',
};

/** Still in the session: not left, not deactivated. */
const isPresent = (row: ParticipantRow): boolean => row.msdyn_lefton === null && (row.statecode ?? 0) === 0;

/**
 * The session's people as the panel shows them. A participant added but not yet joined is an offer the agent has
 * not accepted: a pending transfer or assignment, not a participant.
 */
export function sessionPeople(rows: Iterable<ParticipantRow>): Pick<Conversation, 'participants' | 'pending'> {
  const participants: Conversation['participants'] = [];
  let pending: PendingHandoff | null = null;
  const present = [...rows].filter(isPresent).sort((a, b) => (a.msdyn_addedon ?? '').localeCompare(b.msdyn_addedon ?? ''));
  for (const row of present) {
    const agentId = row._msdyn_agentid_value;
    if (!agentId) continue;
    if (row.msdyn_joinedon === null) {
      pending = { kind: handoffKind(row.msdyn_assignreason), targetAgentId: agentId, since: row.msdyn_addedon ?? row.modifiedon };
      continue;
    }
    participants.push({ agentId, mode: (row.msdyn_mode !== null && MODE[row.msdyn_mode]) || 'other' });
  }
  return { participants, pending };
}

/** Assign reasons (docs/platform.md#sessions-and-participants): SupervisorAssign is an assignment; AgentTransfer / SupervisorTransferToAgent are transfers. */
function handoffKind(reason: string | null): PendingHandoff['kind'] {
  return /assign/i.test(reason ?? '') && !/transfer/i.test(reason ?? '') ? 'assign' : 'transfer';
}

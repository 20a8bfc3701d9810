import type { DataverseTransport } from '../dataverse/transport';
import { readOne } from '../dataverse/read';
import { succeeded } from '../dataverse/result';
import { conversationsRequest, type ConversationRow } from '../dataverse/operations/conversations';
import { participantsChangedRequest, type ParticipantRow } from '../dataverse/operations/session-participants';
import { agentStatusesRequest, type AgentStatusRow } from '../dataverse/operations/agents';
import { latestModifiedRequest, LatestModifiedSchema } from '../dataverse/operations/latest-modified';
import type { Watermarks } from './live-picture';
import { Reader, SPECS, type Read } from './read-full';
import { readProfileUnitChanges, type ProfileTables } from './profile-capacity';
import type { AgentProfileUnitRow } from '../dataverse/operations/capacity-profiles';

/**
 * How far back a deep read reaches before the watermark. Rows committed late with an earlier modifiedon are caught;
 * rows seen twice are dropped by row version.
 */
export const OVERLAP_MS = 10_000;

export interface Changes {
  conversations: ConversationRow[];
  participants: ParticipantRow[];
  statuses: AgentStatusRow[];
  /** Capacity-profile units, read with the statuses on an org that uses profiles. */
  units: AgentProfileUnitRow[];
}

/**
 * Everything changed since the watermarks: conversations in any state and any queue (so closes and moves out of
 * the supervised queues are seen; the model keeps only the supervised ones), participants, agent statuses.
 */
/**
 * Which of the slower-moving tables this poll reads too (conversations are read on every poll), and whether the
 * conversations read reaches OVERLAP_MS back (deep) or starts at the watermark's second. Every conversation change
 * would otherwise come again with each poll inside the overlap: at a poll a second or two apart, six times or more.
 */
export interface PollScope {
  participants: boolean;
  statuses: boolean;
  deep: boolean;
}

export async function readChanges(
  transport: DataverseTransport,
  marks: Watermarks,
  tracked: boolean,
  scope: PollScope = { participants: true, statuses: true, deep: true },
  profiles: ProfileTables | null = null,
): Promise<Read<Changes>> {
  const reader = new Reader(transport);
  const since = (mark: number | null) => (mark ?? 0) - OVERLAP_MS;
  // The literal is whole seconds and the filter is `ge`: rows stamped in the watermark's second come again, as the
  // platform's clock is kept to the second.
  const conversationsSince = scope.deep ? since(marks.conversations) : (marks.conversations ?? 0);
  // With change tracking on, conversations come through the delta link instead (see change-tracking.ts).
  const none = succeeded({ rows: [], issues: [] });
  const conversations = tracked ? none : await reader.rows(conversationsRequest([], conversationsSince, false), SPECS.conversation);
  if (!conversations.ok) return conversations;
  const participants = scope.participants
    ? await reader.rows(participantsChangedRequest(since(marks.participants)), SPECS.participant)
    : none;
  if (!participants.ok) return participants;
  const statuses = scope.statuses ? await reader.rows(agentStatusesRequest(since(marks.agentStatuses)), SPECS.status) : none;
  if (!statuses.ok) return statuses;
  const units = scope.statuses ? await readProfileUnitChanges(reader, profiles, since(marks.profileUnits)) : succeeded([]);
  if (!units.ok) return units;
  return succeeded({
    conversations: conversations.value.rows,
    participants: participants.value.rows,
    statuses: statuses.value.rows,
    units: units.value,
    issues: reader.issues,
  });
}

/** The newest modifiedon of a table, or null if it is empty or unreadable (the next full load tries again). */
export async function latestModified(transport: DataverseTransport, entitySet: string): Promise<number | null> {
  const result = await readOne(transport, latestModifiedRequest(entitySet), LatestModifiedSchema);
  const at = result.ok ? Date.parse(result.value.value[0]?.modifiedon ?? '') : Number.NaN;
  return Number.isNaN(at) ? null : at;
}

/**
 * Sets how many conversations are ongoing in an emulated org, for the cost-growth figures. The emulator's
 * scenarios have fixed sizes (busy: 10,000), so the bench trims or copies the busy world's ongoing conversations
 * in-process, each with its session and participants, keeping their stamps in the past so no poll sees them as
 * changes. Agents, queues and the simulated traffic stay those of `busy`.
 */
import { randomUUID } from 'node:crypto';
import type { Emulator } from '../../emulator';

type Row = Record<string, unknown>;

const CONVERSATIONS = 'msdyn_ocliveworkitems';
const SESSIONS = 'msdyn_ocsessions';
const PARTICIPANTS = 'msdyn_sessionparticipants';

export function setOngoing(emulator: Emulator, wanted: number): number {
  const store = emulator.world.store;
  const ongoing = [...store.rows(CONVERSATIONS)].filter((row) => row.statecode === 0);
  const participantsOf = groupBy([...store.rows(PARTICIPANTS)], (row) => String(row._msdyn_omnichannelsession_value));

  for (const row of ongoing.slice(wanted)) {
    const session = typeof row._msdyn_lastsessionid_value === 'string' ? row._msdyn_lastsessionid_value : null;
    for (const participant of session ? (participantsOf.get(session) ?? []) : [])
      store.remove(PARTICIPANTS, String(participant.msdyn_sessionparticipantid));
    if (session) store.remove(SESSIONS, session);
    store.remove(CONVERSATIONS, String(row.activityid));
  }

  for (let i = ongoing.length; i < wanted; i++) {
    const source = ongoing[i % ongoing.length]!;
    const id = randomUUID();
    const sourceSession = typeof source._msdyn_lastsessionid_value === 'string' ? source._msdyn_lastsessionid_value : null;
    const session = sourceSession ? store.get(SESSIONS, sourceSession) : undefined;
    const sessionId = session ? randomUUID() : null;
    if (session && sessionId) {
      store.insert(SESSIONS, { ...withoutVersion(session), activityid: sessionId, _msdyn_liveworkitemid_value: id });
      for (const participant of participantsOf.get(sourceSession!) ?? []) {
        store.insert(PARTICIPANTS, {
          ...withoutVersion(participant),
          msdyn_sessionparticipantid: randomUUID(),
          _msdyn_omnichannelsession_value: sessionId,
        });
      }
    }
    store.insert(CONVERSATIONS, {
      ...withoutVersion(source),
      activityid: id,
      msdyn_ocliveworkitemid: id,
      _msdyn_lastsessionid_value: sessionId,
    });
  }
  return [...store.rows(CONVERSATIONS)].filter((row) => row.statecode === 0).length;
}

function withoutVersion(row: Row): Row {
  const { versionnumber: _version, ...rest } = row;
  return rest;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

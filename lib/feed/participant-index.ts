import type { ParticipantRow } from '../dataverse/operations/session-participants';

/**
 * Participant rows by id and by session. Who is in a session is looked up once per conversation, so that lookup
 * must not scan every participant: at 10,000 conversations a scan each was a hundred million steps per full load.
 */
export class ParticipantIndex {
  private readonly rows = new Map<string, ParticipantRow>();
  private readonly bySession = new Map<string, Map<string, ParticipantRow>>();

  static of(rows: Iterable<ParticipantRow>): ParticipantIndex {
    const index = new ParticipantIndex();
    for (const row of rows) index.set(row);
    return index;
  }

  get(id: string): ParticipantRow | undefined {
    return this.rows.get(id);
  }
  ids(): IterableIterator<string> {
    return this.rows.keys();
  }
  values(): IterableIterator<ParticipantRow> {
    return this.rows.values();
  }
  ofSession(session: string): ParticipantRow[] {
    return [...(this.bySession.get(session)?.values() ?? [])];
  }

  set(row: ParticipantRow): void {
    const id = row.msdyn_sessionparticipantid;
    this.delete(id);
    this.rows.set(id, row);
    const session = row._msdyn_omnichannelsession_value;
    if (!session) return;
    let members = this.bySession.get(session);
    if (!members) this.bySession.set(session, (members = new Map<string, ParticipantRow>()));
    members.set(id, row);
  }

  /** Removes the row; returns its session (null when it had none or was not held). */
  delete(id: string): string | null {
    const held = this.rows.get(id);
    if (!held) return null;
    this.rows.delete(id);
    const session = held._msdyn_omnichannelsession_value;
    if (!session) return null;
    const members = this.bySession.get(session);
    members?.delete(id);
    if (members?.size === 0) this.bySession.delete(session);
    return session;
  }

  dropSession(session: string): void {
    for (const id of [...(this.bySession.get(session)?.keys() ?? [])]) this.delete(id);
  }
}

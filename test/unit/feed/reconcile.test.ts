import { describe, expect, it } from 'vitest';
import { outdated } from '../../../lib/feed/diff';
import { ParticipantIndex } from '../../../lib/feed/participant-index';
import { participantRow, session } from './fixtures';

describe('reconcile by ids and versions', () => {
  it('reads whole only rows not held or listed newer than held; a newer held row stays', () => {
    const held = new Map([
      ['a', 'W/"10"'],
      ['b', 'W/"10"'],
      ['c', 'W/"30"'],
    ]);
    const listed = [
      { id: 'a', etag: 'W/"10"' }, // unchanged
      { id: 'b', etag: 'W/"11"' }, // changed since
      { id: 'c', etag: 'W/"20"' }, // a poll already brought a newer one
      { id: 'd', etag: 'W/"1"' }, // never seen
    ];
    expect(outdated(listed, (id) => held.get(id))).toEqual(['b', 'd']);
  });

  it('finds a session’s participants without scanning, and forgets them by row or by session', () => {
    const index = ParticipantIndex.of([participantRow(1, 1), participantRow(2, 1), participantRow(3, 2)]);
    expect(
      index
        .ofSession(session(1))
        .map((row) => row.msdyn_sessionparticipantid)
        .sort(),
    ).toEqual([participantRow(1, 1), participantRow(2, 1)].map((row) => row.msdyn_sessionparticipantid).sort());
    expect(index.delete(participantRow(1, 1).msdyn_sessionparticipantid)).toBe(session(1));
    expect(index.ofSession(session(1))).toHaveLength(1);
    // A row that moves to another session is found only there.
    index.set({ ...participantRow(2, 1), _msdyn_omnichannelsession_value: session(2) });
    expect(index.ofSession(session(1))).toEqual([]);
    index.dropSession(session(2));
    expect([...index.ids()]).toEqual([]);
  });
});

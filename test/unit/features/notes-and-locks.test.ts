import { describe, expect, it } from 'vitest';
import { createdId, notesSinceRequest, notesWithSubjectRequest, parseNotes } from '../../../lib/dataverse/operations/notes';
import { toCsv } from '../../../lib/format/csv';
import { mergeNotes } from '../../../lib/features/shared-log/log';
import { LOCK_SUBJECT, lockNote, othersLock, readLock, LOCK_TTL_MS } from '../../../lib/features/soft-locks/locks';

const CONV = 'c0000000-0000-4000-8000-000000000001';
const NOTE = 'e0000000-0000-4000-8000-000000000001';
const OWNER = '5f0f1a00-0000-4000-8000-000000000001';

describe('notes on conversations', () => {
  it('reads only notes bound to a conversation, with the author’s name', () => {
    const body = {
      value: [
        {
          annotationid: NOTE,
          subject: 'Transfer by Sofia',
          notetext: 'Skill mismatch',
          createdon: '2026-11-25T10:00:00Z',
          _objectid_value: CONV,
          '_objectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'msdyn_ocliveworkitem',
          _ownerid_value: OWNER,
          '_ownerid_value@OData.Community.Display.V1.FormattedValue': 'Sofia Lindqvist',
        },
        {
          annotationid: NOTE.replace('1', '2'),
          subject: 'Case note',
          createdon: '2026-11-25T10:00:00Z',
          _objectid_value: CONV,
          '_objectid_value@Microsoft.Dynamics.CRM.lookuplogicalname': 'incident',
        },
        { annotationid: 'not-a-guid', createdon: 'x' },
      ],
    };
    expect(parseNotes(body)).toEqual([
      {
        id: NOTE,
        conversationId: CONV,
        createdAt: Date.parse('2026-11-25T10:00:00Z'),
        author: 'Sofia Lindqvist',
        authorId: OWNER,
        subject: 'Transfer by Sofia',
        text: 'Skill mismatch',
      },
    ]);
  });

  it('queries by creation time, and lock notes by their subject', () => {
    expect(decodeURIComponent(notesSinceRequest(Date.parse('2026-11-25T10:00:00Z')).path)).toContain(
      "$filter=objecttypecode eq 'msdyn_ocliveworkitem' and createdon ge 2026-11-25T10:00:00Z",
    );
    expect(decodeURIComponent(notesWithSubjectRequest(LOCK_SUBJECT, 0).path)).toContain("startswith(subject,'Floorwalker lock')");
    expect(decodeURIComponent(notesWithSubjectRequest("O'Brien", 0).path)).toContain("startswith(subject,'O''Brien')");
  });

  it('finds a created note’s id in OData-EntityId', () => {
    expect(
      createdId({ ok: true, status: 204, body: null, headers: { 'odata-entityid': `https://org/api/data/v9.2/annotations(${NOTE})` } }),
    ).toBe(NOTE);
    expect(createdId({ ok: false, kind: 'http', status: 403, code: null, message: '', retryAt: null })).toBeNull();
  });

  it('merges by id, newest first', () => {
    const n = (id: string, at: number) => ({
      id,
      conversationId: CONV,
      createdAt: at,
      author: null,
      authorId: null,
      subject: '',
      text: '',
    });
    expect(mergeNotes([n('a', 1), n('b', 2)], [n('b', 2), n('c', 3)]).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('CSV export', () => {
  it('quotes every field, doubles quotes, and defuses formulas', () => {
    const csv = toCsv(
      [{ a: 'He said "hi"', b: '=HYPERLINK("x")' }],
      [
        { header: 'A', value: (r) => r.a },
        { header: 'B', value: (r) => r.b },
      ],
    );
    expect(csv).toBe('"A","B"\r\n"He said ""hi""","\'=HYPERLINK(""x"")"\r\n');
  });
});

describe('soft locks', () => {
  it('round-trips through a note and expires', () => {
    const note = lockNote('transfer', 'Sofia Lindqvist', 1000);
    expect(note.subject).toBe('Floorwalker lock: Sofia Lindqvist (transfer)');
    const lock = readLock({ id: NOTE, conversationId: CONV, subject: note.subject, text: note.text, authorId: OWNER }, 2000);
    expect(lock).toMatchObject({ kind: 'transfer', userName: 'Sofia Lindqvist', until: 1000 + LOCK_TTL_MS });
    expect(
      readLock({ id: NOTE, conversationId: CONV, subject: note.subject, text: note.text, authorId: OWNER }, 1000 + LOCK_TTL_MS),
    ).toBeNull();
    expect(readLock({ id: NOTE, conversationId: CONV, subject: 'Floorwalker lock', text: '{oops', authorId: null }, 0)).toBeNull();
    expect(othersLock([lock!], CONV, OWNER.toUpperCase(), 2000)).toBeNull();
    expect(othersLock([lock!], CONV, 'someone-else', 2000)).toBe(lock);
  });
});

import { z } from 'zod';
import type { NoteEntry } from '../../model/note';
import type { DataverseOutcome, DataverseRequest } from '../transport';
import { dateTimeLiteral, FORMATTED, GuidSchema, guidLiteral, query } from '../odata';

/**
 * Notes (annotations) on conversations, read and deleted through the Web API: annotations hang off the
 * conversation through objectid (docs/platform.md, notes). Writing one is lib/actions/operations/note.ts.
 */
const LOOKUP_TYPE = '@Microsoft.Dynamics.CRM.lookuplogicalname';
const CONVERSATION = 'msdyn_ocliveworkitem';

const NoteRowSchema = z.object({
  annotationid: GuidSchema,
  subject: z.string().nullable().optional(),
  notetext: z.string().nullable().optional(),
  createdon: z.string().refine((text) => !Number.isNaN(Date.parse(text))),
  _objectid_value: GuidSchema.nullable().optional(),
  [`_objectid_value${LOOKUP_TYPE}`]: z.string().optional(),
  _ownerid_value: GuidSchema.nullable().optional(),
  [`_ownerid_value${FORMATTED}`]: z.string().optional(),
});

const SELECT = 'annotationid,subject,notetext,createdon,_objectid_value,_ownerid_value';
/** The note's object type (LOOKUP_TYPE) comes only with the lookup annotations. */
const ALL_ANNOTATIONS = { Prefer: 'odata.include-annotations="*"' };
/** Enough for a busy shift; the oldest of a larger burst are simply not shown (they stay in Dynamics). */
const NOTES_PAGE = 300;

/**
 * Conversation notes only, filtered by the platform: on an org full of case notes, a newest-first page of every note
 * would hold none of ours.
 */
const ON_CONVERSATIONS = `objecttypecode eq '${CONVERSATION}'`;

/** Notes on conversations created since a time, newest first (every subject: the caller sorts out what it does not want). */
export function notesSinceRequest(sinceMs: number): DataverseRequest {
  return {
    method: 'GET',
    path: `annotations${query({ $select: SELECT, $filter: `${ON_CONVERSATIONS} and createdon ge ${dateTimeLiteral(sinceMs)}`, $orderby: 'createdon desc', $top: String(NOTES_PAGE) })}`,
    headers: ALL_ANNOTATIONS,
    queryKey: 'notes',
  };
}

/** Notes on conversations whose subject starts with a prefix, created since a time. */
export function notesWithSubjectRequest(prefix: string, sinceMs: number): DataverseRequest {
  const filter = `${ON_CONVERSATIONS} and startswith(subject,'${prefix.replace(/'/g, "''")}') and createdon ge ${dateTimeLiteral(sinceMs)}`;
  return {
    method: 'GET',
    path: `annotations${query({ $select: SELECT, $filter: filter, $top: '200' })}`,
    headers: ALL_ANNOTATIONS,
    queryKey: `notes:${prefix}`,
  };
}

export const deleteNoteRequest = (noteId: string): DataverseRequest => ({ method: 'DELETE', path: `annotations(${guidLiteral(noteId)})` });

/** The conversation notes in an answer; rows that are not notes on a conversation, or fail validation, are skipped. */
export function parseNotes(body: unknown): NoteEntry[] {
  const rows = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row): NoteEntry[] => {
    const parsed = NoteRowSchema.safeParse(row);
    if (!parsed.success || !parsed.data._objectid_value) return [];
    const type = (parsed.data as Record<string, unknown>)[`_objectid_value${LOOKUP_TYPE}`];
    if (type !== undefined && type !== CONVERSATION) return [];
    const author = (parsed.data as Record<string, unknown>)[`_ownerid_value${FORMATTED}`];
    return [
      {
        id: parsed.data.annotationid,
        conversationId: parsed.data._objectid_value,
        createdAt: Date.parse(parsed.data.createdon),
        author: typeof author === 'string' ? author : null,
        authorId: parsed.data._ownerid_value ?? null,
        subject: parsed.data.subject ?? '',
        text: parsed.data.notetext ?? '',
      },
    ];
  });
}

/** The new record's id from a create's OData-EntityId header (204) or its body (201 with return=representation). */
export function createdId(outcome: DataverseOutcome): string | null {
  if (!outcome.ok) return null;
  const fromBody = (outcome.body as { annotationid?: unknown } | null)?.annotationid;
  if (typeof fromBody === 'string') return fromBody.toLowerCase();
  const match = /\(([0-9a-f-]{36})\)\s*$/i.exec(outcome.headers['odata-entityid'] ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

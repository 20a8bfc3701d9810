/**
 * Notes other teams write on cases (the `otherNotes` setting): annotations on incidents, each batch newer than every
 * note before it. A client that reads "the newest N notes" of the org without `objecttypecode eq
 * 'msdyn_ocliveworkitem'` then loses the conversation notes it wrote.
 */
import { TOPICS } from './catalog';
import { Random, stableGuid } from './random';
import type { World } from './world';

const CASES = 40;
const SALT = 0x6e6f7465;
const SUBJECTS = ['Customer called back', 'Waiting for parts', 'Escalated to tier 2', 'Refund approved', 'Follow-up scheduled'] as const;
const TEXTS = [
  'Spoke with the customer; they will send the receipt.',
  'Checked the order history, nothing unusual.',
  'Replacement shipped, tracking number sent by email.',
  'Asked the customer to restart the router and call back.',
] as const;

/**
 * Grows or shrinks the org's case notes to `count`. Notes added are a millisecond apart and end at the clock's now,
 * or start just after the newest note the org has when the clock stands still.
 */
export function setOtherNotes(world: World, count: number): void {
  const ids = world.caseNoteIds;
  const store = world.store;
  while (ids.length > count) store.remove('annotations', ids.pop()!);
  const adding = count - ids.length;
  if (adding > 0) {
    const cases = ensureCases(world);
    const agents = world.index.queues.flatMap((q) => q.agents);
    const start = Math.max(world.clock.nowMs() - (adding - 1), newestNote(world) + 1);
    for (let j = 0; j < adding; j++) {
      const i = ids.length;
      const random = new Random(Math.imul(world.options.seed ^ SALT, 2_654_435_761) + i);
      const at = new Date(start + j).toISOString();
      const note = store.insert('annotations', {
        annotationid: random.guid(),
        subject: random.pick(SUBJECTS),
        notetext: random.pick(TEXTS),
        objecttypecode: 'incident',
        _objectid_value: random.pick(cases),
        _ownerid_value: agents.length ? random.pick(agents) : null,
        createdon: at,
        modifiedon: at,
      });
      ids.push(String(note.annotationid));
    }
  }
  world.settings.otherNotes = count;
}

function newestNote(world: World): number {
  let newest = Number.NEGATIVE_INFINITY;
  for (const note of world.store.rows('annotations')) newest = Math.max(newest, Date.parse(String(note.createdon)));
  return newest;
}

/** The cases the notes are written on, created once per org. */
function ensureCases(world: World): string[] {
  const store = world.store;
  const ids: string[] = [];
  for (let k = 0; k < CASES; k++) {
    const id = stableGuid(`incident/${world.options.seed}/${k}`);
    ids.push(id);
    if (store.get('incidents', id)) continue;
    store.insert('incidents', {
      incidentid: id,
      title: TOPICS[k % TOPICS.length],
      ticketnumber: `CAS-${String(20000 + k).padStart(5, '0')}-N0TE${String(k).padStart(2, '0')}`,
      prioritycode: 2,
    });
  }
  return ids;
}

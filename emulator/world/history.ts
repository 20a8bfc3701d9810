/**
 * Closed conversations of past months (the `closedHistory` setting), each with its session and its agent's
 * participant row, closed between a day and six months ago. Row i is the same for the same seed whatever the total,
 * and it goes to the store's archive, so reads of ongoing work never pay for it while a tracked first read does.
 */
import { Random } from './random';
import { ConversationSeeder } from './scenario';
import type { World } from './world';

const DAY_SECONDS = 86_400;
const OLDEST_DAYS = 180;
const SALT = 0x68697374;

/** Grows or shrinks the history to `count` conversations (the newest additions are removed first). */
export function setClosedHistory(world: World, count: number): void {
  const ids = world.historyIds;
  while (ids.length > count) removeConversation(world, ids.pop()!);
  if (ids.length < count) {
    world.store.archiving(() => {
      for (let i = ids.length; i < count; i++) ids.push(addConversation(world, i));
    });
  }
  world.settings.closedHistory = count;
}

function addConversation(world: World, i: number): string {
  const random = new Random(Math.imul(world.options.seed ^ SALT, 2_654_435_761) + i);
  const closedDaysAgo = DAY_SECONDS + random.int((OLDEST_DAYS - 1) * DAY_SECONDS);
  const then = world.clock.nowMs() - closedDaysAgo * 1000;
  const seeder = new ConversationSeeder(world.store, random, world.index, then, world.settings.participantsOnLeave);
  return String(seeder.closed().activityid);
}

function removeConversation(world: World, id: string): void {
  const store = world.store;
  const conversation = store.get('msdyn_ocliveworkitems', id);
  if (!conversation) return;
  const session = conversation._msdyn_lastsessionid_value;
  if (typeof session === 'string') {
    for (const p of store.lookup('msdyn_sessionparticipants', '_msdyn_omnichannelsession_value', session)) {
      store.remove('msdyn_sessionparticipants', String(p.msdyn_sessionparticipantid));
    }
    store.remove('msdyn_ocsessions', session);
  }
  if (typeof conversation._msdyn_issueid_value === 'string') store.remove('incidents', conversation._msdyn_issueid_value);
  store.remove('msdyn_ocliveworkitems', id);
}

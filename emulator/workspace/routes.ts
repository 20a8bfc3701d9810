/**
 * Internal endpoints the workspace page polls (/_emulator/workspace/…). They stand in for the real page's own
 * traffic, so they need the session cookie but stay out of the Web API request log and throttling.
 */
import type { Hono } from 'hono';
import { constraintsOf, parseFilter } from '../odata';
import { CHANNEL, CONVERSATION_STATUS, PARTICIPANT_MODE } from '../schema/options';
import { conversations } from '../schema/tables';
import type { EmulatorState } from '../server/state';
import { participantsOf } from '../world/records';
import type { Row } from '../world/store';
import { transcriptOf } from './transcript';
import { cellText } from '../odata/values';

const ONGOING = constraintsOf(parseFilter('statecode eq 0', conversations.schema, new Map()));

export function workspaceRoutes(app: Hono, state: EmulatorState): void {
  app.use('/_emulator/workspace/*', async (c, next) => {
    const userId = state.auth.userOf(c.req.raw);
    if (!userId || !state.user(userId)) return c.json({ error: 'Sign in first.' }, 401);
    state.world.catchUp();
    await next();
  });

  app.get('/_emulator/workspace/conversations', (c) => {
    const rows = [...state.world.store.candidates('msdyn_ocliveworkitems', ONGOING)]
      .filter((r) => r.statecode === 0)
      .sort((a, b) => String(b.createdon).localeCompare(String(a.createdon)))
      .slice(0, 200);
    return c.json({ value: rows.map((r) => summary(state, r)) });
  });

  app.get('/_emulator/workspace/conversations/:id', (c) => {
    const world = state.world;
    const row = world.store.get('msdyn_ocliveworkitems', c.req.param('id'));
    if (!row) return c.json({ error: 'No such conversation.' }, 404);
    const conversation = summary(state, row);
    const userId = state.auth.userOf(c.req.raw)!;
    const seat = participantsOf(world.store, row).find((p) => p._msdyn_agentid_value === userId && !p.msdyn_lefton);
    return c.json({
      conversation,
      /** The signed-in user's own seat in the conversation (Monitor, Consult, Primary), or null. */
      seat: seat ? (PARTICIPANT_MODE[Number(seat.msdyn_mode)] ?? null) : null,
      messages: transcriptOf(row, conversation.agent ?? undefined, world.notices.get(String(row.activityid)) ?? [], world.clock.nowMs()),
    });
  });
}

function summary(state: EmulatorState, row: Row) {
  const store = state.world.store;
  const name = (set: string, id: unknown, column: string) => (typeof id === 'string' ? cellText(store.get(set, id)?.[column] ?? '') : null);
  return {
    id: String(row.activityid),
    subject: cellText(row.subject ?? ''),
    title: cellText(row.msdyn_title ?? ''),
    status: CONVERSATION_STATUS[Number(row.statuscode)] ?? '',
    agent: name('systemusers', row._msdyn_activeagentid_value, 'fullname'),
    queue: name('queues', row._msdyn_cdsqueueid_value, 'name') ?? '',
    channel: cellText(row.msdyn_channel ?? '')
      .split(',')
      .map((v) => CHANNEL[Number(v)] ?? v)
      .join('; '),
  };
}

/**
 * The emulator-only control API under /_emulator: reset, clock, faults, config, respond, state and the request log.
 * Bodies are validated with zod; any unknown key is a 400.
 */
import type { Hono } from 'hono';
import type { z } from 'zod';
import { ACTION_NAMES } from '../contract';
import { contractInForce } from '../actions/shapes';
import { CONVERSATION_STATUS } from '../schema/options';
import { CONFIGURATION_ID } from '../world/catalog';
import { configure } from '../world/configure';
import { acceptPending, rejectPending } from '../world/operations';
import { SWITCH_COLUMNS, type SwitchName } from '../actions/request';
import type { EmulatorState } from '../server/state';
import { ClockBody, ConfigBody, FaultsBody, RawRowBody, ResetBody, RespondBody } from './schemas';
import { cellText } from '../odata/values';

async function parse<T extends z.ZodType>(
  schema: T,
  request: Request,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; error: string }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, error: 'Body must be JSON.' };
  }
  const result = schema.safeParse(body);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') };
}

export function controlRoutes(app: Hono, state: EmulatorState): void {
  app.post('/_emulator/reset', async (c) => {
    const body = await parse(ResetBody, c.req.raw);
    if (!body.ok) return c.json({ error: body.error }, 400);
    state.reset({ seed: body.value.seed, scenario: body.value.scenario, variant: body.value.variant });
    return c.json({
      ok: true,
      seed: state.world.options.seed,
      scenario: state.world.options.scenario,
      variant: state.world.options.variant,
    });
  });

  app.post('/_emulator/clock', async (c) => {
    const body = await parse(ClockBody, c.req.raw);
    if (!body.ok) return c.json({ error: body.error }, 400);
    const clock = state.world.clock;
    if (body.value.paused !== undefined) clock.setPaused(body.value.paused);
    if (body.value.traffic !== undefined) state.world.setTraffic(body.value.traffic);
    if (body.value.advanceSeconds) clock.advance(body.value.advanceSeconds);
    state.world.catchUp();
    return c.json({ now: clock.now().toISOString(), paused: clock.isPaused(), speed: clock.getSpeed(), traffic: state.world.trafficOn() });
  });

  app.post('/_emulator/faults', async (c) => {
    const body = await parse(FaultsBody, c.req.raw);
    if (!body.ok) return c.json({ error: body.error }, 400);
    const { clear, expireSessions, ...faults } = body.value;
    if (clear) state.faults.clear();
    if (expireSessions) state.auth.expireAll();
    state.faults.set(faults);
    return c.json({ faults: state.faults.current() });
  });

  app.post('/_emulator/config', async (c) => {
    const body = await parse(ConfigBody, c.req.raw);
    if (!body.ok) return c.json({ error: body.error }, 400);
    const { switches, serviceProtection, ...settings } = body.value;
    const world = state.world;
    world.catchUp();
    if (switches) {
      const patch: Record<string, boolean> = {};
      for (const [name, on] of Object.entries(switches)) if (on !== undefined) patch[SWITCH_COLUMNS[name as SwitchName]] = on;
      world.store.update('msdyn_omnichannelconfigurations', CONFIGURATION_ID, patch);
    }
    configure(world, settings);
    if (serviceProtection) state.protection.limits = { ...state.protection.limits, ...serviceProtection };
    return c.json(configOf(state));
  });

  app.post('/_emulator/conversations/:id/respond', async (c) => {
    const body = await parse(RespondBody, c.req.raw);
    if (!body.ok) return c.json({ error: body.error }, 400);
    const id = c.req.param('id').toLowerCase();
    state.world.catchUp();
    if (!state.world.pending.has(id)) return c.json({ error: `No pending transfer or assignment for conversation ${id}.` }, 404);
    if (body.value.decision === 'accept') acceptPending(state.world, id);
    else rejectPending(state.world, id);
    return c.json({ ok: true, decision: body.value.decision });
  });

  app.post('/_emulator/rows/:entitySet/:id', async (c) => {
    const body = await parse(RawRowBody, c.req.raw);
    if (!body.ok) return c.json({ error: body.error }, 400);
    const { entitySet, id } = c.req.param();
    state.world.catchUp();
    if (!state.world.store.get(entitySet, id)) {
      return c.json({ error: `No row ${entitySet}(${id}).` }, 404);
    }
    const row = state.world.store.update(entitySet, id.toLowerCase(), body.value.set);
    return c.json({ ok: true, versionnumber: row.versionnumber });
  });

  app.get('/_emulator/state', (c) => {
    state.world.catchUp();
    return c.json(snapshot(state));
  });

  app.get('/_emulator/requests', (c) => {
    const since = c.req.query('since');
    const time = since ? new Date(since) : undefined;
    if (time && Number.isNaN(time.getTime())) return c.json({ error: 'since must be an ISO time.' }, 400);
    const inFlight = c.req.query('inFlight') === '1' ? state.log.inFlightSince(time) : [];
    return c.json({ requests: [...state.log.since(time), ...inFlight] });
  });
}

function configOf(state: EmulatorState) {
  const world = state.world;
  const config = world.store.get('msdyn_omnichannelconfigurations', CONFIGURATION_ID) ?? {};
  const switches = Object.fromEntries(Object.entries(SWITCH_COLUMNS).map(([name, column]) => [name, config[column] === true]));
  const { actionContract: _patch, ...settings } = world.settings;
  return {
    switches,
    ...settings,
    serviceProtection: state.protection.limits,
    variant: world.options.variant,
    actionContract: contractSummary(state),
  };
}

/** Exactly what each action accepts and answers now: what a client's contract must match. */
function contractSummary(state: EmulatorState) {
  const contract = contractInForce(state.world.settings.actionContract);
  return {
    servesBothBindings: contract.servesBothBindings,
    actions: Object.fromEntries(
      ACTION_NAMES.map((name) => {
        const shape = contract.actions[name];
        return [
          name,
          {
            bound: shape.bound,
            parameters: shape.parameters.map(({ name: parameter, type, optional }) => ({ name: parameter, type, optional })),
            successStatus: shape.successStatus,
            response: shape.successStatus === 200 ? shape.response : null,
          },
        ];
      }),
    ),
  };
}

function snapshot(state: EmulatorState) {
  const world = state.world;
  const byStatus: Record<string, number> = {};
  const byQueue: Record<string, number> = {};
  const byAgent: Record<string, number> = {};
  for (const row of world.store.rows('msdyn_ocliveworkitems')) {
    const status = CONVERSATION_STATUS[Number(row.statuscode)] ?? String(row.statuscode);
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    if (row.statecode !== 0) continue;
    const queue = world.store.get('queues', cellText(row._msdyn_cdsqueueid_value ?? ''))?.name ?? '(none)';
    byQueue[cellText(queue)] = (byQueue[cellText(queue)] ?? 0) + 1;
    const agent =
      typeof row._msdyn_activeagentid_value === 'string'
        ? cellText(world.store.get('systemusers', row._msdyn_activeagentid_value)?.domainname ?? row._msdyn_activeagentid_value)
        : '(unassigned)';
    byAgent[agent] = (byAgent[agent] ?? 0) + 1;
  }
  return {
    now: world.clock.now().toISOString(),
    paused: world.clock.isPaused(),
    speed: world.clock.getSpeed(),
    seed: world.options.seed,
    scenario: world.options.scenario,
    conversations: { byStatus, byQueue, byAgent },
    pending: [...world.pending.values()].map((p) => ({ conversationId: p.conversationId, kind: p.kind, agentId: p.agentId })),
    requestsByUser: state.log.countsByUser(),
    faults: state.faults.current(),
    config: configOf(state),
  };
}

/**
 * Agent capacity under the model in force. Units: each workstream needs `msdyn_capacityrequired` of the agent's
 * `msdyn_availableunitscapacity`. Profiles: each workstream belongs to a capacity profile
 * (msdyn_liveworkstreamcapacityprofile) and a conversation takes one of the agent's units of that profile
 * (msdyn_agentcapacityprofileunit); msdyn_availableunitscapacity then stands still, as in a real profile org.
 */
import { agentStatusOf } from './agents';
import { AGENT_UNIT_CAPACITY, CAPACITY_PROFILES } from './catalog';
import { stableGuid } from './random';
import type { CapacityModel } from './settings';
import type { Row } from './store';
import type { World } from './world';
import { STATUS } from '../schema/options';
import { tableOf } from '../schema/tables';
import { cellText } from '../odata/values';

const WORKSTREAMS = 'msdyn_liveworkstreams';
const PROFILES = 'msdyn_capacityprofiles';
const UNITS = 'msdyn_agentcapacityprofileunits';
const LINKS = 'msdyn_liveworkstreamcapacityprofiles';
const FORMAT = { units: 192350000, profiles: 192360000 } as const;

const profileId = (key: string) => stableGuid(`${PROFILES}/${key}`);

/** Capacity the conversation needs: its workstream's units, or one unit of its profile. */
export function requiredCapacity(world: World, conversation: Row): number {
  if (world.settings.capacityModel === 'profiles') return 1;
  const ws = world.store.get(WORKSTREAMS, cellText(conversation._msdyn_liveworkstreamid_value ?? ''));
  return typeof ws?.msdyn_capacityrequired === 'number' ? ws.msdyn_capacityrequired : 0;
}

/** What the agent has left for a conversation like this one (negative when an override exceeded it). */
export function freeCapacity(world: World, agentId: string, conversation: Row): number {
  if (world.settings.capacityModel === 'profiles')
    return Number(profileUnitOf(world, agentId, conversation)?.msdyn_availablecapacityprofileunits ?? 0);
  return Number(agentStatusOf(world, agentId)?.msdyn_availableunitscapacity ?? 0);
}

/** A profile with "block assignment" is used up: the agent gets no new work of any kind. */
export function isBlocked(world: World, agentId: string): boolean {
  return world.settings.capacityModel === 'profiles' && agentStatusOf(world, agentId)?.msdyn_isblockedbysomeprofile === true;
}

export const reserveCapacity = (world: World, agentId: string, conversation: Row): void => shift(world, agentId, conversation, -1);
export const releaseCapacity = (world: World, agentId: string, conversation: Row): void => shift(world, agentId, conversation, 1);

function shift(world: World, agentId: string, conversation: Row, sign: 1 | -1): void {
  const store = world.store;
  if (world.settings.capacityModel === 'profiles') {
    const unit = profileUnitOf(world, agentId, conversation);
    if (!unit) return;
    store.update(UNITS, String(unit.msdyn_agentcapacityprofileunitid), {
      msdyn_availablecapacityprofileunits: Number(unit.msdyn_availablecapacityprofileunits ?? 0) + sign,
      msdyn_consumedcapacityprofileunits: Number(unit.msdyn_consumedcapacityprofileunits ?? 0) - sign,
    });
    updateBlocked(world, agentId);
    return;
  }
  const status = agentStatusOf(world, agentId);
  const required = requiredCapacity(world, conversation);
  if (!status || required === 0) return;
  store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), {
    msdyn_availableunitscapacity: Number(status.msdyn_availableunitscapacity ?? 0) + sign * required,
    msdyn_capacitymodifiedon: world.clock.now().toISOString(),
  });
}

function profileUnitOf(world: World, agentId: string, conversation: Row): Row | undefined {
  const link = world.store.lookup(LINKS, '_msdyn_workstream_id_value', conversation._msdyn_liveworkstreamid_value)[0];
  const profile = link?._msdyn_capacityprofile_id_value;
  return world.store.lookup(UNITS, '_msdyn_agentid_value', agentId).find((u) => u._msdyn_capacityprofileid_value === profile);
}

function updateBlocked(world: World, agentId: string): void {
  const status = agentStatusOf(world, agentId);
  if (!status) return;
  const blocked = world.store
    .lookup(UNITS, '_msdyn_agentid_value', agentId)
    .some(
      (unit) =>
        Number(unit.msdyn_availablecapacityprofileunits) <= 0 &&
        world.store.get(PROFILES, String(unit._msdyn_capacityprofileid_value))?.msdyn_blockassignment === true,
    );
  if (status.msdyn_isblockedbysomeprofile !== blocked) {
    world.store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), { msdyn_isblockedbysomeprofile: blocked });
  }
}

/**
 * Switches the org's capacity model, carrying the capacity agents use now over: to profiles it creates the profiles,
 * links every workstream and gives every agent their units; back to units it removes them and recounts the units.
 */
export function switchCapacityModel(world: World, model: CapacityModel): void {
  if (world.settings.capacityModel === model) return;
  const held = conversationsHoldingCapacity(world);
  world.settings.capacityModel = model;
  const store = world.store;
  for (const id of world.index.workstreamIds.values()) store.update(WORKSTREAMS, id, { msdyn_capacityformat: FORMAT[model] });
  if (model === 'profiles') {
    createProfiles(world, held);
    return;
  }
  for (const set of [UNITS, LINKS, PROFILES]) {
    const key = tableOf(set)!.schema.key;
    for (const row of [...store.rows(set)]) store.remove(set, String(row[key]));
  }
  for (const status of store.rows('msdyn_agentstatuses')) {
    const agentId = String(status._msdyn_agentid_value);
    const used = (held.get(agentId) ?? []).reduce((sum, c) => sum + requiredCapacity(world, c), 0);
    store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), {
      msdyn_availableunitscapacity: AGENT_UNIT_CAPACITY - used,
      msdyn_isblockedbysomeprofile: false,
    });
  }
}

function createProfiles(world: World, held: Map<string, Row[]>): void {
  const store = world.store;
  const profileOfWorkstream = new Map<string, string>();
  for (const profile of CAPACITY_PROFILES) {
    store.insert(PROFILES, {
      msdyn_capacityprofileid: profileId(profile.key),
      msdyn_name: profile.name,
      msdyn_uniquename: `msdyn_${profile.key}_profile`,
      msdyn_defaultmaxunits: profile.maxUnits,
      msdyn_blockassignment: profile.blockAssignment,
    });
    for (const wsKey of profile.workstreams) {
      const wsId = world.index.workstreamIds.get(wsKey);
      if (!wsId) continue;
      profileOfWorkstream.set(wsId, profile.key);
      store.insert(LINKS, {
        msdyn_liveworkstreamcapacityprofileid: stableGuid(`${LINKS}/${wsKey}`),
        msdyn_name: `${profile.name} – ${wsKey}`,
        _msdyn_workstream_id_value: wsId,
        _msdyn_capacityprofile_id_value: profileId(profile.key),
      });
    }
  }
  for (const status of [...store.rows('msdyn_agentstatuses')]) {
    const agentId = String(status._msdyn_agentid_value);
    const load = new Map<string, number>();
    for (const c of held.get(agentId) ?? []) {
      const key = profileOfWorkstream.get(cellText(c._msdyn_liveworkstreamid_value ?? ''));
      if (key) load.set(key, (load.get(key) ?? 0) + 1);
    }
    for (const profile of CAPACITY_PROFILES) {
      const consumed = load.get(profile.key) ?? 0;
      store.insert(UNITS, {
        msdyn_agentcapacityprofileunitid: stableGuid(`${UNITS}/${agentId}/${profile.key}`),
        msdyn_name: `${cellText(status.msdyn_name ?? '')} – ${profile.name}`,
        _msdyn_agentid_value: agentId,
        _ownerid_value: agentId,
        _msdyn_capacityprofileid_value: profileId(profile.key),
        msdyn_defaultmaxunits: profile.maxUnits,
        msdyn_availablecapacityprofileunits: profile.maxUnits - consumed,
        msdyn_consumedcapacityprofileunits: consumed,
      });
    }
    updateBlocked(world, agentId);
  }
}

/** Agent → the conversations using their capacity now: ongoing, theirs and not Waiting, or pending a transfer to them. */
function conversationsHoldingCapacity(world: World): Map<string, Row[]> {
  const held = new Map<string, Row[]>();
  const add = (agentId: unknown, conversation: Row) => {
    if (typeof agentId !== 'string') return;
    const list = held.get(agentId) ?? [];
    list.push(conversation);
    held.set(agentId, list);
  };
  for (const row of world.store.rows('msdyn_ocliveworkitems')) {
    if (row.statecode === 0 && row.statuscode !== STATUS.waiting) add(row._msdyn_activeagentid_value, row);
  }
  for (const pending of world.pending.values()) {
    const conversation = world.store.get('msdyn_ocliveworkitems', pending.conversationId);
    if (pending.kind === 'transfer' && conversation) add(pending.agentId, conversation);
  }
  return held;
}

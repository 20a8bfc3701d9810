/**
 * Seeded scenarios: `empty` (people, queues, no conversations), `typical` (~60 ongoing, 25 agents, 5 queues) and
 * `busy` (10,000 ongoing, 2,000 agents). Same seed and start time, same world.
 */
import { BUSINESS_UNIT_ID, PERSONAS, ROLE_IDS, ROLE_NAMES, SOFIA, SUPERVISORS_TEAM_ID, ALEX, type Persona } from '../personas';
import { CHANNELS, MODE, PRESENCE, REASON, STATUS } from '../schema/options';
import {
  AGENT_UNIT_CAPACITY,
  CONFIGURATION_ID,
  FIRST_NAMES,
  LAST_NAMES,
  PRESENCES,
  QUEUE_KINDS,
  RATINGS,
  REGIONS,
  SKILLS,
  TOPICS,
  WORKSTREAMS,
  presenceIdOf,
  type QueueKind,
  type WorkstreamSpec,
} from './catalog';
import { insertParticipant, insertSession, isoMinus } from './records';
import type { Random } from './random';
import type { ParticipantsOnLeave } from './settings';
import type { Row, Store } from './store';
import { cellText } from '../odata/values';

export const SCENARIOS = ['empty', 'typical', 'busy'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

interface Size {
  regions: number;
  agents: number;
  ongoing: number;
  closed: number;
  customers: number;
}

const SIZES: Record<ScenarioName, Size> = {
  empty: { regions: 1, agents: 25, ongoing: 0, closed: 0, customers: 0 },
  typical: { regions: 1, agents: 25, ongoing: 60, closed: 30, customers: 120 },
  busy: { regions: 5, agents: 2000, ongoing: 10_000, closed: 1_000, customers: 3_000 },
};

export interface QueueInfo {
  id: string;
  name: string;
  kind: QueueKind;
  workstreams: readonly WorkstreamSpec[];
  /** Human members who take conversations (agents and personas with an agent status). */
  agents: string[];
  bot: string;
}

/** What the simulation and actions need to know about the seeded world beyond its rows. */
export interface WorldIndex {
  queues: QueueInfo[];
  workstreamIds: Map<string, string>;
  workstreamOf: Map<string, WorkstreamSpec>;
  bots: Set<string>;
  customers: { id: string; set: 'contacts' | 'accounts'; name: string }[];
  /** Conversations that never progress on their own (the "stuck" ones a supervisor must notice). */
  stuck: Set<string>;
}

export function buildScenario(
  store: Store,
  random: Random,
  scenario: ScenarioName,
  nowMs: number,
  onLeave: ParticipantsOnLeave,
): WorldIndex {
  const size = SIZES[scenario];
  const at = (secondsAgo: number) => isoMinus(nowMs, secondsAgo);
  const longAgo = at(90 * 86400);

  store.insert('businessunits', { businessunitid: BUSINESS_UNIT_ID, name: 'contoso', createdon: longAgo, modifiedon: longAgo });
  for (const [key, id] of Object.entries(ROLE_IDS)) {
    store.insert('roles', {
      roleid: id,
      name: ROLE_NAMES[key as keyof typeof ROLE_IDS],
      _businessunitid_value: BUSINESS_UNIT_ID,
      createdon: longAgo,
      modifiedon: longAgo,
    });
  }
  for (const p of PRESENCES) {
    store.insert('msdyn_presences', {
      msdyn_presenceid: p.id,
      msdyn_name: p.name,
      msdyn_presencestatustext: p.name,
      msdyn_basepresencestatus: p.base,
      msdyn_canuserset: true,
      createdon: longAgo,
      modifiedon: longAgo,
    });
  }
  const switchesOn = scenario !== 'empty';
  store.insert('msdyn_omnichannelconfigurations', {
    msdyn_omnichannelconfigurationid: CONFIGURATION_ID,
    msdyn_name: 'Omnichannel configuration',
    ...(switchesOn && {
      msdyn_enable_supervisor_monitor: true,
      msdyn_enable_supervisor_assign: true,
      msdyn_enable_supervisor_transfer: true,
      msdyn_enable_supervisor_forceclose: true,
    }),
    createdon: longAgo,
    modifiedon: longAgo,
  });
  store.insert('teams', {
    teamid: SUPERVISORS_TEAM_ID,
    name: 'Contact center supervisors',
    teamtype: 0,
    _businessunitid_value: BUSINESS_UNIT_ID,
    createdon: longAgo,
    modifiedon: longAgo,
  });
  store.relate('teamroles', SUPERVISORS_TEAM_ID, ROLE_IDS.supervisor);

  const skillIds = SKILLS.map(
    (name) =>
      store.insert('characteristics', {
        characteristicid: random.guid(),
        name,
        characteristictype: 1,
        createdon: longAgo,
        modifiedon: longAgo,
      }).characteristicid as string,
  );
  const ratingIds = RATINGS.map(
    ([name, value]) =>
      store.insert('ratingvalues', {
        ratingvalueid: random.guid(),
        name,
        value,
        createdon: longAgo,
        modifiedon: longAgo,
      }).ratingvalueid as string,
  );

  const addUser = (user: { id: string; upn: string; first: string; last: string; aad: string; bot?: string }): void => {
    store.insert('systemusers', {
      systemuserid: user.id,
      fullname: `${user.first} ${user.last}`.trim(),
      firstname: user.first,
      lastname: user.last,
      internalemailaddress: user.upn,
      domainname: user.upn,
      azureactivedirectoryobjectid: user.aad,
      msdyn_botapplicationid: user.bot ?? null,
      _businessunitid_value: BUSINESS_UNIT_ID,
      createdon: longAgo,
      modifiedon: longAgo,
    });
    store.relate('systemuserroles', user.id, ROLE_IDS.basicUser);
  };
  const presenceAt = new Map<string, number>();
  const addAgentStatus = (userId: string, name: string, base: number): void => {
    presenceAt.set(userId, base);
    store.insert('msdyn_agentstatuses', {
      msdyn_agentstatusid: random.guid(),
      msdyn_name: name,
      _msdyn_agentid_value: userId,
      _msdyn_currentpresenceid_value: presenceIdOf(base),
      msdyn_presencemodifiedon: at(random.int(7200)),
      msdyn_availableunitscapacity: AGENT_UNIT_CAPACITY,
      msdyn_capacitymodifiedon: at(random.int(3600)),
      createdon: longAgo,
      modifiedon: at(random.int(3600)),
    });
  };
  const addSkills = (userId: string, name: string): void => {
    const resource = store.insert('bookableresources', {
      bookableresourceid: random.guid(),
      name,
      resourcetype: 3,
      _userid_value: userId,
      createdon: longAgo,
      modifiedon: longAgo,
    }).bookableresourceid as string;
    const count = 1 + random.int(3);
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(random.int(skillIds.length));
    for (const skill of chosen) {
      store.insert('bookableresourcecharacteristics', {
        bookableresourcecharacteristicid: random.guid(),
        name: `${name} – ${SKILLS[skill]}`,
        _characteristic_value: skillIds[skill],
        _resource_value: resource,
        _ratingvalue_value: random.pick(ratingIds),
        createdon: longAgo,
        modifiedon: longAgo,
      });
    }
  };

  // Personas: fixed ids, fixed roles. Sofia, Sam and Alex also take conversations (they have an agent status).
  const personaRole = { supervisor: ROLE_IDS.supervisor, agent: ROLE_IDS.agent, apiAccess: ROLE_IDS.apiAccess } as const;
  for (const p of PERSONAS) {
    const [first = '', last = ''] = p.fullname.split(' ');
    addUser({ id: p.systemuserid, upn: p.upn, first, last, aad: p.azureactivedirectoryobjectid });
    for (const r of p.roles) store.relate('systemuserroles', p.systemuserid, personaRole[r]);
    if (p.roles.includes('supervisor')) store.relate('teammembership', SUPERVISORS_TEAM_ID, p.systemuserid);
    if (p.inQueues) addAgentStatus(p.systemuserid, p.fullname, p === ALEX ? PRESENCE.available : PRESENCE.busy);
  }

  // Workstreams and queues.
  const workstreamIds = new Map<string, string>();
  const workstreamOf = new Map<string, WorkstreamSpec>();
  const queues: QueueInfo[] = [];
  const bots = new Set<string>();
  for (let r = 0; r < size.regions; r++) {
    for (const kind of QUEUE_KINDS) {
      const name = size.regions === 1 ? kind.name : `${kind.name} (${REGIONS[r]})`;
      const id = random.guid();
      store.insert('queues', {
        queueid: id,
        name,
        msdyn_queuetype: kind.kind === 'messaging' ? 192350000 : kind.kind === 'record' ? 192350001 : 192350002,
        msdyn_isomnichannelqueue: true,
        msdyn_priority: 1 + queues.length,
        msdyn_assignmentstrategy: 192350000,
        _ownerid_value: SOFIA.systemuserid,
        createdon: longAgo,
        modifiedon: longAgo,
      });
      const botId = random.guid();
      addUser({
        id: botId,
        upn: `copilot-${queues.length + 1}@contoso.test`,
        first: 'Copilot agent',
        last: `– ${name}`,
        aad: random.guid(),
        bot: random.guid(),
      });
      store.relate('systemuserroles', botId, ROLE_IDS.agent);
      store.relate('queuemembership', id, botId);
      bots.add(botId);
      queues.push({ id, name, kind: kind.kind, workstreams: kind.workstreams.map(wsSpec), agents: [], bot: botId });
    }
  }
  for (const ws of WORKSTREAMS) {
    const id = random.guid();
    workstreamIds.set(ws.key, id);
    workstreamOf.set(id, ws);
    const home = queues.find((q) => q.workstreams.includes(ws));
    store.insert('msdyn_liveworkstreams', {
      msdyn_liveworkstreamid: id,
      msdyn_name: ws.name,
      msdyn_streamsource: ws.channel,
      msdyn_allowedpresences: ws.allowedPresences.join(','),
      msdyn_capacityformat: 192350000,
      msdyn_capacityrequired: ws.capacity,
      msdyn_workdistributionmode: 192350000,
      msdyn_mode: 717210001,
      msdyn_direction: 0,
      msdyn_conversationmode: ws.persistent ? 192350001 : 192350000,
      msdyn_blockcapacityforwrapup: 0,
      msdyn_maxconcurrentconnection: ws.channel === CHANNELS.voice ? 1 : 4,
      _msdyn_defaultqueue_value: home?.id ?? null,
      _ownerid_value: SOFIA.systemuserid,
      createdon: longAgo,
      modifiedon: longAgo,
    });
  }

  const join = (queue: QueueInfo, userId: string): void => {
    store.relate('queuemembership', queue.id, userId);
    queue.agents.push(userId);
  };
  for (const p of PERSONAS) {
    if (!p.inQueues) continue;
    // Alex is a plain agent in the first two queues; the supervisors belong to every queue they supervise.
    for (const q of p === ALEX ? queues.slice(0, 2) : queues) join(q, p.systemuserid);
  }

  // Scenario agents.
  // agent001 … agent2000: the first agents have the same UPN in every scenario.
  for (let i = 1; i <= size.agents; i++) {
    const id = random.guid();
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const upn = `agent${String(i).padStart(3, '0')}@contoso.test`;
    addUser({ id, upn, first, last, aad: random.guid() });
    store.relate('systemuserroles', id, ROLE_IDS.agent);
    const home = queues[(i - 1) % queues.length]!;
    join(home, id);
    if (random.chance(0.3)) {
      const other = random.pick(queues);
      if (other !== home) join(other, id);
    }
    const base = random.weighted([
      [PRESENCE.available, 45],
      [PRESENCE.busy, 25],
      [PRESENCE.dnd, 5],
      [PRESENCE.away, 10],
      [PRESENCE.offline, 15],
    ] as const);
    addAgentStatus(id, `${first} ${last}`, base);
    addSkills(id, `${first} ${last}`);
  }

  // Customers.
  const customers: WorldIndex['customers'] = [];
  for (let i = 0; i < size.customers; i++) {
    const id = random.guid();
    if (i % 8 === 7) {
      const name = `${random.pick(LAST_NAMES)} ${random.pick(['Ltd', 'AB', 'GmbH', 'Inc', 'S.A.'])}`;
      store.insert('accounts', { accountid: id, name, createdon: longAgo, modifiedon: longAgo });
      customers.push({ id, set: 'accounts', name });
    } else {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      store.insert('contacts', {
        contactid: id,
        fullname: `${first} ${last}`,
        firstname: first,
        lastname: last,
        emailaddress1: `${first}.${last}@example.test`.toLowerCase(),
        createdon: longAgo,
        modifiedon: longAgo,
      });
      customers.push({ id, set: 'contacts', name: `${first} ${last}` });
    }
  }

  const index: WorldIndex = { queues, workstreamIds, workstreamOf, bots, customers, stuck: new Set() };
  const seeder = new ConversationSeeder(store, random, index, nowMs, onLeave, presenceAt);
  // One ongoing conversation is Sofia's own, so "not your own conversation" can be tried.
  for (let i = 1; i < size.ongoing; i++) seeder.ongoing();
  if (size.ongoing > 0) seeder.ownedBy(SOFIA);
  for (let i = 0; i < size.closed; i++) seeder.closed();
  seeder.finish();
  return index;
}

function wsSpec(key: string): WorkstreamSpec {
  const ws = WORKSTREAMS.find((w) => w.key === key);
  if (!ws) throw new Error(`no workstream ${key}`);
  return ws;
}

type SeedStatus = 'open' | 'offered' | 'active' | 'waiting' | 'wrapup' | 'bot';

/**
 * Writes the seeded conversations with consistent stamps, sessions, participants and used capacity. The closed
 * history of past months (./history.ts) is written the same way, by a seeder whose `nowMs` lies in the past.
 */
export class ConversationSeeder {
  private readonly used = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly random: Random,
    private readonly index: WorldIndex,
    private readonly nowMs: number,
    /** How the participant of a closed conversation was left: deactivated, or kept active with msdyn_lefton. */
    private readonly onLeave: ParticipantsOnLeave,
    private readonly presence: Map<string, number> = new Map(),
  ) {}

  ongoing(): void {
    const r = this.random;
    const queue = r.pick(this.index.queues);
    const ws = r.pick(queue.workstreams);
    let status: SeedStatus = r.weighted([
      ['open', 18],
      ['offered', 4],
      ['active', 50],
      ['waiting', 10],
      ['wrapup', 14],
      ['bot', 4],
    ] as const);
    if (status === 'waiting' && !ws.persistent) status = 'active';
    if (ws.channel === CHANNELS.record && (status === 'waiting' || status === 'bot')) status = 'open';
    const agent = status === 'open' || status === 'bot' ? undefined : this.freeAgent(queue, ws);
    if (!agent && status !== 'bot') status = 'open';
    const stuck = r.chance(0.04);
    this.write(queue, ws, status, status === 'bot' ? queue.bot : agent, stuck, false);
  }

  closed(): Row {
    const queue = this.random.pick(this.index.queues);
    const ws = this.random.pick(queue.workstreams);
    const agent = queue.agents.length ? this.random.pick(queue.agents) : undefined;
    return this.write(queue, ws, 'active', agent, false, true);
  }

  /** One Active conversation handled by the given persona, so "not your own conversation" can be tried. */
  ownedBy(persona: Persona): void {
    const queue = this.index.queues.find((q) => q.kind === 'messaging')!;
    this.write(queue, queue.workstreams[0]!, 'active', persona.systemuserid, false, false);
  }

  private freeAgent(queue: QueueInfo, ws: WorkstreamSpec): string | undefined {
    const candidates = queue.agents.filter((a) => {
      const base = this.presence.get(a);
      return base !== undefined && base !== PRESENCE.offline && (this.used.get(a) ?? 0) + ws.capacity <= AGENT_UNIT_CAPACITY;
    });
    return candidates.length ? this.random.pick(candidates) : undefined;
  }

  private write(
    queue: QueueInfo,
    ws: WorkstreamSpec,
    status: SeedStatus,
    agentId: string | undefined,
    stuck: boolean,
    closed: boolean,
  ): Row {
    const r = this.random;
    const store = this.store;
    const id = r.guid();
    const at = (secondsAgo: number) => isoMinus(this.nowMs, secondsAgo);
    const customer = this.index.customers.length ? r.pick(this.index.customers) : undefined;
    const topic = r.pick(TOPICS);
    const age = closed
      ? 3600 + r.int(20 * 3600)
      : stuck
        ? 2 * 3600 + r.int(4 * 3600)
        : status === 'open'
          ? 20 + r.int(600)
          : status === 'waiting'
            ? 600 + r.int(3 * 3600)
            : 120 + r.int(40 * 60);
    const createdAgo = age;
    const wait = status === 'open' || status === 'bot' ? null : Math.min(createdAgo - 5, 5 + r.int(240));
    const startedAgo = wait === null ? null : createdAgo - wait;
    const isVoice = ws.channel === CHANNELS.voice;
    const isRecord = ws.channel === CHANNELS.record;
    let incident: string | null = null;
    if (isRecord) {
      incident = r.guid();
      store.insert('incidents', {
        incidentid: incident,
        title: topic,
        ticketnumber: `CAS-${String(1000 + r.int(90000)).padStart(5, '0')}-${r.guid().slice(0, 6).toUpperCase()}`,
        prioritycode: 2,
        _ownerid_value: agentId ?? SOFIA.systemuserid,
        createdon: at(createdAgo + 60),
        modifiedon: at(createdAgo),
      });
    }
    const statuscode = closed
      ? STATUS.closed
      : status === 'open' || status === 'offered'
        ? STATUS.open
        : status === 'waiting'
          ? STATUS.waiting
          : status === 'wrapup'
            ? STATUS.wrapup
            : STATUS.active;
    const reason = closed
      ? REASON.autoClosed
      : status === 'open'
        ? REASON.awaitingAssignment
        : status === 'offered'
          ? REASON.awaitingAcceptance
          : status === 'waiting'
            ? REASON.awaitingCustomer
            : status === 'wrapup'
              ? REASON.agentWrapUp
              : REASON.inConversation;
    const wrapAgo = status === 'wrapup' ? r.int(Math.min(240, startedAgo ?? 240)) : null;
    const closedAgo = closed ? r.int(Math.max(1, (startedAgo ?? 60) - 30)) : null;
    const lastChange = closedAgo ?? wrapAgo ?? (status === 'waiting' ? r.int(600) : (startedAgo ?? createdAgo));
    const sentiment =
      isVoice || isRecord
        ? 0
        : r.weighted([
            [7, 3],
            [8, 6],
            [9, 10],
            [10, 30],
            [11, 20],
            [12, 15],
            [13, 6],
          ] as const);

    const sessionId = insertSession(store, r, {
      conversationId: id,
      queueId: queue.id,
      at: at(createdAgo),
      closedAt: closedAgo === null ? null : at(closedAgo),
    }).activityid as string;
    const conversation: Row = {
      activityid: id,
      msdyn_ocliveworkitemid: id,
      subject: customer?.name ?? 'Visitor',
      msdyn_title: topic,
      statecode: closed ? 1 : 0,
      statuscode,
      msdyn_channel: String(ws.channel),
      _msdyn_activeagentid_value: agentId ?? null,
      msdyn_activeagentassignedon: agentId && startedAgo !== null ? at(startedAgo) : agentId ? at(r.int(createdAgo)) : null,
      _msdyn_cdsqueueid_value: queue.id,
      _msdyn_liveworkstreamid_value: this.index.workstreamIds.get(ws.key) ?? null,
      _msdyn_customer_value: customer?.id ?? null,
      _msdyn_issueid_value: incident,
      _msdyn_routableobjectid_value: incident,
      msdyn_routableobjectlogicalname: incident ? 'incident' : null,
      _msdyn_lastsessionid_value: sessionId,
      _ownerid_value: agentId ?? SOFIA.systemuserid,
      msdyn_createdon: at(createdAgo),
      msdyn_initiatedon: at(createdAgo),
      msdyn_firstwaitstartedon: at(createdAgo),
      msdyn_startedon: startedAgo === null ? null : at(startedAgo),
      msdyn_wrapupinitiatedon: wrapAgo === null ? null : at(wrapAgo),
      msdyn_closedon: closedAgo === null ? null : at(closedAgo),
      msdyn_statusupdatedon: at(lastChange),
      msdyn_conversationfirstwaittimeinseconds: wait,
      msdyn_conversationhandletimeinseconds: startedAgo === null ? null : startedAgo - (closedAgo ?? 0),
      msdyn_customersentimentlabel: sentiment,
      msdyn_urcustomersentimentlabel: sentiment,
      msdyn_urcustomersentimentscore: sentiment ? (sentiment - 7) * 16 : null,
      msdyn_statuschangereason: reason,
      msdyn_workstreamworkdistributionmode: 192350000,
      msdyn_conversationactivitystate: isVoice ? (closed ? 3 : r.chance(0.2) ? 2 : 1) : 0,
      msdyn_routingtype: 0,
      msdyn_isagentaccepted: startedAgo !== null,
      msdyn_isagentsession: status !== 'bot',
      msdyn_transfercount: r.chance(0.1) ? 1 : 0,
      msdyn_firstresponsetimeinmsadjforoh: wait === null ? null : (wait + 5 + r.int(40)) * 1000,
      msdyn_customerlocale: 'en-US',
      createdon: at(createdAgo),
      modifiedon: at(lastChange),
      msdyn_modifiedon: at(lastChange),
    };
    store.insert('msdyn_ocliveworkitems', conversation);
    if (agentId) {
      const agent = store.get('systemusers', agentId);
      insertParticipant(store, r, {
        sessionId,
        agentId,
        agentName: cellText(agent?.fullname ?? ''),
        mode: MODE.primary,
        reason: 'AgentPick',
        addedOn: conversation.msdyn_activeagentassignedon as string,
        joinedOn: status === 'offered' ? null : ((conversation.msdyn_startedon as string | null) ?? at(createdAgo)),
        ...(closedAgo !== null && { leftOn: at(closedAgo), keptActive: this.onLeave === 'keepActive' }),
      });
      if (!closed && status !== 'bot' && status !== 'waiting') this.used.set(agentId, (this.used.get(agentId) ?? 0) + ws.capacity);
    }
    if (stuck) this.index.stuck.add(id);
    return conversation;
  }

  /** Writes the used capacity into the agent statuses once all conversations exist. */
  finish(): void {
    for (const status of this.store.rows('msdyn_agentstatuses')) {
      const used = this.used.get(status._msdyn_agentid_value as string) ?? 0;
      status.msdyn_availableunitscapacity = AGENT_UNIT_CAPACITY - used;
    }
  }
}

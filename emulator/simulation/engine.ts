/**
 * The live contact center: arrivals per queue and channel, routing by presence and capacity, accept, handling,
 * waiting, wrap-up, auto-close by the channel timers, sentiment drift, presence changes and the pending
 * transfer/assignment decisions. Events sit on an agenda keyed by virtual time and are replayed lazily up to the
 * clock's now before each request, so no timer runs and a frozen clock means a frozen org.
 */
import { CONTRACT } from '../contract';
import { MODE, PRESENCE, REASON, STATUS } from '../schema/options';
import { agentStatusOf } from '../world/agents';
import { releaseCapacity, reserveCapacity } from '../world/capacity';
import { presenceIdOf, TOPICS, type WorkstreamSpec } from '../world/catalog';
import { acceptPending, addParticipant, closeConversation, rejectPending } from '../world/operations';
import { insertSession, participantsOf } from '../world/records';
import { bestAgent } from '../world/routing';
import type { Row } from '../world/store';
import type { World } from '../world/world';
import { Agenda } from './agenda';
import { cellText } from '../odata/values';

type SimEvent =
  | { type: 'arrival'; queue: number }
  | { type: 'route'; id: string }
  | { type: 'accept'; id: string; agent: string }
  | { type: 'wrapup'; id: string }
  | { type: 'wait'; id: string }
  | { type: 'resume'; id: string }
  | { type: 'close'; id: string; reason: number }
  | { type: 'sentiment'; id: string }
  | { type: 'presence'; agent: string };

const CONVERSATIONS = 'msdyn_ocliveworkitems';
const SESSION_DEFAULT_CLOSURE = 192350000;

export class Simulation {
  private readonly agenda = new Agenda<SimEvent>();
  private readonly arrivalMeanSeconds: number;

  constructor(private readonly world: World) {
    const queues = world.index.queues.length;
    // About one arrival per 90 s per queue in `typical`; `busy` keeps a steady stream without unbounded growth.
    this.arrivalMeanSeconds = world.options.scenario === 'busy' ? 30 : 90;
    if (world.options.scenario === 'empty' || queues === 0) return;
    const now = world.clock.nowMs();
    const r = world.random;
    world.index.queues.forEach((_, i) =>
      this.agenda.add(now + r.exponential(this.arrivalMeanSeconds) * 1000, { type: 'arrival', queue: i }),
    );
    for (const row of world.store.rows(CONVERSATIONS)) {
      const id = String(row.activityid);
      if (row.statecode !== 0 || world.index.stuck.has(id)) continue;
      this.scheduleFor(row, now);
    }
    for (const status of world.store.rows('msdyn_agentstatuses')) {
      this.agenda.add(now + r.between(300, 3600) * 1000, { type: 'presence', agent: String(status._msdyn_agentid_value) });
    }
  }

  /** Virtual time the traffic was stopped at; null while it runs. */
  private stoppedAt: number | null = null;

  get trafficOn(): boolean {
    return this.stoppedAt === null;
  }

  /**
   * Stops or resumes the contact center while the clock runs on (a quiet org: time passes, nothing changes).
   * Resumed, it goes on as if no time had passed: every event and pending decision moves later by the gap.
   */
  setTraffic(on: boolean): void {
    const now = this.world.clock.nowMs();
    if (!on && this.stoppedAt === null) {
      this.catchUp();
      this.stoppedAt = now;
    } else if (on && this.stoppedAt !== null) {
      const gap = now - this.stoppedAt;
      this.stoppedAt = null;
      this.agenda.shift(gap);
      for (const pending of this.world.pending.values()) pending.decideAt += gap;
    }
  }

  /** Replays everything due up to the clock's now. */
  catchUp(): void {
    if (this.stoppedAt !== null) return;
    const until = this.world.clock.nowMs();
    this.decidePending(until);
    for (let due = this.agenda.takeDue(until); due; due = this.agenda.takeDue(until)) {
      const event = due.event;
      this.world.clock.at(due.at, () => this.apply(event, due.at));
    }
  }

  private decidePending(until: number): void {
    const due = [...this.world.pending.values()].filter((p) => p.decideAt <= until).sort((a, b) => a.decideAt - b.decideAt);
    for (const p of due) {
      this.world.clock.at(p.decideAt, () => {
        if (this.world.random.chance(CONTRACT.rejectShare)) rejectPending(this.world, p.conversationId);
        else acceptPending(this.world, p.conversationId);
      });
    }
  }

  private scheduleFor(row: Row, now: number): void {
    const r = this.world.random;
    const id = String(row.activityid);
    const ws = this.workstreamOf(row);
    switch (row.statuscode) {
      case STATUS.open:
        if (row._msdyn_activeagentid_value)
          this.agenda.add(now + r.between(3, 20) * 1000, { type: 'accept', id, agent: cellText(row._msdyn_activeagentid_value) });
        else this.agenda.add(now + r.between(1, 30) * 1000, { type: 'route', id });
        break;
      case STATUS.active:
        this.agenda.add(now + r.between(60, 900) * 1000, { type: ws?.persistent && r.chance(0.3) ? 'wait' : 'wrapup', id });
        this.agenda.add(now + r.between(30, 180) * 1000, { type: 'sentiment', id });
        break;
      case STATUS.waiting:
        this.agenda.add(now + r.between(60, 1800) * 1000, { type: 'resume', id });
        break;
      case STATUS.wrapup:
        this.scheduleClose(id, ws, now);
        break;
    }
  }

  private apply(event: SimEvent, at: number): void {
    const world = this.world;
    if (event.type === 'arrival') return this.arrive(event.queue, at);
    if (event.type === 'presence') return this.changePresence(event.agent, at);
    const row = world.store.get(CONVERSATIONS, event.id);
    // A supervisor (or a client) may have changed the conversation since the event was planned.
    if (!row || row.statecode !== 0 || world.index.stuck.has(event.id) || world.pending.has(event.id)) return;
    const r = world.random;
    const now = new Date(at).toISOString();
    const ws = this.workstreamOf(row);
    switch (event.type) {
      case 'route':
        return this.route(row, at);
      case 'accept':
        if (row.statuscode !== STATUS.open || row._msdyn_activeagentid_value !== event.agent) return;
        world.store.update(CONVERSATIONS, event.id, {
          statuscode: STATUS.active,
          msdyn_isagentaccepted: true,
          msdyn_startedon: now,
          msdyn_conversationfirstwaittimeinseconds: Math.round((at - Date.parse(String(row.createdon))) / 1000),
          msdyn_statuschangereason: REASON.inConversation,
          msdyn_statusupdatedon: now,
          msdyn_modifiedon: now,
          msdyn_customersentimentlabel: 10,
          msdyn_urcustomersentimentlabel: 10,
        });
        this.seatAgent(row, event.agent, now);
        return this.scheduleFor(row, at);
      case 'wrapup':
        if (row.statuscode !== STATUS.active) return;
        world.store.update(CONVERSATIONS, event.id, {
          statuscode: STATUS.wrapup,
          msdyn_wrapupinitiatedon: now,
          msdyn_statuschangereason: REASON.agentWrapUp,
          msdyn_statusupdatedon: now,
          msdyn_modifiedon: now,
        });
        return this.scheduleClose(event.id, ws, at);
      case 'wait':
        if (row.statuscode !== STATUS.active) return;
        if (typeof row._msdyn_activeagentid_value === 'string') releaseCapacity(world, row._msdyn_activeagentid_value, row);
        world.store.update(CONVERSATIONS, event.id, {
          statuscode: STATUS.waiting,
          msdyn_statuschangereason: REASON.awaitingCustomer,
          msdyn_statusupdatedon: now,
          msdyn_modifiedon: now,
        });
        this.agenda.add(at + r.between(60, 1800) * 1000, { type: 'resume', id: event.id });
        if (ws?.waitingCloseMinutes)
          this.agenda.add(at + ws.waitingCloseMinutes * 60_000, { type: 'close', id: event.id, reason: REASON.autoClosedWaiting });
        return;
      case 'resume':
        if (row.statuscode !== STATUS.waiting || r.chance(0.2)) return; // some customers never come back: the timer closes them
        if (typeof row._msdyn_activeagentid_value === 'string') reserveCapacity(world, row._msdyn_activeagentid_value, row);
        world.store.update(CONVERSATIONS, event.id, {
          statuscode: STATUS.active,
          msdyn_statuschangereason: REASON.inConversation,
          msdyn_statusupdatedon: now,
          msdyn_modifiedon: now,
        });
        return this.scheduleFor(world.store.get(CONVERSATIONS, event.id)!, at);
      case 'close':
        if (event.reason === REASON.autoClosedWaiting && row.statuscode !== STATUS.waiting) return;
        if (event.reason !== REASON.autoClosedWaiting && row.statuscode !== STATUS.wrapup) return;
        return closeConversation(world, row, event.reason, SESSION_DEFAULT_CLOSURE);
      case 'sentiment': {
        if (row.statuscode !== STATUS.active && row.statuscode !== STATUS.waiting) return;
        const current = Number(row.msdyn_customersentimentlabel) || 10;
        const next = Math.min(13, Math.max(7, current + r.pick([-1, 0, 0, 1])));
        if (next !== current) {
          world.store.update(CONVERSATIONS, event.id, {
            msdyn_customersentimentlabel: next,
            msdyn_urcustomersentimentlabel: next,
            msdyn_urcustomersentimentscore: (next - 7) * 16,
          });
        }
        this.agenda.add(at + r.between(30, 180) * 1000, { type: 'sentiment', id: event.id });
        return;
      }
    }
  }

  /** The offered agent joins: their waiting participant row (if seeded) or a new one. */
  private seatAgent(row: Row, agentId: string, now: string): void {
    const offered = participantsOf(this.world.store, row).find(
      (p) => p._msdyn_agentid_value === agentId && !p.msdyn_joinedon && !p.msdyn_lefton,
    );
    if (offered) this.world.store.update('msdyn_sessionparticipants', String(offered.msdyn_sessionparticipantid), { msdyn_joinedon: now });
    else addParticipant(this.world, row, agentId, MODE.primary, 'AgentPick', true);
  }

  private scheduleClose(id: string, ws: WorkstreamSpec | undefined, at: number): void {
    const r = this.world.random;
    const timer = (ws?.wrapUpCloseMinutes ?? 15) * 60;
    // Most agents close the wrap-up themselves; the rest are closed by the channel's auto-close timer.
    const agentCloses = r.chance(0.7);
    const delay = agentCloses ? r.between(20, Math.min(timer, 300)) : timer;
    this.agenda.add(at + delay * 1000, { type: 'close', id, reason: agentCloses ? REASON.endedByAgent : REASON.autoClosed });
  }

  private arrive(queueIndex: number, at: number): void {
    const world = this.world;
    const r = world.random;
    const queue = world.index.queues[queueIndex]!;
    const ws = r.pick(queue.workstreams);
    const customer = world.index.customers.length ? r.pick(world.index.customers) : undefined;
    const id = r.guid();
    const now = new Date(at).toISOString();
    const session = insertSession(world.store, r, { conversationId: id, queueId: queue.id, at: now });
    world.store.insert(CONVERSATIONS, {
      activityid: id,
      msdyn_ocliveworkitemid: id,
      subject: customer?.name ?? 'Visitor',
      msdyn_title: r.pick(TOPICS),
      statecode: 0,
      statuscode: STATUS.open,
      msdyn_channel: String(ws.channel),
      _msdyn_cdsqueueid_value: queue.id,
      _msdyn_liveworkstreamid_value: world.index.workstreamIds.get(ws.key) ?? null,
      _msdyn_customer_value: customer?.id ?? null,
      _msdyn_lastsessionid_value: session.activityid,
      _ownerid_value: queue.bot,
      msdyn_createdon: now,
      msdyn_initiatedon: now,
      msdyn_firstwaitstartedon: now,
      msdyn_statusupdatedon: now,
      msdyn_statuschangereason: REASON.awaitingAssignment,
      msdyn_workstreamworkdistributionmode: 192350000,
      msdyn_routingtype: 0,
      msdyn_customerlocale: 'en-US',
      msdyn_modifiedon: now,
    });
    this.agenda.add(at + r.between(2, 10) * 1000, { type: 'route', id });
    this.agenda.add(at + r.exponential(this.arrivalMeanSeconds) * 1000, { type: 'arrival', queue: queueIndex });
  }

  /** Push routing: the best agent of the queue (../world/routing) gets an offer; else try again later. */
  private route(row: Row, at: number): void {
    const world = this.world;
    const id = String(row.activityid);
    if (row.statuscode !== STATUS.open || row._msdyn_activeagentid_value) return;
    const queue = world.index.queues.find((q) => q.id === row._msdyn_cdsqueueid_value);
    const ws = this.workstreamOf(row);
    const agent = queue && ws ? bestAgent(world, queue, ws, row) : undefined;
    if (!agent) {
      this.agenda.add(at + 15_000, { type: 'route', id });
      return;
    }
    const now = new Date(at).toISOString();
    reserveCapacity(world, agent, row);
    world.store.update(CONVERSATIONS, id, {
      _msdyn_activeagentid_value: agent,
      msdyn_activeagentassignedon: now,
      _ownerid_value: agent,
      msdyn_statuschangereason: REASON.awaitingAcceptance,
      msdyn_statusupdatedon: now,
      msdyn_modifiedon: now,
    });
    this.agenda.add(at + world.random.between(3, 20) * 1000, { type: 'accept', id, agent });
  }

  private changePresence(agentId: string, at: number): void {
    const world = this.world;
    const status = agentStatusOf(world, agentId);
    if (!status) return;
    const base = world.random.weighted([
      [PRESENCE.available, 50],
      [PRESENCE.busy, 20],
      [PRESENCE.dnd, 5],
      [PRESENCE.away, 15],
      [PRESENCE.offline, 10],
    ] as const);
    world.store.update('msdyn_agentstatuses', String(status.msdyn_agentstatusid), {
      _msdyn_currentpresenceid_value: presenceIdOf(base),
      msdyn_presencemodifiedon: new Date(at).toISOString(),
    });
    this.agenda.add(at + world.random.between(300, 3600) * 1000, { type: 'presence', agent: agentId });
  }

  private workstreamOf(row: Row): WorkstreamSpec | undefined {
    return this.world.index.workstreamOf.get(cellText(row._msdyn_liveworkstreamid_value ?? ''));
  }
}

/**
 * One emulated org: its data (store), its clock, what the scenario seeded and the runtime state of the
 * supervisor flows (pending transfers, join notices). Reset replaces the whole World.
 */
import { Clock } from './clock';
import { Random } from './random';
import { buildScenario, type ScenarioName, type WorldIndex } from './scenario';
import { Store, type Row } from './store';
import { Simulation } from '../simulation/engine';

export interface WorldOptions {
  seed: number;
  scenario: ScenarioName;
  speed: number;
  now: Date;
}

/** A transfer or assignment waiting for the target agent to accept or reject. */
export interface Pending {
  kind: 'assign' | 'transfer';
  conversationId: string;
  agentId: string;
  participantId: string;
  /** The agent who had the conversation before a transfer (becomes a consultant on accept). */
  previousAgentId: string | null;
  /** Virtual epoch ms at which the simulation decides on its own. */
  decideAt: number;
}

/** A system line shown in the conversation's transcript on the workspace page. */
export interface Notice {
  at: string;
  text: string;
}

export class World {
  readonly store: Store;
  readonly clock: Clock;
  readonly index: WorldIndex;
  /** Drives everything random after seeding (new ids, simulated traffic, decisions). */
  readonly random: Random;
  readonly pending = new Map<string, Pending>();
  readonly notices = new Map<string, Notice[]>();
  changeTracking = false;
  /** systemuserid → msdyn_agentstatusid, kept by operations.agentStatusOf. */
  readonly agentStatusIndex = new Map<string, string>();
  readonly simulation: Simulation;

  constructor(readonly options: WorldOptions) {
    this.clock = new Clock(options.now, options.speed);
    this.clock.setPaused(true); // seeding happens at one instant, then the clock runs
    this.store = new Store(() => this.clock.now());
    this.random = new Random(options.seed);
    this.index = buildScenario(this.store, this.random, options.scenario, this.clock.nowMs());
    this.simulation = new Simulation(this);
    this.clock.setPaused(false);
  }

  /** Brings the org up to the clock's now (the simulation runs lazily, on each request). */
  catchUp(): void {
    this.simulation.catchUp();
  }

  userByUpn(upn: string): Row | undefined {
    const wanted = upn.trim().toLowerCase();
    for (const user of this.store.rows('systemusers')) {
      if (String(user.domainname ?? '').toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  addNotice(conversationId: string, text: string): void {
    const list = this.notices.get(conversationId) ?? [];
    list.push({ at: this.clock.now().toISOString(), text });
    this.notices.set(conversationId, list);
  }
}

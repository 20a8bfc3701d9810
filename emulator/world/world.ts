/**
 * One emulated org: its data (store), its clock, what the scenario seeded, how the org is configured (settings) and
 * the runtime state of the supervisor flows (pending transfers, join notices). Reset replaces the whole World.
 * What moves the org (the simulation) is attached by ./create.ts, so the data knows nothing of its driver.
 */
import { Clock } from './clock';
import { Random } from './random';
import { buildScenario, type ScenarioName, type WorldIndex } from './scenario';
import { DEFAULT_SETTINGS, type OrgSettings } from './settings';
import { Store, type Row } from './store';
import type { VariantName } from '../variants';
import { cellText } from '../odata/values';

export interface WorldOptions {
  seed: number;
  scenario: ScenarioName;
  variant: VariantName;
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

/** Brings the org up to the clock's now. */
export interface Driver {
  catchUp(): void;
  readonly trafficOn: boolean;
  setTraffic(on: boolean): void;
}

export class World {
  readonly store: Store;
  readonly clock: Clock;
  readonly index: WorldIndex;
  /** Drives everything random after seeding (new ids, simulated traffic, decisions). */
  readonly random: Random;
  readonly pending = new Map<string, Pending>();
  readonly notices = new Map<string, Notice[]>();
  readonly settings: OrgSettings;
  /** systemuserid → msdyn_agentstatusid, kept by agents.agentStatusOf. */
  readonly agentStatusIndex = new Map<string, string>();
  /** Ids of the closed history (./history.ts) and of the case notes (./case-notes.ts), in the order they were added. */
  readonly historyIds: string[] = [];
  readonly caseNoteIds: string[] = [];
  private driver: Driver | undefined;

  /** `settings` are those in force while seeding (how a leaving participant is recorded); the rest apply later. */
  constructor(
    readonly options: WorldOptions,
    settings: Partial<OrgSettings> = {},
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.clock = new Clock(options.now, options.speed);
    // Seeding happens at one instant; ./create.ts starts the clock once the variant is applied too.
    this.clock.setPaused(true);
    this.store = new Store(() => this.clock.now());
    this.random = new Random(options.seed);
    this.index = buildScenario(this.store, this.random, options.scenario, this.clock.nowMs(), this.settings.participantsOnLeave);
  }

  drive(driver: Driver): void {
    this.driver = driver;
  }

  /** Brings the org up to the clock's now (the simulation runs lazily, on each request). */
  catchUp(): void {
    this.driver?.catchUp();
  }

  /** Whether the simulated contact center is running (see Simulation.setTraffic). */
  trafficOn(): boolean {
    return this.driver?.trafficOn ?? false;
  }

  setTraffic(on: boolean): void {
    this.driver?.setTraffic(on);
  }

  userByUpn(upn: string): Row | undefined {
    const wanted = upn.trim().toLowerCase();
    for (const user of this.store.rows('systemusers')) {
      if (cellText(user.domainname ?? '').toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  addNotice(conversationId: string, text: string): void {
    const list = this.notices.get(conversationId) ?? [];
    list.push({ at: this.clock.now().toISOString(), text });
    this.notices.set(conversationId, list);
  }
}

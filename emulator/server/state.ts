/**
 * Everything one running emulator holds: the current world (replaced on reset), who is signed in, the fault
 * switches, the service-protection counters and the request log.
 */
import { Auth } from './auth';
import { Faults } from './faults';
import { DEFAULT_LIMITS, ServiceProtection, type ProtectionLimits } from './protection';
import { RequestLog } from './request-log';
import { createWorld } from '../world/create';
import type { World, WorldOptions } from '../world/world';
import type { Row } from '../world/store';

export class EmulatorState {
  world: World;
  readonly auth = new Auth();
  readonly faults: Faults;
  readonly protection: ServiceProtection;
  readonly log = new RequestLog();

  constructor(
    private worldOptions: WorldOptions,
    limits: Partial<ProtectionLimits> = {},
  ) {
    this.world = createWorld(worldOptions);
    this.faults = new Faults(worldOptions.seed);
    this.protection = new ServiceProtection({ ...DEFAULT_LIMITS, ...limits });
  }

  /** A new org from the same options, except those given; settings made with /_emulator/config are not kept. */
  reset(changes: Partial<Pick<WorldOptions, 'seed' | 'scenario' | 'variant'>>): void {
    const clock = this.world.clock;
    this.worldOptions = {
      ...this.worldOptions,
      seed: changes.seed ?? this.worldOptions.seed,
      scenario: changes.scenario ?? this.worldOptions.scenario,
      variant: changes.variant ?? this.worldOptions.variant,
      now: clock.now(),
      speed: clock.getSpeed(),
    };
    const paused = clock.isPaused();
    this.world = createWorld(this.worldOptions);
    this.world.clock.setPaused(paused);
  }

  user(id: string): Row | undefined {
    return this.world.store.get('systemusers', id);
  }
}

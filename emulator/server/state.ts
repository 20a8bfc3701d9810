/**
 * Everything one running emulator holds: the current world (replaced on reset), who is signed in, the fault
 * switches, the service-protection counters and the request log.
 */
import { Auth } from './auth';
import { World, type WorldOptions } from '../world/world';
import type { Row } from '../world/store';

export class EmulatorState {
  world: World;
  readonly auth = new Auth();

  constructor(private worldOptions: WorldOptions) {
    this.world = new World(worldOptions);
  }

  reset(changes: Partial<Pick<WorldOptions, 'seed' | 'scenario'>>): void {
    this.worldOptions = { ...this.worldOptions, ...changes, now: this.world.clock.now(), speed: this.world.clock.getSpeed() };
    this.world = new World(this.worldOptions);
  }

  user(id: string): Row | undefined {
    return this.world.store.get('systemusers', id);
  }
}

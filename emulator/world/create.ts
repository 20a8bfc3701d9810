/**
 * A new org: the scenario seeded, the simulation attached, the custom APIs described and the variant applied, all
 * at the one instant the clock starts from.
 */
import { Simulation } from '../simulation/engine';
import { VARIANTS } from '../variants';
import { configure, type SettingsPatch } from './configure';
import { describeCustomApis } from './custom-apis';
import { World, type WorldOptions } from './world';

export function createWorld(options: WorldOptions): World {
  const variant: SettingsPatch = VARIANTS[options.variant];
  // How a leaving participant is recorded already shapes the seeded closed conversations.
  const world = new World(options, variant.participantsOnLeave ? { participantsOnLeave: variant.participantsOnLeave } : {});
  world.drive(new Simulation(world));
  describeCustomApis(world);
  configure(world, variant);
  world.clock.setPaused(false);
  return world;
}

/**
 * The supervisor role under the org's own name (the `supervisorRoleName` setting): orgs copy the out-of-box role and
 * give the copy to their supervisors. The copy has the original's privileges, so the actions accept it; everyone who
 * held the original holds the copy instead, directly or through a team.
 */
import { BUSINESS_UNIT_ID, ROLE_IDS, ROLE_NAMES, SUPERVISOR_COPY_ROLE_ID } from '../personas';
import type { World } from './world';

export function nameSupervisorRole(world: World, name: string): void {
  const store = world.store;
  const original = name === ROLE_NAMES.supervisor;
  const from = world.settings.supervisorRoleName === ROLE_NAMES.supervisor ? ROLE_IDS.supervisor : SUPERVISOR_COPY_ROLE_ID;
  const to = original ? ROLE_IDS.supervisor : SUPERVISOR_COPY_ROLE_ID;
  if (!original) {
    if (store.get('roles', SUPERVISOR_COPY_ROLE_ID)) store.update('roles', SUPERVISOR_COPY_ROLE_ID, { name });
    else store.insert('roles', { roleid: SUPERVISOR_COPY_ROLE_ID, name, _businessunitid_value: BUSINESS_UNIT_ID });
  }
  if (from !== to) {
    for (const relation of ['systemuserroles', 'teamroles']) {
      for (const holder of store.related(relation, 1, from)) {
        store.unrelate(relation, holder, from);
        store.relate(relation, holder, to);
      }
    }
  }
  if (original && store.get('roles', SUPERVISOR_COPY_ROLE_ID)) store.remove('roles', SUPERVISOR_COPY_ROLE_ID);
  world.settings.supervisorRoleName = name;
}

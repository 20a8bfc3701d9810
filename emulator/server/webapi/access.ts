/**
 * Table privileges the emulated org enforces. Reading the custom API definition tables needs prvReadCustomAPI, which
 * an org may leave to administrators (`customApisReadable: false`): then everyone without the System Administrator
 * role gets the platform's missing-privilege error, and only $metadata describes the actions.
 */
import { ROLE_IDS } from '../../personas';
import type { TableDef } from '../../schema/define';
import { stableGuid } from '../../world/random';
import { DataverseError, ERROR_CODES } from '../errors';
import { rolesOf } from '../identity';
import type { WebApiContext } from './context';

const CUSTOM_API_PRIVILEGES: Readonly<Record<string, string>> = {
  customapi: 'prvReadCustomAPI',
  customapirequestparameter: 'prvReadCustomAPIRequestParameter',
  customapiresponseproperty: 'prvReadCustomAPIResponseProperty',
};

export function checkReadable(c: WebApiContext, def: TableDef): void {
  const privilege = CUSTOM_API_PRIVILEGES[def.schema.logicalName];
  if (!privilege || c.state.world.settings.customApisReadable) return;
  const roles = rolesOf(c.state.world.store, c.userId);
  if (roles.some((r) => r.id === ROLE_IDS.systemAdministrator)) return;
  throw new DataverseError(
    403,
    ERROR_CODES.privilegeDenied,
    `Principal user (Id=${c.userId}, type=8, roleCount=${roles.length}, accessMode=0), is missing ${privilege} privilege ` +
      `(Id=${stableGuid(privilege)}) for entity '${def.schema.logicalName}'. context.Caller=${c.userId}`,
  );
}

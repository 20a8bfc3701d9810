/**
 * The customapi rows of the org: the six supervisor actions exactly as the contract in force declares them (binding,
 * request parameters with their customapi type and optionality, response properties of a 200 answer), plus a few
 * other custom APIs a Contact Center org has. Rewritten whenever the contract changes, with stable ids.
 */
import { contractInForce } from '../actions/shapes';
import { ACTION_NAMES, CONTRACT, OTHER_CUSTOM_APIS, type FieldType, type ParameterPatch } from '../contract';
import { FIELD_TYPE_CODES } from '../schema/edm';
import { stableGuid } from './random';
import type { World } from './world';

const APIS = 'customapis';
const PARAMETERS = 'customapirequestparameters';
const PROPERTIES = 'customapiresponseproperties';

interface Definition {
  uniquename: string;
  bound: boolean;
  isfunction: boolean;
  parameters: readonly ParameterPatch[];
  response: Readonly<Record<string, FieldType>>;
}

export function describeCustomApis(world: World): void {
  const store = world.store;
  for (const [set, key] of [
    [PROPERTIES, 'customapiresponsepropertyid'],
    [PARAMETERS, 'customapirequestparameterid'],
    [APIS, 'customapiid'],
  ] as const) {
    for (const row of [...store.rows(set)]) store.remove(set, String(row[key]));
  }
  const contract = contractInForce(world.settings.actionContract);
  const definitions: Definition[] = [
    ...ACTION_NAMES.map((name) => {
      const shape = contract.actions[name];
      return {
        uniquename: name,
        bound: shape.bound,
        isfunction: false,
        parameters: shape.parameters,
        response: shape.successStatus === 200 ? shape.response : {},
      };
    }),
    ...OTHER_CUSTOM_APIS.map((api) => ({ ...api, bound: false })),
  ];
  for (const api of definitions) {
    const id = stableGuid(`${APIS}/${api.uniquename}`);
    store.insert(APIS, {
      customapiid: id,
      uniquename: api.uniquename,
      name: api.uniquename,
      displayname: api.uniquename.replace(/^\w+_/, ''),
      description: `${api.uniquename} (Contact Center)`,
      bindingtype: api.bound ? 1 : 0,
      boundentitylogicalname: api.bound ? CONTRACT.boundEntity : null,
      isfunction: api.isfunction,
    });
    for (const p of api.parameters) {
      store.insert(PARAMETERS, {
        customapirequestparameterid: stableGuid(`${PARAMETERS}/${api.uniquename}/${p.name}`),
        uniquename: p.name,
        name: `${api.uniquename}.${p.name}`,
        displayname: p.name,
        type: FIELD_TYPE_CODES[p.type],
        isoptional: p.optional ?? false,
        _customapiid_value: id,
      });
    }
    for (const [property, type] of Object.entries(api.response)) {
      store.insert(PROPERTIES, {
        customapiresponsepropertyid: stableGuid(`${PROPERTIES}/${api.uniquename}/${property}`),
        uniquename: property,
        name: `${api.uniquename}.${property}`,
        displayname: property,
        type: FIELD_TYPE_CODES[type],
        _customapiid_value: id,
      });
    }
  }
}

import type { CustomApiShape, ParameterMeaning } from '../actions/contract';
import type { ApiDescription, ApiParameter } from './api-description';

/**
 * How an org's description of one custom API becomes the shape we call it with. Parameters are matched by what they
 * mean and how they are typed, never by one spelling: `AgentId`, `TargetAgentId` and `AgentUserId` all name the
 * agent; a parameter that names nothing we know, and that the org requires, makes the action unavailable with its
 * name in the reason (lib/actions/request.ts), so an org's action is never called with a guessed shape.
 */

/** The conversation table: a bound API must hang off it to be called on a conversation. */
const CONVERSATION_TABLE = 'msdyn_ocliveworkitem';

const MEANINGS: ReadonlyArray<{ meaning: ParameterMeaning; name: RegExp; table: string }> = [
  // Most specific first: "user" also appears in names that mean something else, so agent is tried last.
  { meaning: 'conversation', name: /conversation|liveworkitem|workitem/i, table: CONVERSATION_TABLE },
  { meaning: 'queue', name: /queue/i, table: 'queue' },
  { meaning: 'agent', name: /agent|user|representative|systemuser/i, table: 'systemuser' },
];
/** Types an id can travel in. */
const ID_TYPES = new Set<ApiParameter['type']>(['Guid', 'String', 'EntityReference', 'Entity']);
const API_VERSION = 'ApiVersion';
const isEntity = (p: ApiParameter) => p.type === 'EntityReference' || p.type === 'Entity';

/** What a parameter means, by its table when it is typed as one, else by its name; null when it means nothing we send. */
function meaningOf(parameter: ApiParameter): ParameterMeaning | null {
  if (!ID_TYPES.has(parameter.type)) return null;
  if (isEntity(parameter) && parameter.entity) return MEANINGS.find((m) => m.table === parameter.entity)?.meaning ?? null;
  return MEANINGS.find((m) => m.name.test(parameter.name))?.meaning ?? null;
}

/** A numeric answer property saying by how much capacity was exceeded. */
const CAPACITY_EXCEEDED = /capacity.*exceed|exceed.*capacity/i;
const NUMERIC = new Set<ApiParameter['type']>(['Integer', 'Decimal', 'Float']);

/**
 * The shape to call an API with for an action whose target means `target`; null when it cannot be called on a
 * conversation at all (a function, or bound to another table or to a collection).
 */
export function shapeFor(description: ApiDescription, target: ParameterMeaning): CustomApiShape | null {
  if (description.isFunction || description.binding === 'collection') return null;
  if (description.binding === 'entity' && description.boundEntity !== CONVERSATION_TABLE) return null;
  const binding = description.binding === 'entity' ? 'bound' : 'unbound';
  // What the call must send: the target, and the conversation when it is not the binding.
  const needed = new Set<ParameterMeaning>([target, ...(binding === 'unbound' ? ['conversation' as const] : [])]);
  const parameters: CustomApiShape['parameters'] = { conversation: null, agent: null, queue: null };
  const references: NonNullable<CustomApiShape['references']> = {};
  const unmapped: string[] = [];
  for (const parameter of description.parameters) {
    if (parameter.name === API_VERSION) continue;
    const meaning = meaningOf(parameter);
    if (meaning && needed.has(meaning) && parameters[meaning] === null) {
      parameters[meaning] = parameter.name;
      if (isEntity(parameter)) references[meaning] = parameter.entity ?? MEANINGS.find((m) => m.meaning === meaning)!.table;
    } else if (!parameter.optional) {
      unmapped.push(parameter.name);
    }
  }
  const capacity = description.response.find((p) => CAPACITY_EXCEEDED.test(p.name) && NUMERIC.has(p.type));
  return {
    binding,
    parameters,
    apiVersion: description.parameters.some((p) => p.name === API_VERSION),
    capacityExceededProperty: capacity?.name ?? null,
    unmapped,
    ...(Object.keys(references).length > 0 ? { references } : {}),
  };
}

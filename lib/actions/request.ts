import type { DataverseRequest } from '../dataverse/transport';
import type { ActionContract, CustomApiShape, ParameterMeaning } from './contract';
import type { ActionDefinition, BaseIntent, Operation } from './definition';
import type { MessageKey } from '../i18n/message-key';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids end up in the request path: only a GUID may get there. */
export const isGuid = (value: string): boolean => GUID.test(value);

/**
 * Why the contract cannot carry an action: the org does not offer it, it declares parameters we cannot fill (named in
 * the reason), or it has no parameter for the action's target.
 */
export type ContractGap = 'notOffered' | 'unmappedParameter' | 'missingTarget';

/** A gap and the parameter names its reason lists ($1). */
export interface GapFound {
  ok: false;
  gap: ContractGap;
  names: readonly string[];
}

export type OperationRequest = { ok: true; request: DataverseRequest; shape: CustomApiShape } | GapFound;

/** How the contract calls an action's API, or why it cannot; the rules show the gap before any click. */
export function contractShape(
  operation: Pick<Operation<BaseIntent>, 'api' | 'target'>,
  contract: ActionContract,
): { ok: true; shape: CustomApiShape } | GapFound {
  const shape = contract.apis[operation.api] ?? contract.assumed;
  if (!shape) return { ok: false, gap: 'notOffered', names: [] };
  const unmapped = shape.unmapped ?? [];
  if (unmapped.length > 0) return { ok: false, gap: 'unmappedParameter', names: unmapped };
  const missing =
    (shape.binding === 'unbound' && !shape.parameters.conversation) ||
    (operation.target !== 'conversation' && !shape.parameters[operation.target]);
  return missing ? { ok: false, gap: 'missingTarget', names: [] } : { ok: true, shape };
}

/** The i18n key saying why the org's contract cannot carry an action ($1: the names a gap lists). */
export const GAP_REASON: Record<ContractGap, MessageKey> = {
  notOffered: 'actions_reason_notOffered',
  unmappedParameter: 'actions_reason_unmappedParameter',
  missingTarget: 'actions_reason_missingTarget',
};

/** A parameter's value: the id itself, or an entity reference when the org types the parameter so. */
function parameterValue(shape: CustomApiShape, meaning: ParameterMeaning, id: string, namespace: string): unknown {
  const entity = shape.references?.[meaning];
  return entity ? { '@odata.type': `${namespace}.${entity}`, [primaryKeyOf(entity)]: id } : id;
}

/** Activity tables (a conversation is one) share the activity's key; other tables are keyed <name>id. */
const primaryKeyOf = (entity: string): string => (entity === 'msdyn_ocliveworkitem' ? 'activityid' : `${entity}id`);

/** The Web API request for one action, shaped by the contract (binding, parameter names, ApiVersion). */
export function operationRequest<I extends BaseIntent>(
  definition: ActionDefinition<I>,
  intent: I,
  contract: ActionContract,
): OperationRequest {
  const { operation } = definition;
  const found = contractShape(operation, contract);
  if (!found.ok) return found;
  const { shape } = found;
  const bound = shape.binding === 'bound';
  const body: Record<string, unknown> = shape.apiVersion ? { ApiVersion: contract.apiVersion } : {};
  if (!bound) body[shape.parameters.conversation!] = parameterValue(shape, 'conversation', intent.conversationId, contract.namespace);
  if (operation.target !== 'conversation')
    body[shape.parameters[operation.target]!] = parameterValue(shape, operation.target, operation.targetId(intent), contract.namespace);
  const request: DataverseRequest = {
    method: 'POST',
    path: bound ? `${contract.entitySet}(${intent.conversationId})/${contract.namespace}.${operation.api}` : operation.api,
    body,
    // One action per conversation at a time on the wire, whatever the views do.
    queryKey: `action:${intent.conversationId}`,
  };
  return { ok: true, request, shape };
}

/** The platform's own count of exceeded capacity units, when its answer carries one; it beats our estimate. */
export function reportedOverCapacity(shape: CustomApiShape, body: unknown): number | null {
  const property = shape.capacityExceededProperty;
  if (!property || typeof body !== 'object' || body === null) return null;
  const value = (body as Record<string, unknown>)[property];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

import type { DataverseRequest } from '../dataverse/transport';
import type { ActionContract, CustomApiShape } from './contract';
import type { ActionDefinition, BaseIntent, Operation } from './definition';
import type { MessageKey } from '../i18n/message-key';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids end up in the request path: only a GUID may get there. */
export const isGuid = (value: string): boolean => GUID.test(value);

/** Why the contract cannot carry an action: the org does not offer it, or names a parameter we cannot map. */
export type ContractGap = 'notOffered' | 'unmappedParameter';

export type OperationRequest = { ok: true; request: DataverseRequest; shape: CustomApiShape } | { ok: false; gap: ContractGap };

/** How the contract calls an action's API, or why it cannot; the rules show the gap before any click. */
export function contractShape(operation: Pick<Operation<BaseIntent>, 'api' | 'target'>, contract: ActionContract): { ok: true; shape: CustomApiShape } | { ok: false; gap: ContractGap } {
  const shape = contract.apis[operation.api] ?? contract.assumed;
  if (!shape) return { ok: false, gap: 'notOffered' };
  const unmapped = (shape.binding === 'unbound' && !shape.parameters.conversation) || (operation.target !== 'conversation' && !shape.parameters[operation.target]);
  return unmapped ? { ok: false, gap: 'unmappedParameter' } : { ok: true, shape };
}

/** The i18n key saying why the org's contract cannot carry an action. */
export const GAP_REASON: Record<ContractGap, MessageKey> = {
  notOffered: 'actions_reason_notOffered',
  unmappedParameter: 'actions_reason_unmappedParameter',
};

/** The Web API request for one action, shaped by the contract (binding, parameter names, ApiVersion). */
export function operationRequest<I extends BaseIntent>(definition: ActionDefinition<I>, intent: I, contract: ActionContract): OperationRequest {
  const { operation } = definition;
  const found = contractShape(operation, contract);
  if (!found.ok) return found;
  const { shape } = found;
  const bound = shape.binding === 'bound';
  const body: Record<string, string> = shape.apiVersion ? { ApiVersion: contract.apiVersion } : {};
  if (!bound) body[shape.parameters.conversation!] = intent.conversationId;
  if (operation.target !== 'conversation') body[shape.parameters[operation.target]!] = operation.targetId(intent);
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

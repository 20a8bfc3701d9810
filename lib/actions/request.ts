import type { DataverseRequest } from '../dataverse/transport';
import type { ActionContract, CustomApiShape } from './contract';
import type { ActionDefinition, BaseIntent } from './definition';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids end up in the request path: only a GUID may get there. */
export const isGuid = (value: string): boolean => GUID.test(value);

/** Why the contract cannot carry an action: the org does not offer it, or names a parameter we cannot map. */
export type ContractGap = 'notOffered' | 'unmappedParameter';

export type OperationRequest = { ok: true; request: DataverseRequest; shape: CustomApiShape } | { ok: false; gap: ContractGap };

/** The Web API request for one action, shaped by the contract (binding, parameter names, ApiVersion). */
export function operationRequest<I extends BaseIntent>(definition: ActionDefinition<I>, intent: I, contract: ActionContract): OperationRequest {
  const { operation } = definition;
  const shape = contract.apis[operation.api] ?? contract.assumed;
  if (!shape) return { ok: false, gap: 'notOffered' };
  const bound = shape.binding === 'bound';
  const body: Record<string, string> = shape.apiVersion ? { ApiVersion: contract.apiVersion } : {};
  if (!bound) {
    if (!shape.parameters.conversation) return { ok: false, gap: 'unmappedParameter' };
    body[shape.parameters.conversation] = intent.conversationId;
  }
  if (operation.target !== 'conversation') {
    const parameter = shape.parameters[operation.target];
    if (!parameter) return { ok: false, gap: 'unmappedParameter' };
    body[parameter] = operation.targetId(intent);
  }
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

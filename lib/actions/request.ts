import type { DataverseRequest } from '../dataverse/transport';
import type { ActionKind } from '../model/actions';
import { CCAAS_CONTRACT, type CcaasContract } from './contract';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids end up in the request path: only a GUID may get there. */
export const isGuid = (value: string): boolean => GUID.test(value);

/** The Web API request for one supervisor action, shaped by the contract (binding, parameter names, ApiVersion). */
export function ccaasRequest(
  kind: ActionKind,
  conversationId: string,
  targetId?: string,
  contract: CcaasContract = CCAAS_CONTRACT,
): DataverseRequest {
  const operation = contract.operations[kind];
  const bound = contract.binding === 'bound';
  const body: Record<string, string> = { ApiVersion: contract.apiVersion };
  if (!bound) body[contract.conversationParam] = conversationId;
  if (operation.targetParam && targetId !== undefined) body[operation.targetParam] = targetId;
  return {
    method: 'POST',
    path: bound
      ? `${contract.entitySet}(${conversationId})/${contract.namespace}.${operation.name}`
      : operation.name,
    body,
    // One action per conversation at a time on the wire, whatever the views do.
    queryKey: `action:${conversationId}`,
  };
}

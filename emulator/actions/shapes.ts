/**
 * The contract in force: the default reading (../contract.ts) with the org's patch applied, resolved to what each
 * action declares and accepts. Requests are checked against it, and $metadata and the customapis rows describe it,
 * so the three can never disagree.
 */
import { ACTION_NAMES, CONTRACT, type ActionName, type ContractPatch, type FieldType, type TargetRole } from '../contract';

export type ParameterRole = 'apiVersion' | 'conversation' | TargetRole;

export interface ParameterShape {
  name: string;
  type: FieldType;
  optional: boolean;
  /** What the parameter stands for; none for a parameter only a per-action override names (e.g. RoutingToken). */
  role?: ParameterRole;
}

export interface ActionShape {
  name: ActionName;
  bound: boolean;
  /** Body parameters in declaration order (the bound conversation comes from the URL and is not one of them). */
  parameters: readonly ParameterShape[];
  successStatus: 200 | 204;
  response: Readonly<Record<string, FieldType>>;
}

export interface ContractInForce {
  /** The default before any contract is set: both forms answered, ConversationId tolerated in a bound body. */
  servesBothBindings: boolean;
  actions: Readonly<Record<ActionName, ActionShape>>;
}

const resolved = new WeakMap<ContractPatch, ContractInForce>();
let defaultContract: ContractInForce | undefined;

export function contractInForce(patch: ContractPatch | null): ContractInForce {
  if (!patch) return (defaultContract ??= resolve({}, true));
  let contract = resolved.get(patch);
  if (!contract) resolved.set(patch, (contract = resolve(patch, false)));
  return contract;
}

/** Whether the action is answered in this form (bound to a conversation, or unbound with the id in the body). */
export function servesForm(contract: ContractInForce, name: ActionName, bound: boolean): boolean {
  return contract.servesBothBindings || contract.actions[name].bound === bound;
}

function resolve(patch: ContractPatch, servesBothBindings: boolean): ContractInForce {
  const bound = (patch.binding ?? CONTRACT.binding) === 'bound';
  const names: Record<TargetRole, string> = {
    agent: patch.agentParameter ?? CONTRACT.agentParameter,
    queue: patch.queueParameter ?? CONTRACT.queueParameter,
  };
  const common: ParameterShape[] = [];
  if (patch.apiVersion ?? true) common.push({ name: CONTRACT.apiVersionParameter, type: 'String', optional: false, role: 'apiVersion' });
  if (!bound) {
    common.push({
      name: patch.conversationParameter ?? CONTRACT.conversationParameter,
      type: CONTRACT.idType,
      optional: false,
      role: 'conversation',
    });
  }
  const roleOf = (name: string): TargetRole | undefined => (name === names.agent ? 'agent' : name === names.queue ? 'queue' : undefined);
  const actions = Object.fromEntries(
    ACTION_NAMES.map((name): [ActionName, ActionShape] => {
      const base = CONTRACT.actions[name];
      const override = patch.actions?.[name];
      const own: ParameterShape[] = override?.parameters
        ? override.parameters.map((p) => ({ name: p.name, type: p.type, optional: p.optional ?? false, role: roleOf(p.name) }))
        : base.takes.map((role) => ({ name: names[role], type: CONTRACT.idType, optional: false, role }));
      return [
        name,
        {
          name,
          bound,
          parameters: [...common, ...own],
          successStatus: override?.successStatus ?? patch.successStatus ?? base.successStatus,
          response: base.response,
        },
      ];
    }),
  ) as Record<ActionName, ActionShape>;
  return { servesBothBindings, actions };
}

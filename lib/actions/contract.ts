/**
 * How the org's supervisor actions are called: binding, parameter names, ApiVersion. The platform documents their
 * names only (docs/platform.md, "Messages on the table" and "Open questions"), so these are our reading until the
 * org describes its own actions (its `customapis` or `$metadata`). Everything about the call shape lives in this one
 * object; the actions name only their API and what its target means (lib/actions/kinds), so replacing the contract
 * with an org's own is the whole change.
 */
export interface CustomApiShape {
  /**
   * 'bound': POST <entitySet>(<id>)/<namespace>.<Name> (the table reference lists the messages under the
   * conversation table, which usually means an entity-bound custom API). 'unbound': POST <Name>, conversation in the body.
   */
  binding: 'bound' | 'unbound';
  /** Body parameter names by what they mean; null when the API has none of that meaning. */
  parameters: { conversation: string | null; agent: string | null; queue: string | null };
  /** Whether ApiVersion is a parameter (its value: ActionContract.apiVersion). */
  apiVersion: boolean;
  /** A response property holding by how many units an assignment exceeds capacity; null when there is none. */
  capacityExceededProperty: string | null;
}

export interface ActionContract {
  entitySet: string;
  namespace: string;
  apiVersion: string;
  /** The org's own description of its custom APIs, by unique name. */
  apis: Readonly<Record<string, CustomApiShape>>;
  /**
   * The shape assumed for an API the org has not described. Null once the org has described itself: an action
   * missing from `apis` is then not offered, never called with a guessed shape.
   */
  assumed: CustomApiShape | null;
}

/** Where the runner gets the contract in force for the signed-in org. */
export type ContractSource = () => ActionContract;

/** Our reading, applied alike to every supervisor action until an org says otherwise. */
export const BUILT_IN_CONTRACT: ActionContract = {
  entitySet: 'msdyn_ocliveworkitems',
  namespace: 'Microsoft.Dynamics.CRM',
  apiVersion: '1.0',
  apis: {},
  assumed: {
    binding: 'bound',
    parameters: { conversation: 'ConversationId', agent: 'AgentId', queue: 'QueueId' },
    apiVersion: true,
    capacityExceededProperty: 'CapacityExceededBy',
  },
};

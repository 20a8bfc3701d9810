import { z } from 'zod';

/**
 * How the org's supervisor actions are called: binding, parameter names, ApiVersion. The platform documents their
 * names only (docs/platform.md, "Messages on the table" and "Open questions"), so these are our reading until the
 * org describes its own actions (its `customapis` or `$metadata`, lib/discovery). Everything about the call shape
 * lives in this one object; the actions name only their API and what its target means (lib/actions/kinds), so
 * replacing the contract with an org's own is the whole change.
 */
const ParameterMeaningSchema = z.enum(['conversation', 'agent', 'queue']);
export type ParameterMeaning = z.infer<typeof ParameterMeaningSchema>;

const CustomApiShapeSchema = z.object({
  /**
   * 'bound': POST <entitySet>(<id>)/<namespace>.<Name> (the table reference lists the messages under the
   * conversation table, which usually means an entity-bound custom API). 'unbound': POST <Name>, conversation in the body.
   */
  binding: z.enum(['bound', 'unbound']),
  /** Body parameter names by what they mean; null when the API has none of that meaning. */
  parameters: z.object({ conversation: z.string().nullable(), agent: z.string().nullable(), queue: z.string().nullable() }),
  /** Whether ApiVersion is a parameter (its value: ActionContract.apiVersion). */
  apiVersion: z.boolean(),
  /** A response property holding by how many units an assignment exceeds capacity; null when there is none. */
  capacityExceededProperty: z.string().nullable(),
  /**
   * Required parameters the org declares that Floorwalker cannot fill (neither ApiVersion nor the target it sends):
   * any one makes the action unavailable, named in its reason. Absent in our own reading.
   */
  unmapped: z.array(z.string()).optional(),
  /** Parameters typed as an entity reference: the table each refers to (the value is then an entity object, not an id). */
  references: z.partialRecord(ParameterMeaningSchema, z.string()).optional(),
});
export type CustomApiShape = z.infer<typeof CustomApiShapeSchema>;

export const ActionContractSchema = z.object({
  entitySet: z.string(),
  namespace: z.string(),
  apiVersion: z.string(),
  /** The org's own description of its custom APIs, by unique name. */
  apis: z.record(z.string(), CustomApiShapeSchema),
  /**
   * The shape assumed for an API the org has not described. Null once the org has described itself: an action
   * missing from `apis` is then not offered, never called with a guessed shape.
   */
  assumed: CustomApiShapeSchema.nullable(),
});
export type ActionContract = z.infer<typeof ActionContractSchema>;

/** Where the runner gets the contract in force for the signed-in org (after a discovery under way, if any). */
export type ContractSource = () => ActionContract | Promise<ActionContract>;

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

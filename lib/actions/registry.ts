import { z } from 'zod';
import type { Conversation } from '../model/conversation';
import type { ActionDefinition, IntentSchema } from './definition';
import { assignAgent } from './kinds/assign-agent';
import { assignQueue } from './kinds/assign-queue';
import { forceClose } from './kinds/force-close';
import { join } from './kinds/join';
import { monitor } from './kinds/monitor';
import { transfer } from './kinds/transfer';

/**
 * Every supervisor action, in the order the row, the palette and the help sheet list them. Adding an action is its
 * definition in kinds/ and one line here (docs/adding-an-action.md); nothing else names a kind.
 */
export const ACTION_DEFINITIONS = [monitor, join, assignAgent, assignQueue, transfer, forceClose] as const;

type Listed = (typeof ACTION_DEFINITIONS)[number];
/** What a view asks the worker to do, one member per definition. Only the worker talks to the platform. */
export type ActionIntent = Listed extends infer D ? (D extends ActionDefinition<infer I> ? I : never) : never;
export type ActionKind = ActionIntent['kind'];
export type AnyActionDefinition = ActionDefinition<ActionIntent>;

/**
 * Everything derived from a list of definitions; the module's exports are this, for the list above.
 * @public the seventh-action test indexes the six and a hypothetical seventh with it.
 */
export function indexDefinitions(definitions: readonly ActionDefinition[]) {
  const all = definitions as unknown as readonly AnyActionDefinition[];
  const byKind = new Map<string, AnyActionDefinition>(all.map((d) => [d.kind, d]));
  const allDefinitions = (): AnyActionDefinition[] => [...all];

  /** How the supervisor sees it on the row and in lists: its group's name and button, or its own. */
  const rowLabels = (definition: AnyActionDefinition) => ({
    /** data-action on the row button; the group's id for grouped actions. */
    id: definition.group?.id ?? definition.kind,
    name: definition.group?.labels.name ?? definition.labels.name,
    button: definition.group?.labels.button ?? definition.labels.button,
  });

  return {
    ACTION_KINDS: all.map((d) => d.kind) as readonly ActionKind[],
    ActionIntentSchema: z.discriminatedUnion(
      'kind',
      all.map((d) => d.intent) as [IntentSchema<ActionIntent>, ...IntentSchema<ActionIntent>[]],
    ) as z.ZodType<ActionIntent>,
    allDefinitions,
    definitionOf: (kind: ActionKind): AnyActionDefinition => byKind.get(kind)!,
    /** The definition of an intent's kind, typed for that intent (kinds are unique: the registry test checks it). */
    definitionFor: <I extends ActionIntent>(intent: I): ActionDefinition<I> => byKind.get(intent.kind) as unknown as ActionDefinition<I>,
    /** The actions offered with this one (its group), in registry order; itself alone when it has no group. */
    groupMembers: (definition: AnyActionDefinition): AnyActionDefinition[] => {
      const { group } = definition;
      return group ? all.filter((d) => d.group?.id === group.id) : [definition];
    },
    rowLabels,
    /** The row's buttons: every action the row offers now, one per group (its first member decides and opens it). */
    rowActions: (conversation: Conversation, me: string | null): AnyActionDefinition[] => {
      const seen = new Set<string>();
      return all.filter((definition) => {
        if (!(definition.offeredOnRow?.(conversation, me) ?? true)) return false;
        const id = rowLabels(definition).id;
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    },
    /** Kinds announced to other supervisors with a soft lock. */
    LOCKABLE_KINDS: all.filter((d) => d.lock).map((d) => d.kind) as readonly ActionKind[],
    /** Kinds offered for many conversations at once. */
    BULKABLE_KINDS: all.filter((d) => d.bulk).map((d) => d.kind) as readonly ActionKind[],
  };
}

export const {
  ACTION_KINDS,
  ActionIntentSchema,
  allDefinitions,
  definitionOf,
  definitionFor,
  groupMembers,
  rowLabels,
  rowActions,
  LOCKABLE_KINDS,
  BULKABLE_KINDS,
} = indexDefinitions(ACTION_DEFINITIONS);

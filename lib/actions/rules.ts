import type { Access } from '../model/access';
import type { ActionRecord } from '../model/actions';
import type { Conversation } from '../model/conversation';
import type { Feature } from '../model/supervisor-switches';
import type { EffectiveSettings } from '../model/settings';
import { isActionBlockedByPolicy } from '../policy/locks';
import type { ActionContract } from './contract';
import { routeOf, type ActionRoute } from './definition';
import { definitionOf, groupMembers, type ActionKind, type AnyActionDefinition } from './registry';
import { contractShape, GAP_REASON } from './request';
import { routeBlockReason, type RouteFacts } from './routing';
import type { MessageKey } from '../i18n/message-key';

/**
 * Which supervisor action the platform allows on a conversation right now, and why not, in the platform's own
 * rules (docs/platform.md, "Messages on the table", "Supervisor feature toggles", "Security roles"): who the user
 * is, the org's switch, the policy, an action already under way, the action's own state rule, then whether its way
 * to the platform is open (a workspace tab, lib/actions/routing.ts). Pure: the views
 * grey buttons out with it and the worker checks it again before every call. The platform's answer stays final.
 */
export interface AvailabilityContext {
  conversation: Conversation;
  access: Access;
  /** The user's and the organisation's settings; the worker, which holds no settings, relies on access.policyAllows. */
  settings?: EffectiveSettings;
  /** An action on this conversation that has not finished yet. */
  activeRecord?: ActionRecord;
  /** The org's action contract, when known: an action it cannot carry is not offered. */
  contract?: ActionContract;
  /** Whether the org's workspace is open, as the worker published it: an action whose way needs it waits for it. */
  routes?: RouteFacts;
}

export interface Availability {
  enabled: boolean;
  /** i18n key saying why not, in words; null when enabled. */
  reason: MessageKey | null;
  /** The reason's $1…: the parameter names an org's action takes that we cannot fill. */
  args?: readonly string[];
}

export const isInFlight = (record: ActionRecord): boolean => record.state === 'pending' || record.state === 'waitingForAgent';

const ok: Availability = { enabled: true, reason: null };
const no = (reason: MessageKey): Availability => ({ enabled: false, reason });

export function availability(kind: ActionKind, ctx: AvailabilityContext): Availability {
  const definition = definitionOf(kind);
  const { feature } = definition;
  const stateBlock = (): Availability | null => {
    const reason = definition.stateRule(ctx.conversation, ctx.access.userId);
    return reason === null ? null : no(reason);
  };
  return (
    accessBlock(ctx.access) ??
    (ctx.access.orgSwitches[feature] ? null : no(`actions_reason_switchOff_${feature}`)) ??
    settingsBlock(feature, ctx.access, ctx.settings) ??
    contractBlock(definition.operation, ctx.contract) ??
    inFlightBlock(kind, ctx.activeRecord) ??
    stateBlock() ??
    routeBlock(routeOf(definition), ctx.routes) ??
    ok
  );
}

/** Last: opening the workspace helps only an action the platform would otherwise allow. */
function routeBlock(route: ActionRoute, facts: RouteFacts | undefined): Availability | null {
  const reason = facts ? routeBlockReason(route, facts) : null;
  return reason ? no(reason) : null;
}

/** Each action offered with this one (its group, or itself alone), with its own availability. */
export function memberAvailability(
  definition: AnyActionDefinition,
  ctx: AvailabilityContext,
): Array<{ definition: AnyActionDefinition; availability: Availability }> {
  return groupMembers(definition).map((member) => ({ definition: member, availability: availability(member.kind, ctx) }));
}

/**
 * A group's one button: allowed when any member is (the dialog then offers the members that are), otherwise the
 * first member's reason. Assign stays offered to a queue when the org's assignment to an agent cannot be called.
 */
export function groupAvailability(definition: AnyActionDefinition, ctx: AvailabilityContext): Availability {
  const members = memberAvailability(definition, ctx);
  return (members.find((m) => m.availability.enabled) ?? members[0]!).availability;
}

function accessBlock(access: Access): Availability | null {
  switch (access.state) {
    case 'supervisor':
      return null;
    case 'notSupervisor':
      return no('actions_reason_notSupervisor');
    case 'signedOut':
      return no('actions_reason_signedOut');
    default:
      return no('actions_reason_accessUnknown');
  }
}

/**
 * The managed policy can only restrict; a user's own option says so in other words than the organisation's.
 * (The worker folds both into access.policyAllows; the views, with settings at hand, can tell them apart.)
 */
function settingsBlock(feature: Feature, access: Access, settings: EffectiveSettings | undefined): Availability | null {
  if (settings && !settings.values.actions[feature]) {
    return no(isActionBlockedByPolicy(settings, feature) ? `actions_reason_policyOff_${feature}` : `actions_reason_userOff_${feature}`);
  }
  return access.policyAllows[feature] ? null : no(`actions_reason_policyOff_${feature}`);
}

function contractBlock(operation: Parameters<typeof contractShape>[0], contract: ActionContract | undefined): Availability | null {
  if (!contract) return null;
  const found = contractShape(operation, contract);
  if (found.ok) return null;
  return found.names.length > 0
    ? { enabled: false, reason: GAP_REASON[found.gap], args: [found.names.join(', ')] }
    : no(GAP_REASON[found.gap]);
}

function inFlightBlock(kind: ActionKind, active: ActionRecord | undefined): Availability | null {
  if (!active || !isInFlight(active)) return null;
  return no(active.intent.kind === kind ? 'actions_reason_inFlightSame' : 'actions_reason_inFlightOther');
}

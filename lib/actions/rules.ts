import type { Access } from '../model/access';
import type { ActionKind, ActionRecord, Feature } from '../model/actions';
import type { BasePresence } from '../model/agent';
import type { Conversation } from '../model/conversation';
import type { EffectiveSettings } from '../model/settings';
import { isActionBlockedByPolicy } from '../policy/locks';
import { hasMessaging, hasVoiceOrVideo, isRecordRouted } from './channels';

/**
 * Which supervisor action the platform allows on a conversation right now, and why not, in the platform's own
 * rules (issue 7; platform-api.md §1.5, §2.6, §2.7). Pure: the views grey buttons out with it and the worker checks
 * it again before every call. The platform's answer stays final (house style 10).
 */
export interface AvailabilityContext {
  conversation: Conversation;
  access: Access;
  /** The user's and the organisation's settings; the worker, which holds no settings, relies on access.policyAllows. */
  settings?: EffectiveSettings;
  /** An action on this conversation that has not finished yet. */
  activeRecord?: ActionRecord;
}

export interface Availability {
  enabled: boolean;
  /** i18n key saying why not, in words; null when enabled. */
  reason: string | null;
}

/** Join rides on the monitor switch, both assigns on the assign switch. */
export const FEATURE_OF: Readonly<Record<ActionKind, Feature>> = {
  monitor: 'monitor',
  join: 'monitor',
  assignAgent: 'assign',
  assignQueue: 'assign',
  transfer: 'transfer',
  forceClose: 'forceClose',
};

export const isInFlight = (record: ActionRecord): boolean => record.state === 'pending' || record.state === 'waitingForAgent';

const ok: Availability = { enabled: true, reason: null };
const no = (reason: string): Availability => ({ enabled: false, reason });

export function availability(kind: ActionKind, ctx: AvailabilityContext): Availability {
  const feature = FEATURE_OF[kind];
  return (
    accessBlock(ctx.access) ??
    (ctx.access.orgSwitches[feature] ? null : no(`actions_reason_switchOff_${feature}`)) ??
    settingsBlock(feature, ctx.access, ctx.settings) ??
    inFlightBlock(kind, ctx.activeRecord) ??
    stateBlock(kind, ctx.conversation, ctx.access.userId) ??
    ok
  );
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

function inFlightBlock(kind: ActionKind, active: ActionRecord | undefined): Availability | null {
  if (!active || !isInFlight(active)) return null;
  return no(active.intent.kind === kind ? 'actions_reason_inFlightSame' : 'actions_reason_inFlightOther');
}

const mine = (c: Conversation, userId: string | null, mode: 'monitor' | 'consult'): boolean =>
  userId !== null && c.participants.some((p) => p.agentId === userId && p.mode === mode);

function stateBlock(kind: ActionKind, c: Conversation, userId: string | null): Availability | null {
  switch (kind) {
    case 'monitor':
      if (c.status === 'open') return no('actions_reason_monitorState');
      if (isRecordRouted(c)) return no('actions_reason_monitorRecord');
      if (userId !== null && c.agentId === userId) return no('actions_reason_monitorOwn');
      if (mine(c, userId, 'monitor') || mine(c, userId, 'consult')) return no('actions_reason_monitoring');
      return null;
    case 'join':
      if (mine(c, userId, 'consult')) return no('actions_reason_joined');
      if (!mine(c, userId, 'monitor')) return no('actions_reason_joinFirst');
      if (c.status === 'open') return no('actions_reason_monitorState');
      return null;
    case 'assignAgent':
    case 'assignQueue':
      return c.status === 'open' && c.agentId === null && !c.pending ? null : no('actions_reason_assignState');
    case 'transfer':
      if (c.status !== 'active' && c.status !== 'waiting') return no('actions_reason_transferState');
      if (!hasMessaging(c)) return no('actions_reason_transferChannel');
      if (hasVoiceOrVideo(c)) return no('actions_reason_transferEscalated');
      if (c.pending) return no('actions_reason_transferPending');
      return null;
    case 'forceClose':
      return !isRecordRouted(c) && (hasMessaging(c) || hasVoiceOrVideo(c)) ? null : no('actions_reason_forceCloseChannel');
  }
}

/** A workstream allows Available and Busy unless it says otherwise (the out-of-box default). */
const DEFAULT_ALLOWED: readonly BasePresence[] = ['available', 'busy'];
export const allowedPresences = (c: Conversation): readonly BasePresence[] =>
  c.allowedPresences?.length ? c.allowedPresences : DEFAULT_ALLOWED;

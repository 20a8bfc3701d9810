import type { Agent, BasePresence } from '../model/agent';
import type { Conversation } from '../model/conversation';
import { roomFor, type Room } from '../model/capacity';
import type { MessageKey } from '../i18n/message-key';

/**
 * Who an action may go to. Transfer: human agents of the conversation's queue with an allowed presence, never an AI
 * agent, never the current agent (docs/platform.md, "Messages on the table"). Assign: the queue's human agents,
 * ranked, with what it would cost them; presence and capacity are the supervisor's to override (the platform
 * ignores both on assign).
 */

/** A workstream allows Available and Busy unless it says otherwise (the out-of-box default). */
const DEFAULT_ALLOWED: readonly BasePresence[] = ['available', 'busy'];
const allowedPresences = (c: Conversation): readonly BasePresence[] => (c.allowedPresences?.length ? c.allowedPresences : DEFAULT_ALLOWED);

const PRESENCE_ORDER = ['available', 'busy', 'away', 'dnd', 'offline', 'unknown'] as const;
const byPresenceThenRoom =
  (c: Conversation) =>
  (a: Agent, b: Agent): number =>
    PRESENCE_ORDER.indexOf(a.presence) - PRESENCE_ORDER.indexOf(b.presence) ||
    (roomFor(b, c).free ?? -1) - (roomFor(a, c).free ?? -1) ||
    a.name.localeCompare(b.name);

const inQueue =
  (c: Conversation) =>
  (a: Agent): boolean =>
    !a.isBot && (c.queueId === null || a.queueIds.includes(c.queueId));

export function transferTargets(conversation: Conversation, agents: readonly Agent[]): Agent[] {
  const allowed = allowedPresences(conversation);
  return agents
    .filter((a) => conversation.queueId !== null && inQueue(conversation)(a))
    .filter((a) => a.id !== conversation.agentId && allowed.includes(a.presence))
    .sort(byPresenceThenRoom(conversation));
}

/** A piece of a recommendation's reason: an i18n key and its substitutions. */
export interface ReasonPart {
  key: MessageKey;
  subs: Array<string | number>;
}

export interface AssignCandidate {
  agent: Agent;
  presenceAllowed: boolean;
  /** What the agent has left for this conversation, under its capacity model (lib/model/capacity.ts). */
  room: Room;
  /** Capacity units the assignment would put the agent over by: 0 when it fits, null when unknown. */
  exceededBy: number | null;
  /** Assignable without overriding presence or capacity. */
  eligible: boolean;
  /** The agent's level (1–4) in the skill asked for; null when they lack it or no skill was asked for. */
  skillLevel: number | null;
  /** Why this agent ranks where it does ("has the skill at level 4", "2 of 5 units free"). */
  because: ReasonPart[];
}

/** Ranked best first: assignable, then skill match and proficiency, then free capacity and presence. */
export function assignCandidates(
  conversation: Conversation,
  agents: readonly Agent[],
  options: { skill?: string } = {},
): AssignCandidate[] {
  const allowed = allowedPresences(conversation);
  return agents
    .filter(inQueue(conversation))
    .map((agent) => candidate(agent, allowed.includes(agent.presence), roomFor(agent, conversation), options.skill))
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        (b.skillLevel ?? 0) - (a.skillLevel ?? 0) ||
        byPresenceThenRoom(conversation)(a.agent, b.agent),
    );
}

function candidate(agent: Agent, presenceAllowed: boolean, room: Room, skill: string | undefined): AssignCandidate {
  const { free, need: units } = room;
  const exceededBy = free === null ? null : units === null ? (free > 0 ? 0 : null) : Math.max(0, units - free);
  const fits = free === null || exceededBy === 0;
  const skillLevel = skill === undefined ? null : levelIn(agent, skill);
  const because: ReasonPart[] = [];
  if (skill !== undefined) {
    because.push(skillLevel === null ? { key: 'actions_rank_noSkill', subs: [] } : { key: 'actions_rank_skill', subs: [skillLevel] });
  }
  because.push(freeCapacity(room));
  if (!presenceAllowed) because.push({ key: 'actions_rank_presence', subs: [agent.presenceText] });
  return { agent, room, presenceAllowed, exceededBy, eligible: presenceAllowed && fits, skillLevel, because };
}

/** By how many units an override assignment puts the agent over capacity; null when it fits or is unknown. */
export function capacityExceededBy(conversation: Conversation, agents: readonly Agent[], agentId: string): number | null {
  const candidate = assignCandidates(conversation, agents).find((c) => c.agent.id === agentId);
  return candidate?.exceededBy ? candidate.exceededBy : null;
}

/**
 * Free capacity in words: "2 of 5 units free", "40 units free" when the total is not known, "1 of 2 Chat units
 * free" under capacity profiles, "capacity unknown" when the org's model cannot be read.
 */
export function freeCapacity(room: Room): ReasonPart {
  if (room.free === null) return { key: 'actions_rank_capacityUnknown', subs: [] };
  if (room.profileName !== null) return { key: 'actions_rank_profile', subs: [room.free, room.total ?? '?', room.profileName] };
  return room.total === null
    ? { key: 'actions_rank_free', subs: [room.free] }
    : { key: 'actions_rank_capacity', subs: [room.free, room.total] };
}

/** A skill without a rating counts as level 1: the agent has it, at the lowest proficiency we can claim. */
function levelIn(agent: Agent, skill: string): number | null {
  const match = agent.skills.find((s) => s.name === skill);
  return match ? (match.level ?? 1) : null;
}

/** The skills the queue's agents have, for the picker's "skill needed" choice. */
export function skillsAmong(agents: readonly Agent[]): string[] {
  return [...new Set(agents.flatMap((a) => a.skills.map((s) => s.name)))].sort((a, b) => a.localeCompare(b));
}

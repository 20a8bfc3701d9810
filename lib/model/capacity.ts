import { z } from 'zod';
import type { Agent } from './agent';
import type { Conversation } from './conversation';

/**
 * Agent capacity under the two models the platform has (docs/platform.md, "Capacity"): units (the agent's free
 * `msdyn_availableunitscapacity`, a conversation takes its workstream's `msdyn_capacityrequired`) and capacity
 * profiles (each workstream belongs to a profile; an agent has so many units of each profile, a conversation takes
 * one). Which applies is the workstream's `msdyn_capacityformat`. When the model in force cannot be read, capacity
 * is unknown: never a number from the other model, which on a profile org stands still and is wrong.
 */
export const CapacityModelSchema = z.enum(['units', 'profiles', 'unknown']);
export type CapacityModel = z.infer<typeof CapacityModelSchema>;

/** One profile's units of one agent. */
export const ProfileCapacitySchema = z.object({
  profileId: z.string(),
  name: z.string(),
  free: z.number().nullable(),
  total: z.number().nullable(),
});
export type ProfileCapacity = z.infer<typeof ProfileCapacitySchema>;

/** What an agent has left for one conversation, in that conversation's model; free null when unknown. */
export interface Room {
  model: CapacityModel;
  free: number | null;
  total: number | null;
  /** What the conversation takes: its workstream's units, one unit of its profile; null when unknown. */
  need: number | null;
  /** The profile, under the profile model. */
  profileName: string | null;
}

/** The room an agent has for a conversation, under the conversation's own model. */
export function roomFor(agent: Agent, conversation: Pick<Conversation, 'capacityModel' | 'capacityProfileId' | 'capacityUnits'>): Room {
  const model = conversation.capacityModel ?? 'units';
  if (model === 'profiles') {
    const profile = agent.capacityProfiles?.find((p) => p.profileId === conversation.capacityProfileId);
    return profile
      ? { model, free: profile.free, total: profile.total, need: 1, profileName: profile.name }
      : { model: 'unknown', free: null, total: null, need: null, profileName: null };
  }
  if (model === 'unknown') return { model, free: null, total: null, need: null, profileName: null };
  return { model, free: agent.capacityFree, total: agent.capacityTotal, need: conversation.capacityUnits ?? null, profileName: null };
}

/** Free capacity for any conversation at all: free units, or a free unit of some profile; null when unknown. */
export function anyRoom(agent: Agent): boolean | null {
  if (agent.capacityModel === 'unknown') return null;
  const profiles = agent.capacityProfiles ?? [];
  if (profiles.some((p) => (p.free ?? 0) > 0)) return true;
  if (agent.capacityFree !== null) return agent.capacityFree > 0;
  return profiles.length > 0 ? false : null;
}

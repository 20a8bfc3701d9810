/**
 * How this org differs from the emulator's default reading of the platform: the switches `POST /_emulator/config`
 * sets and the named variants (../variants.ts) combine. Only the values and their defaults live here; applying them to
 * an org's data is ./configure.ts.
 */
import { CONTRACT, type ContractPatch } from '../contract';

export type CapacityModel = 'units' | 'profiles';
export type ParticipantsOnLeave = 'deactivate' | 'keepActive';

export interface OrgSettings {
  /** Change tracking on every table (`Prefer: odata.track-changes`, EntityDefinitions ChangeTrackingEnabled). */
  changeTracking: boolean;
  /** The CCaaS action contract in force, merged from every patch set; null: the default, both bindings served. */
  actionContract: ContractPatch | null;
  /** false: customapis and its parameter tables answer 403 to users without the System Administrator role. */
  customApisReadable: boolean;
  capacityModel: CapacityModel;
  /** keepActive: a participant who leaves gets msdyn_lefton but stays statecode 0 (Active). */
  participantsOnLeave: ParticipantsOnLeave;
  /** The name of the supervisor role the personas hold; another name is a copy of the role. */
  supervisorRoleName: string;
  /** Closed conversations of past months, beyond the scenario's own. */
  closedHistory: number;
  /** Notes on cases (incidents), newer than any note before them. */
  otherNotes: number;
  /** refuse: POST/PATCH/DELETE with `Origin: chrome-extension://…` answer 403. */
  extensionOriginWrites: 'allow' | 'refuse';
}

export const DEFAULT_SETTINGS: Readonly<OrgSettings> = {
  changeTracking: false,
  actionContract: null,
  customApisReadable: true,
  capacityModel: 'units',
  participantsOnLeave: 'deactivate',
  supervisorRoleName: CONTRACT.supervisorRoleName,
  closedHistory: 0,
  otherNotes: 0,
  extensionOriginWrites: 'allow',
};

export const MAX_CLOSED_HISTORY = 200_000;
export const MAX_OTHER_NOTES = 100_000;

/**
 * The people every scenario contains, with fixed ids so tests and demos can name them.
 * GUIDs are lower-case on the wire (Web API); the workspace page shows them braced upper-case like Xrm does.
 */

export type PersonaRole = 'supervisor' | 'agent' | 'apiAccess';

export interface Persona {
  upn: string;
  systemuserid: string;
  azureactivedirectoryobjectid: string;
  fullname: string;
  roles: readonly PersonaRole[];
  /** Member of the scenario's supervised queues (all of them), or of none. */
  inQueues: boolean;
}

export const SOFIA: Persona = {
  upn: 'sofia@contoso.test',
  systemuserid: '5f0f1a00-0000-4000-8000-000000000001',
  azureactivedirectoryobjectid: 'aad0f1a0-0000-4000-8000-000000000001',
  fullname: 'Sofia Lindqvist',
  roles: ['supervisor'],
  inQueues: true,
};

export const SAM: Persona = {
  upn: 'sam@contoso.test',
  systemuserid: '5f0f1a00-0000-4000-8000-000000000002',
  azureactivedirectoryobjectid: 'aad0f1a0-0000-4000-8000-000000000002',
  fullname: 'Sam Okafor',
  roles: ['supervisor', 'apiAccess'],
  inQueues: true,
};

export const ALEX: Persona = {
  upn: 'alex@contoso.test',
  systemuserid: '5f0f1a00-0000-4000-8000-000000000003',
  azureactivedirectoryobjectid: 'aad0f1a0-0000-4000-8000-000000000003',
  fullname: 'Alex Moreau',
  roles: ['agent'],
  inQueues: true,
};

export const NINA: Persona = {
  upn: 'nina@contoso.test',
  systemuserid: '5f0f1a00-0000-4000-8000-000000000004',
  azureactivedirectoryobjectid: 'aad0f1a0-0000-4000-8000-000000000004',
  fullname: 'Nina Petrova',
  roles: ['supervisor'],
  inQueues: false,
};

export const PERSONAS: readonly Persona[] = [SOFIA, SAM, ALEX, NINA];

/** Fixed org-level ids (WhoAmI, roles). Role names are the platform's out-of-box names. */
export const ORGANIZATION_ID = '0c0a0000-0000-4000-8000-00000000c0de';
export const BUSINESS_UNIT_ID = '0b0a0000-0000-4000-8000-000000000b01';

export const ROLE_IDS = {
  supervisor: '7f000000-0000-4000-8000-000000000001',
  agent: '7f000000-0000-4000-8000-000000000002',
  apiAccess: '7f000000-0000-4000-8000-000000000003',
  basicUser: '7f000000-0000-4000-8000-000000000004',
  administrator: '7f000000-0000-4000-8000-000000000005',
  systemAdministrator: '7f000000-0000-4000-8000-000000000006',
} as const;

export const ROLE_NAMES: Record<keyof typeof ROLE_IDS, string> = {
  supervisor: 'Omnichannel supervisor',
  agent: 'Omnichannel agent',
  apiAccess: 'Omnichannel API access',
  basicUser: 'Basic User',
  administrator: 'Omnichannel administrator',
  systemAdministrator: 'System Administrator',
};

/**
 * A copy of the supervisor role (same privileges, the name an org gave it), which the personas hold instead of the
 * original when the `supervisorRoleName` setting names another role.
 */
export const SUPERVISOR_COPY_ROLE_ID = '7f000000-0000-4000-8000-000000000007';

/** A team whose role every supervisor persona also inherits (RetrieveAadUserRoles reports team roles). */
export const SUPERVISORS_TEAM_ID = '7e000000-0000-4000-8000-000000000001';

/**
 * Roles and what each may do. Pure data; the policies in policies.ts read it.
 */
export const ROLES = ['admin', 'fg', 'campaign_lead', 'team_member', 'candidate', 'volunteer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'person:read',
  'person:write',
  'user:manage',
  'token:manage_own',
  'audit:read',
  'audit:verify',
  'keys:rotate',
  'consent:manage',
  /** Record a consent given offline (doorstep, paper, phone) for a person within my scope (issue 3, C2). */
  'consent:record',
  'audience:manage',
  'rights:manage',
  'accountability:manage',
  'accountability:signoff',
  'websites:manage',
  'settings:manage',
  /** Read outgoing mail in the outbox (issue 3): admins only. */
  'mail:read',
  /** Read political data of persons (membership, grounds, political fields; ): staff only. */
  'person:read_political',
  /** Send e-mail campaigns to an audience snapshot within my scope (issue 4, C5). */
  'outreach:send',
  /** Approve an export above the size threshold: the FG. */
  'export:approve',
  /** Ask the legal gate a hypothetical question (issue 4, C4): the FG and the campaign lead, in Verantwoording. */
  'assessment:run',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

interface RoleInfo {
  permissions: readonly Permission[];
  /** Staff roles are permanent; campaign roles are time-boxed and need `validUntil`. */
  staff: boolean;
  /** Scope kinds this role must be given (at least one of them), or 'none' for party-wide roles. */
  scopeKinds: readonly ('branch' | 'candidate' | 'area')[] | 'party';
  /** Access to contact data waits for the acknowledged campaign briefing. */
  needsBriefing: boolean;
  nl: string;
  en: string;
}

export const ROLE_INFO: Record<Role, RoleInfo> = {
  admin: {
    permissions: [
      'person:read',
      'person:write',
      'user:manage',
      'token:manage_own',
      'audit:read',
      'keys:rotate',
      'consent:manage',
      'consent:record',
      'rights:manage',
      'settings:manage',
      'mail:read',
      'person:read_political',
      'audience:manage',
      'outreach:send',
    ],
    staff: true,
    scopeKinds: 'party',
    needsBriefing: false,
    nl: 'Beheerder (secretariaat)',
    en: 'Administrator (secretariat)',
  },
  fg: {
    permissions: [
      'person:read',
      'token:manage_own',
      'audit:read',
      'audit:verify',
      'rights:manage',
      'accountability:manage',
      'accountability:signoff',
      'websites:manage',
      'person:read_political',
      'export:approve',
      'assessment:run',
    ],
    staff: true,
    scopeKinds: 'party',
    needsBriefing: false,
    nl: 'Functionaris gegevensbescherming (FG)',
    en: 'Data protection officer (DPO)',
  },
  campaign_lead: {
    permissions: [
      'person:read',
      'token:manage_own',
      'consent:manage',
      'consent:record',
      'audience:manage',
      'accountability:manage',
      'websites:manage',
      'outreach:send',
      'assessment:run',
    ],
    staff: false,
    scopeKinds: ['branch'],
    needsBriefing: true,
    nl: 'Campagneleider',
    en: 'Campaign lead',
  },
  team_member: {
    permissions: ['person:read', 'audience:manage', 'consent:record'],
    staff: false,
    scopeKinds: ['branch'],
    needsBriefing: true,
    nl: 'Campagneteamlid',
    en: 'Campaign team member',
  },
  candidate: {
    permissions: ['person:read', 'audience:manage', 'outreach:send'],
    staff: false,
    scopeKinds: ['candidate'],
    needsBriefing: true,
    nl: 'Kandidaat',
    en: 'Candidate',
  },
  volunteer: {
    permissions: ['person:read', 'consent:record'],
    staff: false,
    scopeKinds: ['area'],
    needsBriefing: true,
    nl: 'Vrijwilliger',
    en: 'Volunteer',
  },
};

/** The areas of the web app; a user sees those their permissions open. */
export const AREAS = [
  { id: 'personen', permission: 'person:read' },
  { id: 'importeren', permission: 'person:write' },
  { id: 'toestemming', permission: 'consent:manage' },
  { id: 'doelgroepen', permission: 'audience:manage' },
  { id: 'rechten', permission: 'rights:manage' },
  { id: 'verantwoording', permission: 'accountability:manage' },
  { id: 'websites', permission: 'websites:manage' },
  { id: 'instellingen', permission: null },
] as const satisfies readonly { id: string; permission: Permission | null }[];
export type AreaId = (typeof AREAS)[number]['id'];

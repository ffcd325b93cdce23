/**
 * Issue 4, part 1: what the legal gate reads besides the register (C4). The register of processing
 * activities every audience and campaign is bound to (R-03, R-44; the full art 30 register is issue 6),
 * registered destinations with their role and agreements, objections
 * and restrictions as first-class records, the separate political-advertising
 * purpose flag (TTPA art 18(1)(b), R-76) and the voting age.
 */
export const name = '007-gate';

export const sql = /* sql */ `
ALTER TABLE consent_purposes ADD COLUMN political_advertising boolean NOT NULL DEFAULT false;
ALTER TABLE party_settings ADD COLUMN voting_age int NOT NULL DEFAULT 18 CHECK (voting_age BETWEEN 16 AND 21);

CREATE TABLE destinations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('PROCESSOR', 'JOINT_CONTROLLER', 'CONTROLLER')),
  platform boolean NOT NULL DEFAULT false,
  vetted boolean NOT NULL DEFAULT false,
  processor_agreement_complete boolean NOT NULL DEFAULT false,
  art26_arrangement boolean NOT NULL DEFAULT false,
  outside_eea boolean NOT NULL DEFAULT false,
  transfer_mechanism boolean NOT NULL DEFAULT false,
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX destinations_name ON destinations (lower(name));

CREATE TABLE processing_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
  kind text NOT NULL CHECK (kind IN ('ADMINISTRATION', 'MESSAGE', 'CANVASS', 'PROFILING', 'EXPORT',
    'CUSTOM_AUDIENCE', 'LOOKALIKE', 'TRACKING', 'AI_INTERACTION', 'COLLECTION')),
  channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST', 'DOOR', 'ONLINE_AD',
    'WEBSITE', 'NONE')),
  direct_marketing boolean NOT NULL,
  political_data boolean NOT NULL,
  ad_class text NOT NULL DEFAULT 'NOT_POLITICAL_AD' CHECK (ad_class IN ('NOT_POLITICAL_AD', 'POLITICAL_AD',
    'MEMBER_COMMUNICATION_18_3', 'SERVICE')),
  consent_purpose_id uuid REFERENCES consent_purposes(id),
  destination_id uuid REFERENCES destinations(id),
  dpia_status text NOT NULL DEFAULT 'NONE' CHECK (dpia_status IN ('NONE', 'APPROVED', 'HIGH_RESIDUAL_RISK',
    'PRIOR_CONSULTATION_DONE')),
  member_communication_override boolean NOT NULL DEFAULT false,
  override_reason text CHECK (length(override_reason) <= 2000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (NOT member_communication_override OR override_reason IS NOT NULL)
);
CREATE UNIQUE INDEX processing_activities_name ON processing_activities (lower(name));

CREATE TABLE person_objections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('DIRECT_MARKETING', 'PARTICULAR_SITUATION')),
  activity_id uuid REFERENCES processing_activities(id),
  overridden boolean NOT NULL DEFAULT false,
  override_reason text,
  channel text NOT NULL CHECK (channel IN ('LINK', 'LIST_UNSUBSCRIBE', 'STAFF', 'EMAIL', 'PHONE', 'PAPER')),
  created_by text,
  created_at timestamptz NOT NULL,
  CHECK (kind = 'PARTICULAR_SITUATION' OR (activity_id IS NULL AND NOT overridden)),
  CHECK (NOT overridden OR override_reason IS NOT NULL)
);
CREATE INDEX person_objections_person ON person_objections (person_id);

CREATE TABLE person_restrictions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  -- null: all processing of the person is restricted
  activity_id uuid REFERENCES processing_activities(id),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  created_by text,
  created_at timestamptz NOT NULL,
  lifted_at timestamptz
);
CREATE INDEX person_restrictions_open ON person_restrictions (person_id) WHERE lifted_at IS NULL;
`;

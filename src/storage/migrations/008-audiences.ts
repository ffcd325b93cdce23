/**
 * Issue 4, audiences (C5): an audience is a named selection by criteria, always bound to one processing
 * activity from the register, owned by the scope of its creator (R-63: a candidate's audience
 * exists only for that candidate and party-wide roles). Criteria are ids and ranges, not personal data; the
 * segment's classification is stored with it. A snapshot freezes the evaluation when an audience is
 * used (campaign, export, custom audience, review): its criteria, reference date, counts and the person ids
 * included; the decision and its counts also go into the audit trail (Appendix C.0).
 */
export const name = '008-audiences';

export const sql = /* sql */ `
CREATE TABLE audiences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  activity_id uuid NOT NULL REFERENCES processing_activities(id),
  criteria jsonb NOT NULL,
  classification text NOT NULL CHECK (classification IN ('ordinary', 'political', 'special')),
  -- why political, flags and the effective ad class (classify.ts), for display
  classification_detail jsonb NOT NULL DEFAULT '{}',
  -- the creator's scope: null = the whole party; otherwise the scope alternatives (branch, area, candidate)
  owner_scope jsonb,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  archived_at timestamptz
);
CREATE INDEX audiences_activity ON audiences (activity_id);
CREATE INDEX audiences_created ON audiences (created_at, id);

CREATE TABLE audience_snapshots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  audience_id uuid NOT NULL REFERENCES audiences(id),
  activity_id uuid NOT NULL REFERENCES processing_activities(id),
  criteria jsonb NOT NULL,
  classification text NOT NULL CHECK (classification IN ('ordinary', 'political', 'special')),
  reference_date timestamptz NOT NULL,
  included_count int NOT NULL CHECK (included_count >= 0),
  -- reason code -> number of persons excluded with that reason (a person can have several reasons)
  excluded_counts jsonb NOT NULL,
  excluded_persons int NOT NULL CHECK (excluded_persons >= 0),
  used_for text NOT NULL CHECK (used_for IN ('campaign', 'export', 'custom_audience', 'review')),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX audience_snapshots_audience ON audience_snapshots (audience_id, created_at);

-- Person ids only: who was included when the snapshot was frozen.
CREATE TABLE audience_snapshot_members (
  snapshot_id uuid NOT NULL REFERENCES audience_snapshots(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  PRIMARY KEY (snapshot_id, person_id)
);
`;

/** Foundation schema: keys, audit chain, branches, users and access, sessions, tokens, persons (slice). */
export const name = '001-foundation';

export const sql = /* sql */ `
CREATE TABLE encryption_keys (
  id text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('field', 'index', 'audit')),
  wrapped text NOT NULL,
  active boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  -- set when no field is encrypted with this key any more (after re-encryption)
  retired_at timestamptz
);
CREATE UNIQUE INDEX encryption_keys_one_active ON encryption_keys (purpose) WHERE active;

CREATE TABLE audit_head (
  id int PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}');

CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  type text NOT NULL,
  actor_type text NOT NULL,
  actor_id text,
  person_id uuid,
  purpose text,
  object_type text,
  object_id text,
  payload text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_person ON audit_events (person_id, seq) WHERE person_id IS NOT NULL;
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (Kieskluis audit trail)' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE branches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  postcode_from int NOT NULL CHECK (postcode_from BETWEEN 1000 AND 9999),
  postcode_to int NOT NULL CHECK (postcode_to BETWEEN 1000 AND 9999 AND postcode_to >= postcode_from),
  created_at timestamptz NOT NULL
);

CREATE TABLE candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  branch_id uuid REFERENCES branches(id),
  list_position int,
  display_name_enc text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name_enc text NOT NULL,
  email_enc text,
  password_hash text NOT NULL,
  totp_secret_enc text,
  mfa_enabled_at timestamptz,
  totp_last_step bigint,
  failed_attempts int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl', 'en')),
  created_at timestamptz NOT NULL,
  disabled_at timestamptz
);

CREATE TABLE role_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'fg', 'campaign_lead', 'team_member', 'candidate', 'volunteer')),
  branch_id uuid REFERENCES branches(id),
  candidate_id uuid REFERENCES candidates(id),
  area_from int,
  area_to int,
  valid_from timestamptz NOT NULL,
  valid_until timestamptz,
  briefing_acknowledged_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((area_from IS NULL) = (area_to IS NULL))
);
CREATE INDEX role_assignments_user ON role_assignments (user_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage IN ('mfa_verify', 'mfa_enroll', 'active')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Persons: the foundation slice (the register with grounds, consents and provenance comes with issue 3).
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  branch_id uuid REFERENCES branches(id),
  postcode_area int CHECK (postcode_area BETWEEN 1000 AND 9999),
  candidate_ids uuid[] NOT NULL DEFAULT '{}',
  first_name_enc text NOT NULL,
  last_name_enc text NOT NULL,
  postcode_enc text,
  email_enc text,
  email_bidx text,
  phone_enc text,
  phone_bidx text,
  membership_status_enc text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX persons_branch ON persons (branch_id, id);
CREATE INDEX persons_area ON persons (postcode_area, id);
CREATE INDEX persons_email_bidx ON persons (email_bidx) WHERE email_bidx IS NOT NULL;
CREATE INDEX persons_phone_bidx ON persons (phone_bidx) WHERE phone_bidx IS NOT NULL;

CREATE TABLE party_settings (
  id int PRIMARY KEY CHECK (id = 1),
  party_name text NOT NULL,
  demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL
);
`;

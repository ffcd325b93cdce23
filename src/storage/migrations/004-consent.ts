/**
 * Issue 3: consent with proof (C2): the purpose catalogue, versioned immutable consent texts,
 * privacy-notice snapshots, forms, append-only consent records, scans, double opt-in and withdrawal
 * link tokens (hashes only), and public submissions (idempotency).
 *
 * What a consent is for (purpose, text version, controllers, explicit, capture defects, form) is political
 * data when the purpose reveals a political opinion, so it is stored encrypted in `consent_enc` for every
 * record alike, with a keyed blind index of the purpose for lookups. Text versions therefore do not carry
 * a foreign key from the records; `consent_texts.referenced_at` marks a version that a record or a
 * published form uses, and a trigger then refuses to change or delete it (TEXT_VERSION_IMMUTABLE).
 */
export const name = '004-consent';

export const sql = /* sql */ `
CREATE TABLE consent_purposes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) <= 2000),
  political boolean NOT NULL,
  channels text[] NOT NULL DEFAULT '{}'
    CHECK (channels <@ ARRAY['EMAIL', 'SMS', 'WHATSAPP', 'PHONE', 'POST']::text[]),
  scope_until date,
  refresh_after_months int CHECK (refresh_after_months BETWEEN 1 AND 120),
  recipients text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX consent_purposes_name ON consent_purposes (lower(name));

CREATE TABLE consent_texts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose_id uuid NOT NULL REFERENCES consent_purposes(id),
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  version int NOT NULL CHECK (version >= 1),
  controller_name text NOT NULL,
  statement text NOT NULL,
  special_category_mention text,
  purpose_mention text,
  data_categories text[] NOT NULL,
  withdrawal_instructions text NOT NULL,
  automated_decision_notice text,
  transfer_notice text,
  -- exactly what the person was shown, and its SHA-256 (hex)
  full_text text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  -- set when a consent record or a published form first uses this version; from then on it is frozen
  referenced_at timestamptz,
  UNIQUE (purpose_id, language, version)
);

CREATE FUNCTION consent_texts_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.referenced_at IS NOT NULL THEN
      RAISE EXCEPTION 'TEXT_VERSION_IMMUTABLE: consent text % is referenced and cannot be deleted', OLD.id
        USING ERRCODE = '23001';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.referenced_at IS NOT NULL AND (
       NEW.purpose_id IS DISTINCT FROM OLD.purpose_id OR NEW.language IS DISTINCT FROM OLD.language
    OR NEW.version IS DISTINCT FROM OLD.version OR NEW.controller_name IS DISTINCT FROM OLD.controller_name
    OR NEW.statement IS DISTINCT FROM OLD.statement
    OR NEW.special_category_mention IS DISTINCT FROM OLD.special_category_mention
    OR NEW.purpose_mention IS DISTINCT FROM OLD.purpose_mention
    OR NEW.data_categories IS DISTINCT FROM OLD.data_categories
    OR NEW.withdrawal_instructions IS DISTINCT FROM OLD.withdrawal_instructions
    OR NEW.automated_decision_notice IS DISTINCT FROM OLD.automated_decision_notice
    OR NEW.transfer_notice IS DISTINCT FROM OLD.transfer_notice
    OR NEW.full_text IS DISTINCT FROM OLD.full_text OR NEW.sha256 IS DISTINCT FROM OLD.sha256
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
    OR NEW.referenced_at IS DISTINCT FROM OLD.referenced_at
  ) THEN
    RAISE EXCEPTION 'TEXT_VERSION_IMMUTABLE: consent text % is referenced and cannot be changed', OLD.id
      USING ERRCODE = '23001';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER consent_texts_frozen BEFORE UPDATE OR DELETE ON consent_texts
  FOR EACH ROW EXECUTE FUNCTION consent_texts_immutable();

-- Privacy-notice snapshots (R-14 notice version, R-54): written once, never changed.
CREATE TABLE consent_notices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text,
  body text,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX consent_notices_sha ON consent_notices (sha256);

CREATE FUNCTION consent_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (consent evidence, R-14)', TG_TABLE_NAME USING ERRCODE = '23001';
END
$$;
CREATE TRIGGER consent_notices_frozen BEFORE UPDATE OR DELETE ON consent_notices
  FOR EACH ROW EXECUTE FUNCTION consent_append_only();

CREATE TABLE consent_forms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  titles jsonb NOT NULL DEFAULT '{}',
  intros jsonb NOT NULL DEFAULT '{}',
  controller_name text NOT NULL,
  privacy_notice_url text,
  privacy_notice_text text,
  service_name text,
  service_purpose_id uuid REFERENCES consent_purposes(id),
  -- the checkboxes: [{ purposeIds, required, defaultChecked }]
  items jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  -- what the public page shows: the snapshot taken at the last successful publish (pinned text versions)
  published jsonb,
  published_at timestamptz,
  notice_id uuid REFERENCES consent_notices(id),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'published') = (published IS NOT NULL))
);

-- A signed paper form or other document, encrypted (base64 of the bytes inside the ciphertext).
CREATE TABLE consent_scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes int NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes_enc text NOT NULL,
  uploaded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL
);

CREATE TABLE consent_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- insertion order (records of one sign-up share their time)
  seq bigint GENERATED ALWAYS AS IDENTITY,
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  -- keyed blind index of the purpose id (lookups by purpose without a plaintext purpose column)
  purpose_bidx text NOT NULL,
  -- JSON: purposeId, textVersionId, textSha256, controllerNames, explicit, captureDefects,
  -- purposesInAction, formId, submissionId, noticeId
  consent_enc text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('WEB_FORM', 'PAPER', 'DOORSTEP', 'PHONE', 'EMAIL_REPLY',
    'VERBAL_RECORDED', 'IMPORT')),
  given_at timestamptz NOT NULL,
  -- the staff member or volunteer who recorded it; null for the public forms
  captured_by uuid REFERENCES users(id),
  place_enc text,
  collector_enc text,
  -- keyed blind index of the client IP (never the raw address)
  ip_hash text,
  user_agent_enc text,
  scan_id uuid REFERENCES consent_scans(id),
  -- double opt-in click time (R-17)
  confirmed_at timestamptz,
  age_at_consent int CHECK (age_at_consent BETWEEN 0 AND 150),
  guardian_name_enc text,
  guardian_email_enc text,
  guardian_confirmed_at timestamptz,
  withdrawn_at timestamptz,
  withdrawal_channel text CHECK (withdrawal_channel IN ('LINK', 'PHONE', 'PAPER', 'EMAIL', 'IN_PERSON')),
  -- a user id, 'subject' or 'guardian'
  withdrawn_by text,
  on_behalf_of_enc text,
  created_at timestamptz NOT NULL,
  CHECK ((withdrawn_at IS NULL) = (withdrawal_channel IS NULL))
);
CREATE INDEX consent_records_person ON consent_records (person_id, given_at, seq);
CREATE INDEX consent_records_purpose ON consent_records (purpose_bidx);
CREATE INDEX consent_records_pending ON consent_records (given_at)
  WHERE channel = 'WEB_FORM' AND confirmed_at IS NULL;

-- Append-only evidence: the facts of a record never change; confirmation, guardian confirmation, scan and
-- withdrawal are set once. Ciphertexts may be rewritten (key rotation re-encrypts by id). A record may
-- be deleted only while it is an unconfirmed web sign-up (the 14-day purge, R-17) or by the erasure
-- pipeline, which sets kieskluis.erasure = 'on' in its transaction (R-58).
CREATE FUNCTION consent_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF (OLD.channel = 'WEB_FORM' AND OLD.confirmed_at IS NULL)
       OR coalesce(current_setting('kieskluis.erasure', true), '') = 'on' THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'consent_records is append-only (consent evidence, R-14)' USING ERRCODE = '23001';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.person_id IS DISTINCT FROM OLD.person_id
    OR NEW.purpose_bidx IS DISTINCT FROM OLD.purpose_bidx OR NEW.channel IS DISTINCT FROM OLD.channel
    OR NEW.given_at IS DISTINCT FROM OLD.given_at OR NEW.captured_by IS DISTINCT FROM OLD.captured_by
    OR NEW.ip_hash IS DISTINCT FROM OLD.ip_hash OR NEW.age_at_consent IS DISTINCT FROM OLD.age_at_consent
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
    OR (OLD.scan_id IS NOT NULL AND NEW.scan_id IS DISTINCT FROM OLD.scan_id)
    OR (OLD.confirmed_at IS NOT NULL AND NEW.confirmed_at IS DISTINCT FROM OLD.confirmed_at)
    OR (OLD.guardian_confirmed_at IS NOT NULL AND NEW.guardian_confirmed_at IS DISTINCT FROM OLD.guardian_confirmed_at)
    OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS DISTINCT FROM OLD.withdrawn_at
        OR NEW.withdrawal_channel IS DISTINCT FROM OLD.withdrawal_channel
        OR NEW.withdrawn_by IS DISTINCT FROM OLD.withdrawn_by))
  THEN
    RAISE EXCEPTION 'consent_records is append-only (consent evidence, R-14)' USING ERRCODE = '23001';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
  FOR EACH ROW EXECUTE FUNCTION consent_records_guard();

-- Links in mail: only the SHA-256 of the token is kept. Confirmation links expire (14 days, R-17);
-- withdrawal links do not (R-16). record_ids survive the purge, so a late click says "expired".
CREATE TABLE consent_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('confirm', 'withdraw')),
  guardian boolean NOT NULL DEFAULT false,
  record_ids uuid[] NOT NULL,
  expires_at timestamptz,
  used_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (kind = 'confirm' OR expires_at IS NULL)
);

-- Public form submissions by their client submission id (hashed with the form id): the same post twice
-- gives the same outcome and no new rows.
CREATE TABLE consent_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key_hash text NOT NULL UNIQUE,
  outcome text NOT NULL CHECK (outcome IN ('confirmation_sent', 'guardian_confirmation_sent', 'already_pending')),
  record_ids uuid[] NOT NULL DEFAULT '{}',
  -- the person this submission created (purged with it when never confirmed)
  created_person_id uuid REFERENCES persons(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX consent_submissions_created ON consent_submissions (created_at);
`;

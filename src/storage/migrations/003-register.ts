/**
 * Issue 3, part 1: datasets (provenance, C3), the suppression list and the person register (C1).
 * Datasets and suppression come first because persons, consents and imports refer to them.
 */
export const name = '003-register';

export const sql = /* sql */ `
CREATE TABLE datasets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  origin text NOT NULL CHECK (origin IN ('MEMBER_ADMIN', 'OWN_FORMS', 'EVENT', 'CANVASS', 'OTHER_CONTROLLER',
    'BOUGHT', 'PUBLIC_SOURCE', 'SCRAPED')),
  source_kind text NOT NULL CHECK (source_kind IN ('DATA_SUBJECT', 'MEMBER_ADMIN', 'EVENT_FORM', 'CANVASS',
    'THIRD_PARTY_LIST', 'PUBLIC_SOURCE', 'SCRAPED', 'PLATFORM_EXPORT')),
  -- The provenance questionnaire (no personal data): notice given, lawfulness documentation, supplier …
  provenance jsonb NOT NULL DEFAULT '{}',
  contains_political boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'quarantine', 'refused')),
  refusal_codes text[] NOT NULL DEFAULT '{}',
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE suppression (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key_kind text NOT NULL CHECK (key_kind IN ('email', 'phone', 'postal')),
  key_hash text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('ERASURE_REQUEST', 'OBJECTION_DM', 'OBJECTION_21_1', 'CONSENT_WITHDRAWN')),
  purpose_id uuid,
  created_at timestamptz NOT NULL,
  CHECK ((reason = 'CONSENT_WITHDRAWN') = (purpose_id IS NOT NULL))
);
CREATE UNIQUE INDEX suppression_entry ON suppression
  (key_kind, key_hash, reason, coalesce(purpose_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX suppression_hash ON suppression (key_hash);

-- PERSON REGISTER (owned by the register capability; appended below)
`;

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

-- Persons get the full contact record, search indexes, provenance and the art 14 deadline (R-09, R-55).
-- Membership moves to its own table (R-02): political, every fact encrypted.
ALTER TABLE persons DROP COLUMN membership_status_enc;
ALTER TABLE persons
  ADD COLUMN infix_enc text,
  ADD COLUMN street_enc text,
  ADD COLUMN house_number_enc text,
  ADD COLUMN city_enc text,
  ADD COLUMN birth_date_enc text,
  ADD COLUMN age_band text CHECK (age_band IN ('<16', '16-17', '18-24', '25-34', '35-44', '45-54', '55-64',
    '65-74', '75+')),
  ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en', 'fy', 'de', 'fr', 'tr', 'ar', 'pap')),
  -- keyed blind indexes of the normalised name tokens (exact-token search) and of the full postcode
  ADD COLUMN name_bidx text[] NOT NULL DEFAULT '{}',
  ADD COLUMN postcode_bidx text,
  ADD COLUMN dataset_id uuid REFERENCES datasets(id),
  ADD COLUMN source_kind text NOT NULL DEFAULT 'DATA_SUBJECT' CHECK (source_kind IN ('DATA_SUBJECT', 'MEMBER_ADMIN',
    'EVENT_FORM', 'CANVASS', 'THIRD_PARTY_LIST', 'PUBLIC_SOURCE', 'SCRAPED', 'PLATFORM_EXPORT')),
  ADD COLUMN channel text NOT NULL DEFAULT 'staff_entry' CHECK (channel IN ('web_form', 'paper', 'doorstep', 'phone',
    'email', 'import', 'staff_entry')),
  ADD COLUMN collected_at timestamptz,
  ADD COLUMN collected_by text,
  ADD COLUMN obtained_from_subject boolean NOT NULL DEFAULT true,
  ADD COLUMN art14_due_at timestamptz,
  ADD COLUMN art14_informed_at timestamptz;
UPDATE persons SET collected_at = created_at WHERE collected_at IS NULL;
ALTER TABLE persons ALTER COLUMN collected_at SET NOT NULL;
CREATE INDEX persons_name_bidx ON persons USING gin (name_bidx);
CREATE INDEX persons_candidates ON persons USING gin (candidate_ids);
CREATE INDEX persons_postcode_bidx ON persons (postcode_bidx, id) WHERE postcode_bidx IS NOT NULL;
CREATE INDEX persons_dataset ON persons (dataset_id) WHERE dataset_id IS NOT NULL;
CREATE INDEX persons_art14_open ON persons (art14_due_at) WHERE art14_due_at IS NOT NULL AND art14_informed_at IS NULL;

-- R-02: membership is political data; status, since, until and branch are all encrypted. A row exists per
-- membership period; the grounds (R-04) are derived from them.
CREATE TABLE memberships (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  status_enc text NOT NULL,
  since_enc text NOT NULL,
  until_enc text,
  branch_enc text,
  data_class text NOT NULL DEFAULT 'political' CHECK (data_class = 'political'),
  dataset_id uuid REFERENCES datasets(id),
  source_kind text NOT NULL,
  channel text NOT NULL,
  collected_at timestamptz NOT NULL,
  collected_by text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX memberships_person ON memberships (person_id);

-- R-04: evidence of regular, purpose-related contact. Being a volunteer, donor or subscriber is political
-- data, so the facts are encrypted.
CREATE TABLE regular_contact_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  kind_enc text NOT NULL,
  occurrences_enc text NOT NULL,
  description_enc text NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL,
  retracted_at timestamptz,
  retracted_by text,
  retraction_reason_enc text
);
CREATE INDEX regular_contact_evidence_person ON regular_contact_evidence (person_id);

-- R-07: the person's own public act (CJEU C-252/21). Likes, follows, shares, group memberships and visits
-- are refused by the domain and by this table.
CREATE TABLE public_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  url_enc text NOT NULL,
  quote_enc text NOT NULL,
  topic_enc text NOT NULL,
  capture_method_enc text NOT NULL,
  captured_at timestamptz NOT NULL,
  active_act text NOT NULL CHECK (active_act IN ('PUBLIC_STATEMENT_OWN_NAME', 'CANDIDACY', 'PUBLIC_OFFICE',
    'PUBLISHED_ARTICLE', 'OTHER_DOCUMENTED')),
  audience_unrestricted boolean NOT NULL CHECK (audience_unrestricted),
  reviewed_by text NOT NULL,
  reviewed_at timestamptz NOT NULL,
  retracted_at timestamptz,
  retracted_by text,
  retraction_reason_enc text
);
CREATE INDEX public_evidence_person ON public_evidence (person_id);

-- R-01, R-02, R-08: every field, tag and note kind is classified; membership fields are locked political.
CREATE TABLE field_definitions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9.-]{1,60}$'),
  label_nl text NOT NULL CHECK (length(label_nl) BETWEEN 1 AND 100),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('tag', 'field', 'note')),
  data_class text NOT NULL CHECK (data_class IN ('ordinary', 'political')),
  proxy_risk text NOT NULL CHECK (proxy_risk IN ('none', 'low', 'high')),
  locked boolean NOT NULL DEFAULT false,
  created_by text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (NOT locked OR data_class = 'political'),
  CHECK (proxy_risk <> 'high' OR data_class = 'political')
);
INSERT INTO field_definitions (key, label_nl, label_en, kind, data_class, proxy_risk, locked, created_at, updated_at)
VALUES
  ('lidmaatschap.status', 'Lidmaatschap: status', 'Membership: status', 'field', 'political', 'high', true, now(), now()),
  ('lidmaatschap.sinds', 'Lidmaatschap: sinds', 'Membership: since', 'field', 'political', 'high', true, now(), now()),
  ('lidmaatschap.tot', 'Lidmaatschap: tot', 'Membership: until', 'field', 'political', 'high', true, now(), now()),
  ('lidmaatschap.afdeling', 'Lidmaatschap: afdeling', 'Membership: branch', 'field', 'political', 'high', true, now(), now()),
  ('lidmaatschap.contributie', 'Lidmaatschap: contributie', 'Membership: dues', 'field', 'political', 'high', true, now(), now());

-- Values of fields, tags and notes on a person: the class is copied from the definition when written; a
-- value held under 9(2)(e) names the public evidence it was published in (R-07).
CREATE TABLE person_attributes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  definition_id uuid NOT NULL REFERENCES field_definitions(id),
  value_enc text,
  data_class text NOT NULL CHECK (data_class IN ('ordinary', 'political')),
  public_evidence_id uuid REFERENCES public_evidence(id),
  dataset_id uuid REFERENCES datasets(id),
  source_kind text NOT NULL,
  channel text NOT NULL,
  collected_at timestamptz NOT NULL,
  collected_by text,
  created_by text,
  created_at timestamptz NOT NULL,
  removed_at timestamptz,
  removed_by text
);
CREATE INDEX person_attributes_person ON person_attributes (person_id, created_at);
CREATE INDEX person_attributes_definition ON person_attributes (definition_id) WHERE removed_at IS NULL;
`;

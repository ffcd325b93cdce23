/**
 * Issue 4 (C5): exports of a frozen audience snapshot to a registered processor, with
 * the FG's approval above the threshold, and custom-audience (platform list) requests (R-22, R-23,
 * The produced files are personal data: kept encrypted (`file_enc`, AAD `<table>.file`) so a
 * download gives exactly what was decided; the SHA-256 of the plain file is kept beside it. Kieskluis never
 * uploads anything itself.
 */
export const name = '010-exports';

export const sql = /* sql */ `
CREATE TABLE exports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  snapshot_id uuid NOT NULL REFERENCES audience_snapshots(id),
  destination_id uuid REFERENCES destinations(id),
  activity_id uuid NOT NULL REFERENCES processing_activities(id),
  status text NOT NULL CHECK (status IN ('requested', 'awaiting_approval', 'approved', 'refused', 'produced')),
  person_count int NOT NULL DEFAULT 0 CHECK (person_count >= 0),
  excluded_counts jsonb NOT NULL DEFAULT '{}',
  reasons text[] NOT NULL DEFAULT '{}',
  columns text[] NOT NULL DEFAULT '{}',
  requested_by uuid REFERENCES users(id),
  approved_by uuid REFERENCES users(id),
  approved_at timestamptz,
  refused_by uuid REFERENCES users(id),
  file_enc text,
  file_sha256 text CHECK (file_sha256 IS NULL OR file_sha256 ~ '^[0-9a-f]{64}$'),
  downloads int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (approved_by IS NULL OR approved_by IS DISTINCT FROM requested_by),
  CHECK (status <> 'refused' OR file_enc IS NULL)
);
CREATE INDEX exports_snapshot ON exports (snapshot_id);
CREATE INDEX exports_status ON exports (status, created_at);

CREATE TABLE custom_audience_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  snapshot_id uuid NOT NULL REFERENCES audience_snapshots(id),
  destination_id uuid REFERENCES destinations(id),
  activity_id uuid NOT NULL REFERENCES processing_activities(id),
  lookalike boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('refused', 'produced')),
  included_count int NOT NULL DEFAULT 0 CHECK (included_count >= 0),
  excluded_counts jsonb NOT NULL DEFAULT '{}',
  reasons text[] NOT NULL DEFAULT '{}',
  product_refusals text[] NOT NULL DEFAULT '{}',
  file_enc text,
  file_sha256 text CHECK (file_sha256 IS NULL OR file_sha256 ~ '^[0-9a-f]{64}$'),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  CHECK (status = 'produced' OR file_enc IS NULL),
  CHECK (NOT lookalike OR status = 'refused')
);
CREATE INDEX custom_audience_requests_snapshot ON custom_audience_requests (snapshot_id);
`;

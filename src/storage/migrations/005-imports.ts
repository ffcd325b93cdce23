/**
 * Issue 3: imports (C3). The `datasets` table (003) gets the gate's obligations and quarantine time;
 * import jobs (the uploaded file encrypted on disk under `<dataDir>/imports/<id>`, its per-file key
 * encrypted here; status, counts and the checkpoint of rows committed), saved mappings, and the row
 * results of the downloadable report (row, column, rule, code; never a cell's value).
 */
export const name = '005-imports';

export const sql = /* sql */ `
ALTER TABLE datasets ADD COLUMN obligations text[] NOT NULL DEFAULT '{}';
ALTER TABLE datasets ADD COLUMN missing_provenance text[] NOT NULL DEFAULT '{}';
-- Quarantined datasets are purged 30 days after this moment (R-10, PRODUCT CHOICE).
ALTER TABLE datasets ADD COLUMN quarantined_at timestamptz;
CREATE INDEX datasets_quarantine ON datasets (quarantined_at) WHERE status = 'quarantine';

CREATE TABLE import_jobs (
  id uuid PRIMARY KEY,
  dataset_id uuid NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  -- The original file name can name people ("leden-jan-jansen.csv"): encrypted.
  file_name_enc text NOT NULL,
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  -- Relative to the data directory; null once the file is deleted (the import ended).
  file_path text,
  file_key_enc text,
  encoding text,
  delimiter text,
  headers jsonb,
  total_rows integer,
  mapping jsonb,
  mapping_name text,
  status text NOT NULL CHECK (status IN ('uploaded', 'previewed', 'queued', 'running', 'done', 'failed',
    'cancelled', 'refused')),
  error_code text,
  error_details jsonb,
  refusal_codes text[] NOT NULL DEFAULT '{}',
  rows_read integer NOT NULL DEFAULT 0,
  inserted integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  suppressed integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  -- Data rows (records) of the file processed and committed; a resumed run skips this many.
  checkpoint integer NOT NULL DEFAULT 0,
  -- The process running the job ("host:pid:nonce") and its last sign of life.
  runner text,
  heartbeat_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX import_jobs_dataset ON import_jobs (dataset_id, created_at DESC);
CREATE INDEX import_jobs_active ON import_jobs (status) WHERE status IN ('queued', 'running');

CREATE TABLE import_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  mapping jsonb NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE import_row_results (
  job_id uuid NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
  row_no integer NOT NULL,
  ord smallint NOT NULL,
  column_name text,
  rule text NOT NULL,
  code text NOT NULL,
  reason text,
  PRIMARY KEY (job_id, row_no, ord)
);
`;

/**
 * Websites of the party and its candidates, their tracker scans (the stored report is the evidence for the
 * dossier) and the alerts raised when a tracker appears that the previous successful scan did not see.
 * Deleting a site only marks it deleted: its scans stay as evidence.
 */
export const name = '002-websites';

export const sql = /* sql */ `
CREATE TABLE websites (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (length(url) <= 2048 AND url ~ '^https?://'),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  owner text NOT NULL CHECK (owner IN ('party', 'candidate')),
  candidate_id uuid REFERENCES candidates(id),
  cadence text NOT NULL CHECK (cadence IN ('daily', 'weekly', 'manual')),
  crawl_pages int NOT NULL CHECK (crawl_pages BETWEEN 1 AND 50),
  created_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  deleted_at timestamptz,
  CHECK (owner = 'candidate' OR candidate_id IS NULL)
);
CREATE INDEX websites_live ON websites (created_at) WHERE deleted_at IS NULL;

CREATE TABLE website_scans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- request order, also when two scans share a timestamp
  seq bigint GENERATED ALWAYS AS IDENTITY,
  website_id uuid NOT NULL REFERENCES websites(id),
  status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- 'manual' (someone pressed "scan now") or 'schedule'
  trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
  requested_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  started_at timestamptz,
  finished_at timestamptz,
  pages int,
  trackers int,
  unknown int,
  necessary int,
  vendors text[] NOT NULL DEFAULT '{}',
  error text,
  report jsonb
);
CREATE INDEX website_scans_site ON website_scans (website_id, seq DESC);

CREATE TABLE website_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  website_id uuid NOT NULL REFERENCES websites(id),
  scan_id uuid NOT NULL REFERENCES website_scans(id),
  kind text NOT NULL CHECK (kind IN ('new_tracker')),
  vendor text NOT NULL,
  detail jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES users(id)
);
CREATE INDEX website_alerts_open ON website_alerts (created_at) WHERE acknowledged_at IS NULL;
`;

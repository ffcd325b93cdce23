/**
 * Issue 4, C5 outreach: versioned campaign templates (immutable once a campaign used them), campaigns
 * bound to an audience snapshot and an activity, one row per recipient (UNIQUE per campaign: a crash never
 * makes a second one), objection links (only the SHA-256 of the token is stored), and the outbox's header
 * and campaign-message columns. A campaign message whose SMTP hand-off outcome is unknown becomes
 * `in_doubt` and is resent only by an operator. Without SMTP (the embedded demo) campaign mail is `held`:
 * the campaign finishes as `held`, and that mail is never delivered later. The `why_you` text is stored encrypted with the
 * send record: it names the person's basis (membership, consent).
 */
export const name = '009-outreach';

export const sql = /* sql */ `
CREATE TABLE campaign_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the versions of one template share the family; a used version is never changed, an edit adds one
  family_id uuid NOT NULL,
  version int NOT NULL CHECK (version >= 1),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  nl_subject text NOT NULL,
  nl_text text NOT NULL,
  nl_html text,
  en_subject text,
  en_text text,
  en_html text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  -- first used by a campaign: from then on immutable
  used_at timestamptz,
  superseded_at timestamptz,
  UNIQUE (family_id, version),
  CHECK ((en_subject IS NULL) = (en_text IS NULL)),
  CHECK (en_html IS NULL OR en_text IS NOT NULL)
);
CREATE UNIQUE INDEX campaign_templates_current ON campaign_templates (family_id) WHERE superseded_at IS NULL;

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- audiences and snapshots of migration 008 (no foreign key: a campaign's record outlives an audience)
  audience_id uuid NOT NULL,
  snapshot_id uuid NOT NULL,
  activity_id uuid NOT NULL REFERENCES processing_activities(id),
  template_id uuid NOT NULL REFERENCES campaign_templates(id),
  language_rule text NOT NULL CHECK (language_rule IN ('person', 'nl', 'en')),
  -- held: finished, but (some of) its mail is held in the outbox because no SMTP server was configured;
  -- held campaign mail is never delivered later (the gate's decision would be stale)
  status text NOT NULL CHECK (status IN ('draft', 'queued', 'sending', 'sent', 'held', 'cancelled', 'failed')),
  throttle_per_minute int NOT NULL CHECK (throttle_per_minute BETWEEN 1 AND 100000),
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL,
  queued_at timestamptz,
  queued_by uuid REFERENCES users(id),
  finished_at timestamptz,
  last_error text CHECK (length(last_error) <= 1000)
);
CREATE INDEX campaigns_recent ON campaigns (created_at DESC);

CREATE TABLE campaign_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'excluded', 'queued', 'held', 'sending', 'sent', 'failed', 'in_doubt')),
  exclusion_reasons text[] NOT NULL DEFAULT '{}',
  language text CHECK (language IN ('nl', 'en')),
  -- the transparency block as sent (R-26, R-56): names the basis, so encrypted
  why_you_enc text,
  outbox_id uuid,
  attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text CHECK (length(last_error) <= 1000),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (campaign_id, person_id),
  CHECK ((status = 'excluded') = (cardinality(exclusion_reasons) > 0))
);
CREATE INDEX campaign_messages_pending ON campaign_messages (campaign_id, id) WHERE status = 'pending';
CREATE INDEX campaign_messages_person ON campaign_messages (person_id);
-- messages still to settle (the mailer settles a campaign when its last one is)
CREATE INDEX campaign_messages_open ON campaign_messages (campaign_id) WHERE status IN ('pending', 'queued', 'sending');

CREATE TABLE objection_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
  campaign_id uuid REFERENCES campaigns(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX objection_links_person ON objection_links (person_id);

ALTER TABLE mail_outbox ADD COLUMN headers_enc text;
ALTER TABLE mail_outbox ADD COLUMN campaign_message_id uuid;
CREATE UNIQUE INDEX mail_outbox_campaign_message ON mail_outbox (campaign_message_id)
  WHERE campaign_message_id IS NOT NULL;
-- sending: handed to SMTP, outcome not yet recorded; in_doubt: the process stopped in between, or the
-- connection broke after the message data went out. Neither is retried automatically.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
  CHECK (status IN ('queued', 'sent', 'failed', 'held', 'sending', 'in_doubt', 'cancelled'));
`;

/**
 * Issue 3: the mail outbox. Every outgoing mail (double opt-in, receipts) is written here inside the
 * transaction of its cause, then delivered over SMTP, or held for admins to read in the app when no SMTP
 * server is configured. Recipient, subject and bodies are personal data: encrypted (`*_enc`).
 */
export const name = '006-mail';

export const sql = /* sql */ `
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- queue order, also when two mails share a timestamp
  seq bigint GENERATED ALWAYS AS IDENTITY,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_.-]{0,99}$'),
  -- the person the mail is about (no foreign key: a mail may precede or outlive the register entry)
  person_id uuid,
  recipient_enc text NOT NULL,
  subject_enc text NOT NULL,
  text_enc text NOT NULL,
  html_enc text,
  -- queued: waiting for delivery; sent; failed: the last attempt failed (retried while attempts remain);
  -- held: no SMTP server configured, readable by admins in the app
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'held')),
  attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  last_error text CHECK (length(last_error) <= 1000),
  next_attempt_at timestamptz,
  -- a delivery pass holds the row until then (several processes may flush)
  claimed_until timestamptz,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX mail_outbox_recent ON mail_outbox (seq DESC);
CREATE INDEX mail_outbox_due ON mail_outbox (seq) WHERE status IN ('queued', 'failed');
CREATE INDEX mail_outbox_person ON mail_outbox (person_id) WHERE person_id IS NOT NULL;
`;

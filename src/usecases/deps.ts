/** What use cases get from the composition root (src/app/kernel.ts): narrow them with Pick where used. */
import type { Config } from '../config/config.js';
import type { AuditLog } from '../storage/audit-log.js';
import type { Keyring } from '../storage/crypto/keyring.js';
import type { Db } from '../storage/db.js';
import type { PersonsRepo } from '../storage/persons-repo.js';
import type { SuppressionRepo } from '../storage/suppression-repo.js';
import type { UsersRepo } from '../storage/users-repo.js';

export interface JobQueue {
  send(name: string, data: Record<string, unknown>): Promise<string | null>;
  healthy(): boolean;
}

/** One outgoing e-mail (double opt-in, receipts). No remote images, no tracking links. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Self-contained HTML (inline styles only); optional. */
  html?: string;
  /** What it is, for the outbox list: 'consent.confirm', 'consent.receipt', … */
  kind: string;
  personId?: string | null;
  /** Extra headers (campaign mail: Message-ID, List-Unsubscribe, List-Unsubscribe-Post); no line breaks. */
  headers?: Record<string, string>;
  /** The campaign message this mail delivers: the mailer reports its outcome back to it (C5). */
  campaignMessageId?: string | null;
  /** Not before this time (a campaign's throttle spreads its messages over minutes). */
  notBefore?: Date | null;
}

/**
 * The mail port: `queue` writes to the outbox inside the caller's transaction (so a mail exists exactly
 * when its cause committed); `flush` delivers queued mail over SMTP after commit, or leaves it in the
 * outbox that admins read in the app when no SMTP_URL is configured.
 */
export interface MailPort {
  queue(tx: import('../storage/db.js').Queryable, mail: OutgoingMail, now: Date): Promise<string>;
  flush(): Promise<void>;
}

export interface Deps {
  config: Config;
  db: Db;
  keyring: Keyring;
  audit: AuditLog;
  users: UsersRepo;
  persons: PersonsRepo;
  suppression: SuppressionRepo;
  mail: MailPort;
  jobs: JobQueue | null;
  /** The clock; use cases read time only here, and pass it on to domain rules as an argument. */
  now: () => Date;
}

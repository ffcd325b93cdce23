/**
 * The mail adapter behind `MailPort`: `queue` writes an encrypted outbox row in the caller's transaction
 * (so a mail exists exactly when its cause committed); `flush` delivers due rows over SMTP (nodemailer)
 * after commit. Without SMTP_URL (embedded demo mode) mail is written `held`: admins read it in the app.
 *
 * Delivery never throws into the caller: a failed attempt marks the row `failed` with the error and a
 * retry time (exponential back-off), visible in the outbox; the periodic flush (kernel) retries it.
 */
import type { Config } from '../config/config.js';
import { DomainError } from '../domain/codes.js';
import { headerProblems } from '../domain/outreach/headers.js';
import type { Keyring } from '../storage/crypto/keyring.js';
import type { Db, Queryable } from '../storage/db.js';
import { MailOutboxRepo } from '../storage/mail-outbox-repo.js';
import type { MailPort, OutgoingMail } from '../usecases/deps.js';
import { assertNoTracking } from './html-guard.js';
import { type MailTransport, smtpTransport } from './transport.js';

/** How often the server retries due mail (kernel timer). */
export const MAIL_FLUSH_INTERVAL_MS = 60_000;
/** Attempts before a mail stays `failed` for good (visible in the outbox). */
export const MAIL_MAX_ATTEMPTS = 10;
/** Rows one pass claims at a time. */
const BATCH = 25;
/** How long a pass holds its claimed rows (longer than any SMTP timeout). */
const LEASE_MS = 5 * 60_000;

/** Back-off after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1) * 60_000, 6 * 60 * 60_000);
}

export interface FlushResult {
  sent: number;
  failed: number;
}

export interface Mailer extends MailPort {
  /** Like `flush`, with what happened (tests, CLI). */
  deliver(): Promise<FlushResult>;
  /** Waits for a running delivery pass and closes the SMTP connection. */
  close(): Promise<void>;
}

const EMAIL = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;
const KIND = /^[a-z][a-z0-9_.-]{0,99}$/;

function checkMail(mail: OutgoingMail): void {
  const headerIssues = mail.headers ? headerProblems(mail.headers) : [];
  if (headerIssues.length)
    throw new DomainError('VALIDATION_FAILED', {
      in: 'mail',
      fields: headerIssues.map((problem) => ({ field: 'headers', problem })),
    });
  const fields: { field: string; problem: string }[] = [];
  if (!EMAIL.test(mail.to) || mail.to.length > 320)
    fields.push({ field: 'to', problem: 'not an e-mail address' });
  if (!mail.subject.trim() || /[\r\n]/.test(mail.subject) || mail.subject.length > 300)
    fields.push({ field: 'subject', problem: 'one line of 1–300 characters' });
  if (!mail.text.trim()) fields.push({ field: 'text', problem: 'required' });
  if (!KIND.test(mail.kind)) fields.push({ field: 'kind', problem: 'lower-case name like consent.confirm' });
  if (fields.length) throw new DomainError('VALIDATION_FAILED', { in: 'mail', fields });
  assertNoTracking(mail.html);
}

/** Nodemailer's codes for "could not talk to the server at all" (as opposed to this one message). */
const CONNECTION_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPROTOCOL',
  'EGREETING',
]);

function isConnectionFailure(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_CODES.has(code);
}

/**
 * Campaign mail (C5) must never go out twice: a failure without an SMTP answer after the connection was
 * made (the connection broke, the socket timed out) may have come after the server accepted the data.
 * Such a message is `in_doubt`, not retried; only failures that certainly happened before any hand-off
 * (nothing listening, no name, no greeting) are retried.
 */
function outcomeUnknown(e: unknown): boolean {
  const status = (e as { responseCode?: unknown } | null)?.responseCode;
  if (typeof status === 'number') return false;
  const text = e instanceof Error ? e.message : String(e);
  return !/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|Greeting never received/i.test(text);
}

/** A 5xx answer about this message (unknown mailbox, refused content): retrying will not help. */
function isPermanent(e: unknown): boolean {
  const status = (e as { responseCode?: unknown } | null)?.responseCode;
  return typeof status === 'number' && status >= 500 && status < 600 && !isConnectionFailure(e);
}

/**
 * The error as the outbox shows it, without e-mail addresses (servers quote the recipient; the column is
 * not encrypted, so it must hold no personal data).
 */
function errorText(e: unknown): string {
  let text = String(e);
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    const msg = e.message.replace(/\s+/g, ' ').trim();
    text = typeof code === 'string' && !msg.includes(code) ? `${code}: ${msg}` : msg;
  }
  return text.replace(/[^\s<>"'@:;,()]+@[^\s<>"'@:;,()]+/g, '<adres>');
}

export interface MailerHooks {
  /**
   * After a delivery pass: the campaign messages whose mail it sent, failed or put in doubt (the kernel
   * settles their campaigns). Its errors are ignored: the next pass or the report settles them.
   */
  onCampaignMail?: (campaignMessageIds: string[]) => Promise<void>;
}

export function createMailer(
  db: Db,
  keyring: Keyring,
  config: Config,
  now: () => Date,
  hooks: MailerHooks = {},
): Mailer {
  const outbox = new MailOutboxRepo(keyring);
  const smtp = config.smtpUrl ?? null;
  let transport: MailTransport | null = null;
  const getTransport = (): MailTransport => {
    if (!transport) transport = smtpTransport(smtp!);
    return transport;
  };

  /** One pass: claim due rows in batches and send them; stop when the server cannot be reached. */
  async function pass(touched: string[]): Promise<FlushResult> {
    const result: FlushResult = { sent: 0, failed: 0 };
    // Campaign mail left mid-hand-off by a stopped process: in doubt, never resent automatically.
    touched.push(...(await db.transaction((tx) => outbox.markStaleInDoubt(tx, now()))));
    for (;;) {
      const at = now();
      const due = await db.transaction((tx) =>
        outbox.claimDue(tx, at, new Date(at.getTime() + LEASE_MS), MAIL_MAX_ATTEMPTS, BATCH),
      );
      if (due.length === 0) return result;
      for (let i = 0; i < due.length; i++) {
        const m = due[i]!;
        let error: unknown = null;
        // Each outcome is one commit: the outbox row and its campaign message change together.
        const cm = m.campaignMessageId;
        if (cm) {
          touched.push(cm);
          await db.transaction((tx) => outbox.markSending(tx, m.id, cm, now()));
        }
        try {
          await getTransport().send({
            from: config.mailFrom,
            to: m.to,
            subject: m.subject,
            text: m.text,
            html: m.html,
            headers: m.headers,
          });
        } catch (e) {
          error = e ?? new Error('unknown SMTP error');
        }
        if (error === null) {
          await db.transaction((tx) => outbox.markSent(tx, m.id, now()));
          result.sent++;
          continue;
        }
        result.failed++;
        if (m.campaignMessageId && outcomeUnknown(error)) {
          await db.transaction((tx) =>
            outbox.markInDoubt(tx, m.id, `delivery outcome unknown: ${errorText(error)}`, now()),
          );
          await outbox.release(
            db,
            due.slice(i + 1).map((x) => x.id),
          );
          return result;
        }
        const attempts = m.attempts + 1;
        const retry = !isPermanent(error) && attempts < MAIL_MAX_ATTEMPTS;
        const retryAt = retry ? new Date(now().getTime() + retryDelayMs(attempts)) : null;
        await db.transaction((tx) => outbox.markFailed(tx, m.id, errorText(error), retryAt, now()));
        if (isConnectionFailure(error)) {
          // The server is unreachable: give the rest back untried; the next flush tries again.
          await outbox.release(
            db,
            due.slice(i + 1).map((x) => x.id),
          );
          return result;
        }
      }
      if (due.length < BATCH) return result;
    }
  }

  // One pass at a time per process; a flush asked for during a pass runs one more pass after it.
  let running: Promise<FlushResult> | null = null;
  let again = false;
  const deliver = (): Promise<FlushResult> => {
    if (!smtp) return Promise.resolve({ sent: 0, failed: 0 });
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      const total: FlushResult = { sent: 0, failed: 0 };
      try {
        do {
          again = false;
          const touched: string[] = [];
          try {
            const r = await pass(touched);
            total.sent += r.sent;
            total.failed += r.failed;
          } finally {
            // The campaigns whose last message this pass settled are settled now, not when read.
            if (touched.length && hooks.onCampaignMail)
              await hooks.onCampaignMail(touched).catch(() => undefined);
          }
        } while (again);
      } catch {
        // The database itself failed (closing, connection lost): the rows stay due for the next flush.
      } finally {
        running = null;
      }
      return total;
    })();
    return running;
  };

  return {
    async queue(tx: Queryable, mail: OutgoingMail, at: Date): Promise<string> {
      checkMail(mail);
      return outbox.insert(
        tx,
        {
          kind: mail.kind,
          personId: mail.personId ?? null,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? null,
          status: smtp ? 'queued' : 'held',
          headers: mail.headers ?? null,
          campaignMessageId: mail.campaignMessageId ?? null,
          notBefore: mail.notBefore ?? null,
        },
        at,
      );
    },
    async flush(): Promise<void> {
      await deliver();
    },
    deliver,
    async close(): Promise<void> {
      again = false;
      if (running) await running;
      transport?.close();
      transport = null;
    },
  };
}

/**
 * SMTP delivery with nodemailer, from SMTP_URL (smtp:// or smtps://, optional user:password@ and
 * nodemailer's query options). Plain smtp:// to a host other than loopback must upgrade with STARTTLS
 * (recipients and consent links are personal data), unless the URL says `?requireTLS=false`.
 * Timeouts are short so a dead server costs a request seconds, not minutes. The connection is pooled (one,
 * reused for successive messages) so a campaign is not bound by connection set-up.
 */
import nodemailer from 'nodemailer';

export interface TransportMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Extra headers; a `Message-ID` among them becomes the message's id. */
  headers?: Record<string, string> | null;
}

export interface MailTransport {
  send(mail: TransportMail): Promise<void>;
  close(): void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function smtpTransport(url: string): MailTransport {
  const u = new URL(url);
  const explicitTls = u.searchParams.has('requireTLS') || u.searchParams.has('ignoreTLS');
  const requireTLS = u.protocol === 'smtp:' && !explicitTls && !LOOPBACK.has(u.hostname);
  const t = nodemailer.createTransport({
    url,
    // One reused connection: a new SMTP connection per message costs ~100 ms here (bench/send-throughput.ts).
    pool: true,
    maxConnections: 1,
    ...(requireTLS ? { requireTLS: true } : {}),
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 20_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(m) {
      await t.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        ...(m.headers?.['Message-ID'] ? { messageId: m.headers['Message-ID'] } : {}),
        headers: {
          'Auto-Submitted': 'auto-generated',
          ...Object.fromEntries(Object.entries(m.headers ?? {}).filter(([k]) => k !== 'Message-ID')),
        },
      });
    },
    close() {
      t.close();
    },
  };
}

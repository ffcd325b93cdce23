/**
 * SMTP delivery with nodemailer, from SMTP_URL (smtp:// or smtps://, optional user:password@ and
 * nodemailer's query options). Plain smtp:// to a host other than loopback must upgrade with STARTTLS
 * (recipients and consent links are personal data), unless the URL says `?requireTLS=false`.
 * Timeouts are short so a dead server costs a request seconds, not minutes.
 */
import nodemailer from 'nodemailer';

export interface TransportMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
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
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close() {
      t.close();
    },
  };
}

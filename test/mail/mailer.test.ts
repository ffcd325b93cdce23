/**
 * The mail adapter against a real SMTP server on loopback (smtp-server), on both engines: a queued mail
 * is delivered and marked sent; with the server down the row is `failed` with the error, waits for its
 * back-off and is retried; a rejected recipient keeps the server's answer; without SMTP_URL mail is held
 * in the outbox for admins; the outbox row exists only when its transaction commits; bodies are stored
 * encrypted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_MAX_ATTEMPTS, type Mailer, retryDelayMs } from '../../src/mail/mailer.js';
import type { OutgoingMail } from '../../src/usecases/deps.js';
import { engines, testKernel } from '../support/engines.js';
import { bodyText, SmtpPeer } from './smtp-peer.js';

const MAIL: OutgoingMail = {
  to: 'j.jansen@example.invalid',
  subject: 'Bevestig je toestemming',
  text: 'Klik op de link om te bevestigen: http://127.0.0.1/f/bevestigen/abc',
  html: '<p>Klik op <a href="http://127.0.0.1/f/bevestigen/abc">bevestigen</a>.</p>',
  kind: 'consent.confirm',
  personId: null,
};

interface Row {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date | null;
  sent_at: Date | null;
  recipient_enc: string;
  subject_enc: string;
  text_enc: string;
  html_enc: string | null;
}

function clock(start = new Date('2026-03-02T09:00:00Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t = new Date(t.getTime() + ms);
    },
  };
}

describe.each(engines())('mail over SMTP (%s)', (engine) => {
  const peer = new SmtpPeer();
  const c = clock();
  let k: Awaited<ReturnType<typeof testKernel>>;
  let mailer: Mailer;

  const row = async (id: string): Promise<Row> =>
    (await k.kernel.db.query<Row>('SELECT * FROM mail_outbox WHERE id = $1', [id])).rows[0]!;
  const queue = (m: OutgoingMail = MAIL) =>
    k.kernel.db.transaction((tx) => k.kernel.mail.queue(tx, m, c.now()));

  beforeAll(async () => {
    await peer.start();
    k = await testKernel(engine, { overrides: { SMTP_URL: peer.url }, now: c.now });
    mailer = k.kernel.mail as Mailer;
  });
  afterAll(async () => {
    await k?.close();
    await peer.stop();
  });
  afterEach(async () => {
    peer.reject.clear();
    if (!peer.running) await peer.start();
  });

  it('delivers a queued mail and marks it sent; recipient and bodies are stored encrypted', async () => {
    const id = await queue();
    const queued = await row(id);
    expect(queued.status).toBe('queued');
    for (const v of [queued.recipient_enc, queued.subject_enc, queued.text_enc, queued.html_enc ?? '']) {
      expect(v).toMatch(/^kk1:/);
      expect(v).not.toContain('jansen');
    }
    const before = peer.received.length;
    expect(await mailer.deliver()).toEqual({ sent: 1, failed: 0 });
    const got = peer.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.to).toEqual(['j.jansen@example.invalid']);
    expect(got[0]!.from).toBe('noreply@kieskluis.invalid');
    expect(got[0]!.raw).toContain('Subject: Bevestig je toestemming');
    expect(bodyText(got[0]!.raw)).toContain('http://127.0.0.1/f/bevestigen/abc');
    const sent = await row(id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(new Date(sent.sent_at!).getTime()).toBe(c.now().getTime());
    // Sent once: a second flush sends nothing.
    expect(await mailer.deliver()).toEqual({ sent: 0, failed: 0 });
  });

  it('SMTP server down: the row is failed with the error, waits for its back-off, then is retried and sent', async () => {
    await peer.stop();
    const id = await queue();
    await k.kernel.mail.flush(); // never throws into the caller
    const failed = await row(id);
    expect(failed.status).toBe('failed');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/ECONNREFUSED/);
    expect(new Date(failed.next_attempt_at!).getTime()).toBe(c.now().getTime() + retryDelayMs(1));

    // Not due yet: nothing is tried.
    await peer.start();
    const before = peer.received.length;
    expect(await mailer.deliver()).toEqual({ sent: 0, failed: 0 });
    expect((await row(id)).attempts).toBe(1);

    c.advance(retryDelayMs(1));
    expect(await mailer.deliver()).toEqual({ sent: 1, failed: 0 });
    expect(peer.received.length).toBe(before + 1);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
  });

  it('a recipient the server refuses (5xx) stays failed with the answer, is not retried, and does not hold up other mail', async () => {
    peer.reject.add('weiger@example.invalid');
    const refused = await queue({ ...MAIL, to: 'weiger@example.invalid' });
    const next = await queue({ ...MAIL, to: 'k.de.vries@example.invalid' });
    expect(await mailer.deliver()).toEqual({ sent: 1, failed: 1 });
    expect(await row(refused)).toMatchObject({ status: 'failed', attempts: 1, next_attempt_at: null });
    const error = (await row(refused)).last_error!;
    expect(error).toMatch(/550|Mailbox/);
    // The server quoted the address; the (unencrypted) error column keeps no personal data.
    expect(error).not.toContain('weiger@');
    expect(error).toContain('<adres>');
    expect((await row(next)).status).toBe('sent');
    c.advance(24 * 3600_000);
    await mailer.deliver();
    expect((await row(refused)).attempts).toBe(1);
  });

  it(`server down for good: after ${MAIL_MAX_ATTEMPTS} attempts a mail stays failed and is not retried again`, async () => {
    await peer.stop();
    const id = await queue();
    for (let i = 1; i <= MAIL_MAX_ATTEMPTS; i++) {
      await mailer.deliver();
      expect((await row(id)).attempts).toBe(i);
      c.advance(retryDelayMs(i));
    }
    const r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS, next_attempt_at: null });
    expect(r.last_error).toMatch(/ECONNREFUSED/);
    await peer.start();
    c.advance(24 * 3600_000);
    await mailer.deliver();
    expect((await row(id)).attempts).toBe(MAIL_MAX_ATTEMPTS);
  });

  it('a mail queued in a transaction that rolls back does not exist', async () => {
    const { rows: before } = await k.kernel.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mail_outbox',
    );
    await expect(
      k.kernel.db.transaction(async (tx) => {
        await k.kernel.mail.queue(tx, MAIL, c.now());
        throw new Error('cause failed');
      }),
    ).rejects.toThrow('cause failed');
    const { rows: after } = await k.kernel.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM mail_outbox',
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses a subject with a line break (header injection) and an address that is not one', async () => {
    await expect(queue({ ...MAIL, subject: 'Hoi\r\nBcc: x@example.invalid' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(queue({ ...MAIL, to: 'geen-adres' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe.each(engines())('mail without SMTP_URL: the outbox (%s)', (engine) => {
  it('holds the mail for admins to read; flush sends nothing and leaves it held', async () => {
    const c = clock();
    const k = await testKernel(engine, { now: c.now });
    try {
      const id = await k.kernel.db.transaction((tx) => k.kernel.mail.queue(tx, MAIL, c.now()));
      await k.kernel.mail.flush();
      expect(await (k.kernel.mail as Mailer).deliver()).toEqual({ sent: 0, failed: 0 });
      const { rows } = await k.kernel.db.query<Row>('SELECT * FROM mail_outbox WHERE id = $1', [id]);
      expect(rows[0]).toMatchObject({ status: 'held', attempts: 0, sent_at: null });
    } finally {
      await k.close();
    }
  });
});

/**
 * The outbox in the app (no SMTP_URL: mail is held there), on both engines: an admin lists outgoing mail
 * with masked recipients and reads one message in full; every list and read is audited without personal
 * data in the payload; other roles, API tokens and the operator are refused (and the refusal audited).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskEmail } from '../../src/usecases/mail/list-outbox.js';
import { auditHead, auditSince, expectError, NO_SUCH_ID, signIn } from '../server/helpers.js';
import type { Client, TestApp } from '../support/app.js';
import { startTestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

describe('maskEmail', () => {
  it.each([
    ['jan.jansen@example.invalid', 'j***@example.invalid'],
    ['a@b.invalid', 'a***@b.invalid'],
    ['geen-adres', '***'],
  ])('%s → %s', (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });
});

describe.each(engines())('outbox API (%s)', (engine) => {
  let t: TestApp;
  let admin: Client;
  let ids: string[];

  beforeAll(async () => {
    t = await startTestApp(engine);
    const k = t.kernel;
    ids = [];
    for (const [to, subject] of [
      ['jan.jansen@example.invalid', 'Bevestig je toestemming'],
      ['kim.de.vries@example.invalid', 'Je ontvangstbewijs'],
    ] as const) {
      ids.push(
        await k.db.transaction((tx) =>
          k.mail.queue(
            tx,
            {
              to,
              subject,
              text: `Hallo,\n\nBevestig hier: http://127.0.0.1:8080/f/bevestigen/${'a'.repeat(43)}\n`,
              html: `<p>Bevestig <a href="http://127.0.0.1:8080/f/bevestigen/${'a'.repeat(43)}">hier</a>.</p>`,
              kind: 'consent.confirm',
              personId: null,
            },
            t.clock.now(),
          ),
        ),
      );
    }
    admin = await signIn(t, 'beheer');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists held mail newest first with masked recipients and no bodies; the listing is audited by id', async () => {
    const head = await auditHead(t);
    const r = await admin.request('GET', '/api/v1/outbox');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).toEqual([ids[1], ids[0]]);
    expect(items[1]).toMatchObject({
      kind: 'consent.confirm',
      to: 'j***@example.invalid',
      subject: 'Bevestig je toestemming',
      status: 'held',
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(items[1]).not.toHaveProperty('text');
    expect(items[1]).not.toHaveProperty('html');
    expect(r.body).not.toContain('jansen');
    const events = await auditSince(t, head, 'mail.outbox_listed');
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.payload)).toMatchObject({ ids: [ids[1], ids[0]] });
    expect(events[0]!.payload).not.toContain('example.invalid');
  });

  it('pages with `before` and filters by status', async () => {
    const first = await admin.request('GET', '/api/v1/outbox?limit=1');
    expect(first.json().items).toHaveLength(1);
    const before = first.json().nextBefore as number;
    expect(before).toBeTypeOf('number');
    const second = await admin.request('GET', `/api/v1/outbox?limit=1&before=${before}`);
    expect(second.json().items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
    expect(second.json().nextBefore).toBeNull();
    const sent = await admin.request('GET', '/api/v1/outbox?status=sent');
    expect(sent.json().items).toEqual([]);
  });

  it('reads one message in full (recipient, text, HTML); the read is audited', async () => {
    const head = await auditHead(t);
    const r = await admin.request('GET', `/api/v1/outbox/${ids[0]}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      id: ids[0],
      to: 'jan.jansen@example.invalid',
      subject: 'Bevestig je toestemming',
      status: 'held',
    });
    expect(r.json().text).toContain('/f/bevestigen/');
    expect(r.json().html).toContain('<a href=');
    const events = await auditSince(t, head, 'mail.read');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ object_id: ids[0], actor_type: 'user' });
    expect(events[0]!.payload).not.toContain('jansen');
  });

  it('an unknown id is 404 and a malformed one 400', async () => {
    expectError(await admin.request('GET', `/api/v1/outbox/${NO_SUCH_ID}`), 404, 'NOT_FOUND');
    expectError(await admin.request('GET', '/api/v1/outbox/abc'), 400, 'VALIDATION_FAILED');
  });

  it('other roles may not read the outbox; the refusal is audited', async () => {
    for (const user of ['fg', 'campagne']) {
      const c = await signIn(t, user);
      const head = await auditHead(t);
      expectError(await c.request('GET', '/api/v1/outbox'), 403, 'FORBIDDEN');
      expectError(await c.request('GET', `/api/v1/outbox/${ids[0]}`), 403, 'FORBIDDEN');
      const refused = await auditSince(t, head, 'access.refused');
      expect(refused.map((e) => JSON.parse(e.payload).action)).toEqual(['mail.outbox_list', 'mail.read']);
    }
  });

  it('without a session: 401; the local operator: 403', async () => {
    expectError(await t.client().request('GET', '/api/v1/outbox'), 401, 'UNAUTHENTICATED');
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/outbox',
      headers: { authorization: `Bearer ${t.operatorSecret}` },
    });
    expectError(r, 403, 'FORBIDDEN');
  });
});

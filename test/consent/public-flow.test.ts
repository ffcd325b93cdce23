/**
 * The public consent flow through the use cases the public pages call, on both engines: sign-up →
 * double opt-in → receipt → one-click withdrawal, with the guardian flow for under-16s, idempotent double
 * posts, expired and tampered links, suppression after withdrawal, the 14-day purge, and nothing
 * half-written on bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/codes.js';
import { confirmConsent } from '../../src/usecases/consent/confirm-consent.js';
import { consentGroundFacts } from '../../src/usecases/consent/consent-ground-facts.js';
import { getPublicForm } from '../../src/usecases/consent/get-public-form.js';
import { getWithdrawal } from '../../src/usecases/consent/get-withdrawal.js';
import { publicBaseUrl } from '../../src/usecases/consent/public-base-url.js';
import { purgePendingConsents } from '../../src/usecases/consent/purge-pending-consents.js';
import {
  type PublicFormSubmission,
  submitPublicForm,
} from '../../src/usecases/consent/submit-public-form.js';
import { withdrawByLink } from '../../src/usecases/consent/withdraw-by-link.js';
import { DAY } from '../server/helpers.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  type Catalogue,
  counts,
  lastMailTo,
  outbox,
  setUpCatalogue,
  submission,
  tokenIn,
} from './fixture.js';

const META = { ipHash: 'ip-hash-test', userAgent: 'Mozilla/5.0 (test)' };

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

async function personIdOf(t: TestApp, email: string): Promise<string> {
  const ids = await t.kernel.persons.findByEmail(t.kernel.db, email);
  expect(ids).toHaveLength(1);
  return ids[0]!;
}

async function factsOf(t: TestApp, personId: string) {
  const m = await consentGroundFacts(t.kernel, t.kernel.db, [personId], t.clock.now());
  return m.get(personId)!;
}

describe.each(engines())('public consent flow on %s', (engine) => {
  let t: TestApp;
  let c: Catalogue;

  beforeAll(async () => {
    t = await startTestApp(engine);
    c = await setUpCatalogue(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the public form shows one unticked checkbox per purpose with the exact pinned text', async () => {
    const nl = await getPublicForm(t.kernel, c.slug, 'nl');
    expect(nl).toMatchObject({ slug: c.slug, title: 'Doe mee', language: 'nl', askBirthYear: true });
    expect(nl.purposes.map((p) => p.purposeId)).toEqual([c.campaign, c.volunteer]);
    expect(nl.purposes[0]!.text).toContain('Verwerkingsverantwoordelijke');
    const en = await getPublicForm(t.kernel, c.slug, 'en');
    expect(en.language).toBe('en');
    expect(en.purposes[0]!.textVersionId).not.toBe(nl.purposes[0]!.textVersionId);
    expect(await codeOf(getPublicForm(t.kernel, 'bestaat-niet', 'nl'))).toBe('NOT_FOUND');
    expect(await codeOf(getPublicForm(t.kernel, '../etc', 'nl'))).toBe('NOT_FOUND');
  });

  it('R-17: a sign-up is pending until the double opt-in click; one record per purpose; the receipt has a withdrawal link per purpose', async () => {
    const s = submission({ purposeIds: [c.campaign, c.volunteer] });
    expect(await submitPublicForm(t.kernel, c.slug, s, META)).toEqual({ outcome: 'confirmation_sent' });
    const personId = await personIdOf(t, s.email);
    const pending = await factsOf(t, personId);
    expect(pending.map((f) => [f.purposeId, f.status])).toEqual([
      [c.campaign, 'pending_confirmation'],
      [c.volunteer, 'pending_confirmation'],
    ]);
    expect(pending.every((f) => f.reasons.includes('CONSENT_PENDING_CONFIRMATION'))).toBe(true);

    const mail = await lastMailTo(t, s.email);
    expect(mail.kind).toBe('consent.confirm');
    expect(mail.text).toContain(`${publicBaseUrl(t.kernel.config)}/f/bevestigen/`);
    expect(mail.text).toContain('/f/intrekken/');
    expect(mail.text).toContain('Partij voor de Polder');
    expect(mail.html).not.toMatch(/<img|<script|<link/i);

    const confirmed = await confirmConsent(t.kernel, tokenIn(mail.text, 'bevestigen'));
    expect(confirmed.outcome).toBe('confirmed');
    expect(confirmed.purposes).toHaveLength(2);
    expect(confirmed.withdrawToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const valid = await factsOf(t, personId);
    expect(valid.map((f) => f.status)).toEqual(['valid', 'valid']);
    expect(valid.find((f) => f.purposeId === c.campaign)!.explicit).toBe(true);

    const receipt = await lastMailTo(t, s.email);
    expect(receipt.kind).toBe('consent.receipt');
    expect(receipt.text.match(/\/f\/intrekken\//g)!.length).toBe(3); // one per purpose, and one for all

    // A second click: already confirmed, nothing changes.
    expect((await confirmConsent(t.kernel, tokenIn(mail.text, 'bevestigen'))).outcome).toBe(
      'already_confirmed',
    );
  });

  it('R-16 / R-58: one-click withdrawal, a suppression entry per purpose, and that purpose is not recorded again', async () => {
    const s = submission({ purposeIds: [c.campaign, c.volunteer] });
    await submitPublicForm(t.kernel, c.slug, s, META);
    const personId = await personIdOf(t, s.email);
    const { withdrawToken } = await confirmConsent(
      t.kernel,
      tokenIn((await lastMailTo(t, s.email)).text, 'bevestigen'),
    );
    const view = await getWithdrawal(t.kernel, withdrawToken!);
    expect(view.purposes.map((p) => [p.purposeId, p.withdrawn])).toEqual([
      [c.campaign, false],
      [c.volunteer, false],
    ]);
    expect(await withdrawByLink(t.kernel, withdrawToken!, [c.campaign])).toEqual({ withdrawn: [c.campaign] });
    const facts = await factsOf(t, personId);
    expect(facts.find((f) => f.purposeId === c.campaign)).toMatchObject({
      status: 'withdrawn',
      reasons: ['CONSENT_WITHDRAWN'],
    });
    expect(facts.find((f) => f.purposeId === c.volunteer)!.status).toBe('valid');
    const entries = await t.kernel.suppression.match(t.kernel.db, { email: s.email });
    expect(entries).toEqual([{ reason: 'CONSENT_WITHDRAWN', purposeId: c.campaign }]);
    // Repeating is harmless.
    expect(await withdrawByLink(t.kernel, withdrawToken!, [c.campaign])).toEqual({ withdrawn: [c.campaign] });
    expect(
      (await getWithdrawal(t.kernel, withdrawToken!)).purposes.find((p) => p.purposeId === c.campaign)!
        .withdrawn,
    ).toBe(true);

    // Signing up again: the suppressed purpose is silently not recorded, the answer looks the same.
    const beforeIds = (await factsOf(t, personId)).map((f) => f.consentId);
    const before = beforeIds.length;
    const again = submission({ email: s.email, purposeIds: [c.campaign] });
    expect(await submitPublicForm(t.kernel, c.slug, again, META)).toEqual({ outcome: 'confirmation_sent' });
    expect((await factsOf(t, personId)).length).toBe(before);
    // … while the other purpose may still be given again.
    const other = submission({ email: s.email, purposeIds: [c.campaign, c.volunteer] });
    expect(await submitPublicForm(t.kernel, c.slug, other, META)).toEqual({ outcome: 'confirmation_sent' });
    const after = await factsOf(t, personId);
    expect(after.length).toBe(before + 1);
    expect(after.filter((f) => !beforeIds.includes(f.consentId))).toMatchObject([
      { purposeId: c.volunteer, status: 'pending_confirmation' },
    ]);
  });

  it('the same submission posted twice gives the same outcome and no new rows', async () => {
    const s = submission({ purposeIds: [c.campaign] });
    const first = await submitPublicForm(t.kernel, c.slug, s, META);
    const rows = await counts(t);
    const mails = (await outbox(t)).length;
    const second = await submitPublicForm(t.kernel, c.slug, s, META);
    expect(second).toEqual(first);
    expect(await counts(t)).toEqual(rows);
    expect((await outbox(t)).length).toBe(mails);
    // Two posts at the same moment: one submission.
    const s2 = submission({ purposeIds: [c.volunteer] });
    const both = await Promise.all([
      submitPublicForm(t.kernel, c.slug, s2, META),
      submitPublicForm(t.kernel, c.slug, s2, META),
    ]);
    expect(both[0]).toEqual(both[1]);
    const { rows: r } = await t.kernel.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM consent_records WHERE person_id = $1`,
      [await personIdOf(t, s2.email)],
    );
    expect(r[0]!.n).toBe(1);
  });

  it('a second sign-up while the first waits for confirmation: already_pending, a fresh link, no new record', async () => {
    const s = submission({ purposeIds: [c.campaign] });
    await submitPublicForm(t.kernel, c.slug, s, META);
    const rows = (await counts(t)).consent_records;
    const again = await submitPublicForm(
      t.kernel,
      c.slug,
      { ...s, submissionId: `${s.submissionId}-b` },
      META,
    );
    expect(again).toEqual({ outcome: 'already_pending' });
    expect((await counts(t)).consent_records).toBe(rows);
    const link = tokenIn((await lastMailTo(t, s.email)).text, 'bevestigen');
    expect((await confirmConsent(t.kernel, link)).outcome).toBe('confirmed');
  });

  it('R-19: under 16 the mail goes to the guardian; the consent counts only after the guardian confirms', async () => {
    const year = t.clock.now().getUTCFullYear();
    const s = submission({
      firstName: 'Anne',
      birthYear: year - 14,
      guardianName: 'Otto Frank',
      guardianEmail: `ouder.${Date.now()}@voorbeeld.invalid`,
      purposeIds: [c.campaign],
    });
    expect(await submitPublicForm(t.kernel, c.slug, s, META)).toEqual({
      outcome: 'guardian_confirmation_sent',
    });
    const personId = await personIdOf(t, s.email);
    const before = await factsOf(t, personId);
    expect(before[0]!.status).toBe('invalid');
    expect(before[0]!.reasons).toEqual(['MINOR_CONSENT_INVALID', 'CONSENT_PENDING_CONFIRMATION']);
    expect((await outbox(t)).some((m) => m.to === s.email)).toBe(false);
    const mail = await lastMailTo(t, s.guardianEmail!);
    expect(mail.text).toContain('jonger dan 16');
    await confirmConsent(t.kernel, tokenIn(mail.text, 'bevestigen'));
    expect((await factsOf(t, personId))[0]).toMatchObject({ status: 'valid', reasons: [] });
    expect((await lastMailTo(t, s.guardianEmail!)).kind).toBe('consent.receipt');
  });

  it('R-17: an expired confirmation link answers CONFIRMATION_EXPIRED; after 14 days the sign-up is purged', async () => {
    const start = t.clock.now();
    const s = submission({ purposeIds: [c.campaign] });
    await submitPublicForm(t.kernel, c.slug, s, META);
    const personId = await personIdOf(t, s.email);
    const link = tokenIn((await lastMailTo(t, s.email)).text, 'bevestigen');
    t.clock.set(new Date(start.getTime() + 14 * DAY + 1000));
    try {
      expect(await codeOf(confirmConsent(t.kernel, link))).toBe('CONFIRMATION_EXPIRED');
      expect((await factsOf(t, personId))[0]!.status).toBe('pending_confirmation');
      const purged = await purgePendingConsents(t.kernel);
      expect(purged.records).toBeGreaterThanOrEqual(1);
      expect(await t.kernel.persons.findById(t.kernel.db, personId)).toBeNull();
      // The late click still says "expired", not "unknown".
      expect(await codeOf(confirmConsent(t.kernel, link))).toBe('CONFIRMATION_EXPIRED');
    } finally {
      t.clock.set(new Date(start.getTime() + 15 * DAY));
    }
  });

  it('a tampered or unknown link answers LINK_INVALID', async () => {
    const s = submission({ purposeIds: [c.volunteer] });
    await submitPublicForm(t.kernel, c.slug, s, META);
    const mail = await lastMailTo(t, s.email);
    const confirm = tokenIn(mail.text, 'bevestigen');
    const withdraw = tokenIn(mail.text, 'intrekken');
    const flip = (x: string) => `${x.slice(0, -1)}${x.endsWith('A') ? 'B' : 'A'}`;
    expect(await codeOf(confirmConsent(t.kernel, flip(confirm)))).toBe('LINK_INVALID');
    expect(await codeOf(confirmConsent(t.kernel, 'kort'))).toBe('LINK_INVALID');
    expect(await codeOf(confirmConsent(t.kernel, withdraw))).toBe('LINK_INVALID');
    expect(await codeOf(getWithdrawal(t.kernel, flip(withdraw)))).toBe('LINK_INVALID');
    expect(await codeOf(withdrawByLink(t.kernel, flip(withdraw), 'all'))).toBe('LINK_INVALID');
    expect(await codeOf(withdrawByLink(t.kernel, confirm, 'all'))).toBe('LINK_INVALID');
    expect(await codeOf(withdrawByLink(t.kernel, withdraw, [c.campaign]))).toBe('VALIDATION_FAILED');
  });

  it.each<[string, Partial<PublicFormSubmission>, string]>([
    ['an invalid e-mail', { email: 'geen-adres' }, 'email'],
    ['no purpose', { purposeIds: [] }, 'purposeIds'],
    ['a purpose not on the form', { purposeIds: ['7d4e1c2a-9b3f-4e5d-8a6b-1c2d3e4f5a6b'] }, 'purposeIds'],
    ['a birth year in the future', { birthYear: 2999 }, 'birthYear'],
    ['an under-16 without guardian', { birthYear: new Date().getUTCFullYear() - 12 }, 'guardianName'],
    ['a bad submission id', { submissionId: 'x' }, 'submissionId'],
  ])('bad input (%s): VALIDATION_FAILED naming the field, nothing written', async (_what, patch, field) => {
    const before = await counts(t);
    const s = submission({ purposeIds: [c.campaign], ...patch });
    try {
      await submitPublicForm(t.kernel, c.slug, s, META);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect((err.details!.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    }
    expect(await counts(t)).toEqual(before);
  });
});

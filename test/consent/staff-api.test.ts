/**
 * The consent staff API end to end on both engines: who may manage consent, immutable text versions
 * form publish checks, offline capture with the assessment's reasons (R-13, R-18,
 * ), receipts, staff withdrawal with suppression, and nothing half-written
 * on bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFieldsOnOldKeys, reencryptAll } from '../../src/storage/crypto/reencrypt.js';
import { getPublicForm } from '../../src/usecases/consent/get-public-form.js';
import { submitPublicForm } from '../../src/usecases/consent/submit-public-form.js';
import { auditHead, auditSince, DAY, expectError, NO_SUCH_ID, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { type Catalogue, counts, demoPersonIds, PARTY, setUpCatalogue, submission, text } from './fixture.js';

const PURPOSE = { purpose: 'Toestemming controleren (test)' };
const q = `?purpose=${encodeURIComponent(PURPOSE.purpose)}`;
const PDF = Buffer.from('%PDF-1.4\n% fictief getekend formulier\n').toString('base64');

describe.each(engines())('consent staff API on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let c: Catalogue;
  let persons: string[];

  const newPurpose = async (over: Record<string, unknown> = {}) => {
    const r = await admin.request('POST', '/api/v1/consent/purposes', {
      body: {
        name: `Doel ${Math.random().toString(36).slice(2)}`,
        political: true,
        channels: ['EMAIL'],
        ...over,
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string };
  };
  const newText = async (
    purposeId: string,
    over: Record<string, unknown> = {},
    language: 'nl' | 'en' = 'nl',
  ) => {
    const r = await admin.request('POST', `/api/v1/consent/purposes/${purposeId}/texts`, {
      body: { ...text(language), ...over },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as {
      version: { id: string; version: number; fullText: string; sha256: string };
      check: { missing: string[] };
    };
  };
  const offline = (body: Record<string, unknown>) =>
    admin.request('POST', '/api/v1/consent/records', {
      body: {
        channel: 'PAPER',
        givenAt: new Date(t.clock.now().getTime() - DAY).toISOString(),
        collector: 'Victor Vrijwilliger',
        place: 'Markt, Haarlem',
        explicit: true,
        ...body,
      },
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
    c = await setUpCatalogue(t);
    persons = await demoPersonIds(t, 20);
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(['fg', 'team', 'kandidaat', 'vrijwilliger'])(
    '%s may not manage consent: 403, audited',
    async (username) => {
      const u = await signIn(t, username);
      const before = await auditHead(t);
      expectError(await u.request('GET', '/api/v1/consent/purposes'), 403, 'FORBIDDEN');
      expectError(
        await u.request('POST', '/api/v1/consent/purposes', { body: { name: 'x', political: false } }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await u.request('POST', '/api/v1/consent/withdrawals', {
          body: { personId: NO_SUCH_ID, purposeId: NO_SUCH_ID, channel: 'PHONE' },
        }),
        403,
        'FORBIDDEN',
      );
      expect((await auditSince(t, before, 'access.refused')).length).toBe(3);
    },
  );

  it('the campaign lead manages consent; without a session: 401', async () => {
    const lead = await signIn(t, 'campagne');
    expect((await lead.request('GET', '/api/v1/consent/forms')).statusCode).toBe(200);
    expectError(await t.client().request('GET', '/api/v1/consent/purposes'), 401, 'UNAUTHENTICATED');
  });

  it('R-14: editing a text makes a new version; a referenced version answers TEXT_VERSION_IMMUTABLE, also to raw SQL', async () => {
    const p = await newPurpose();
    const v1 = await newText(p.id);
    expect(v1.version.version).toBe(1);
    // A draft nobody has seen may be corrected in place.
    const fixed = await admin.request('PUT', `/api/v1/consent/texts/${v1.version.id}`, {
      body: { ...text('nl'), withdrawalInstructions: 'Via de link in elke e-mail.' },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().version.sha256).not.toBe(v1.version.sha256);

    // A form that uses it is published: the version is frozen.
    const form = await admin.request('POST', '/api/v1/consent/forms', {
      body: {
        slug: `bevroren-${engine}`,
        titles: { nl: 'Bevroren' },
        controllerName: PARTY,
        privacyNoticeUrl: 'https://polder.invalid/privacy',
        items: [{ purposeIds: [p.id] }],
      },
    });
    expect(form.statusCode, form.body).toBe(201);
    const pub = await admin.request('POST', `/api/v1/consent/forms/${form.json().id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    const before = await auditHead(t);
    expectError(
      await admin.request('PUT', `/api/v1/consent/texts/${v1.version.id}`, { body: text('nl') }),
      409,
      'TEXT_VERSION_IMMUTABLE',
    );
    expectError(
      await admin.request('DELETE', `/api/v1/consent/texts/${v1.version.id}`),
      409,
      'TEXT_VERSION_IMMUTABLE',
    );
    expect((await auditSince(t, before, 'access.refused')).map((r) => JSON.parse(r.payload).code)).toEqual([
      'TEXT_VERSION_IMMUTABLE',
      'TEXT_VERSION_IMMUTABLE',
    ]);
    await expect(
      t.kernel.db.query(`UPDATE consent_texts SET statement = 'iets anders' WHERE id = $1`, [v1.version.id]),
    ).rejects.toThrow(/TEXT_VERSION_IMMUTABLE/);
    await expect(
      t.kernel.db.query('DELETE FROM consent_texts WHERE id = $1', [v1.version.id]),
    ).rejects.toThrow(/TEXT_VERSION_IMMUTABLE/);
    // Editing = a new version; the history keeps both, the old one marked as frozen.
    const v2 = await newText(p.id, { statement: `${text('nl').statement} Tot de verkiezingen.` });
    expect(v2.version.version).toBe(2);
    const list = await admin.request('GET', `/api/v1/consent/texts?purposeId=${p.id}`);
    expect(
      list
        .json()
        .items.map((x: { version: number; referencedAt: string | null }) => [
          x.version,
          x.referencedAt !== null,
        ]),
    ).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('R-15 / R-17: a text version is checked when saved (what is missing is listed)', async () => {
    const p = await newPurpose();
    const v = await newText(p.id, {
      withdrawalInstructions: '',
      specialCategoryMention: 'mijn lidmaatschap',
    });
    expect(v.check.missing).toEqual(['withdrawalInstructions', 'specialCategoryMention']);
  });

  it('R-17 / R-13: publishing a bundled, required, pre-ticked box is refused with every reason, audited; the form stays a draft', async () => {
    const before = await auditHead(t);
    const form = await admin.request('POST', '/api/v1/consent/forms', {
      body: {
        slug: `gebundeld-${engine}`,
        titles: { nl: 'Lid worden' },
        controllerName: PARTY,
        privacyNoticeUrl: 'https://polder.invalid/privacy',
        serviceName: 'Lidmaatschap aanvragen',
        items: [{ purposeIds: [c.campaign, c.volunteer], required: true, defaultChecked: true }],
      },
    });
    expect(form.statusCode, form.body).toBe(201);
    const r = await admin.request('POST', `/api/v1/consent/forms/${form.json().id}/publish`);
    const body = expectError(r, 422, 'CONSENT_BUNDLED');
    expect(body.details.reasons).toEqual(['CONSENT_BUNDLED', 'CONSENT_PRETICKED', 'CONSENT_CONDITIONAL']);
    expect(body.details.problems).toEqual([
      { code: 'CONSENT_BUNDLED', item: 0 },
      { code: 'CONSENT_PRETICKED', item: 0 },
      { code: 'CONSENT_CONDITIONAL', item: 0 },
    ]);
    const refused = await auditSince(t, before, 'consent.form_publish_refused');
    expect(JSON.parse(refused[0]!.payload).reasons).toEqual(body.details.reasons);
    const forms = (await admin.request('GET', '/api/v1/consent/forms')).json().items;
    expect(forms.find((f: { id: string }) => f.id === form.json().id).status).toBe('draft');
    await expect(getPublicForm(t.kernel, `gebundeld-${engine}`, 'nl')).rejects.toThrow(/NOT_FOUND/);
  });

  it('R-13: a consent required for a service that does not need it: CONSENT_CONDITIONAL', async () => {
    const form = await admin.request('POST', '/api/v1/consent/forms', {
      body: {
        slug: `voorwaarde-${engine}`,
        titles: { nl: 'Lid worden' },
        controllerName: PARTY,
        privacyNoticeUrl: 'https://polder.invalid/privacy',
        serviceName: 'Lidmaatschap aanvragen',
        items: [{ purposeIds: [c.campaign], required: true }],
      },
    });
    const r = await admin.request('POST', `/api/v1/consent/forms/${form.json().id}/publish`);
    expect(expectError(r, 422, 'CONSENT_CONDITIONAL').details.reasons).toEqual(['CONSENT_CONDITIONAL']);
  });

  it('R-14: the receipt of a web consent returns the exact text shown, the time, the channel and the notice version', async () => {
    const shown = (await getPublicForm(t.kernel, c.slug, 'en')).purposes.find(
      (p) => p.purposeId === c.campaign,
    )!;
    const s = submission({ purposeIds: [c.campaign], locale: 'en' });
    const at = t.clock.now();
    await submitPublicForm(t.kernel, c.slug, s, { ipHash: 'ip-hash', userAgent: 'Test/1.0' });
    const personId = (await t.kernel.persons.findByEmail(t.kernel.db, s.email))[0]!;
    const list = await admin.request('GET', `/api/v1/persons/${personId}/consents${q}`);
    expect(list.statusCode, list.body).toBe(200);
    const consent = list.json().items[0];
    const before = await auditHead(t);
    const r = await admin.request('GET', `/api/v1/consent/records/${consent.id}/receipt${q}`);
    expect(r.statusCode, r.body).toBe(200);
    const receipt = r.json();
    expect(receipt.text.fullText).toBe(shown.text);
    expect(receipt.text.id).toBe(shown.textVersionId);
    expect(receipt.text.language).toBe('en');
    expect(receipt.text.intact).toBe(true);
    expect(receipt.text.recordedSha256).toBe(receipt.text.sha256);
    expect(receipt.consent.channel).toBe('WEB_FORM');
    expect(new Date(receipt.consent.givenAt).getTime()).toBe(at.getTime());
    expect(receipt.notice).toMatchObject({ url: 'https://polder.invalid/privacy' });
    expect(receipt.notice.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.evidence).toMatchObject({
      formSlug: c.slug,
      submissionId: s.submissionId,
      ipHash: 'ip-hash',
      userAgent: 'Test/1.0',
    });
    expect(receipt.controllerNames).toEqual([PARTY]);
    const reads = await auditSince(t, before, 'consent.read');
    expect(reads.map((x) => [x.person_id, x.purpose])).toEqual([[personId, PURPOSE.purpose]]);
    expect(reads[0]!.payload).not.toContain(s.email);
  });

  it('R-17: a paper consent is valid but flagged unconfirmed until a scan arrives', async () => {
    const r = await offline({
      personId: persons[0],
      purposeId: c.campaign,
      textVersionId: await textIdOf(c.campaign),
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      status: 'valid',
      reasons: [],
      unconfirmed: true,
      hasScan: false,
      channel: 'PAPER',
    });
    const s = await admin.request('POST', `/api/v1/consent/records/${r.json().id}/scan`, {
      body: { contentType: 'application/pdf', dataBase64: PDF },
    });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ status: 'valid', unconfirmed: false, hasScan: true });
    const file = await admin.request('GET', `/api/v1/consent/records/${r.json().id}/scan${q}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(Buffer.from(PDF, 'base64'))).toBe(true);
    const receipt = (await admin.request('GET', `/api/v1/consent/records/${r.json().id}/receipt${q}`)).json();
    expect(receipt.evidence).toMatchObject({ collector: 'Victor Vrijwilliger', place: 'Markt, Haarlem' });
    expect(receipt.evidence.scan.sizeBytes).toBe(Buffer.from(PDF, 'base64').length);
  });

  async function textIdOf(purposeId: string): Promise<string> {
    const r = await admin.request('GET', `/api/v1/consent/texts?purposeId=${purposeId}`);
    return r.json().items.find((x: { language: string }) => x.language === 'nl').id;
  }

  it('R-13: a consent captured with a pre-ticked box is invalid (CONSENT_PRETICKED)', async () => {
    const r = await offline({
      personId: persons[1],
      purposeId: c.campaign,
      textVersionId: await textIdOf(c.campaign),
      captureDefects: ['PRE_TICKED'],
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'invalid', reasons: ['CONSENT_PRETICKED'] });
  });

  it('R-18: a consent naming another controller ("… and partners") is CONSENT_NOT_SPECIFIC', async () => {
    const p = await newPurpose();
    const v = await newText(p.id, { controllerName: 'Petitie Platform B.V. en partners' });
    const r = await offline({ personId: persons[2], purposeId: p.id, textVersionId: v.version.id });
    expect(r.json()).toMatchObject({ status: 'invalid', reasons: ['CONSENT_NOT_SPECIFIC'] });
  });

  it('R-19: a 15-year-old without the guardian is invalid; with the guardian’s consent it is valid', async () => {
    const year = t.clock.now().getUTCFullYear();
    const base = { purposeId: c.campaign, textVersionId: await textIdOf(c.campaign), birthYear: year - 15 };
    const own = await offline({ ...base, personId: persons[3] });
    expect(own.json()).toMatchObject({ status: 'invalid', reasons: ['MINOR_CONSENT_INVALID'] });
    const withGuardian = await offline({
      ...base,
      personId: persons[4],
      guardianName: 'Otto Frank',
      guardianConsented: true,
    });
    expect(withGuardian.json()).toMatchObject({ status: 'valid', reasons: [] });
    expectError(
      await offline({ ...base, personId: persons[5], guardianConsented: true }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('R-20: a consent lapses the day after its purpose’s scope date', async () => {
    const now = t.clock.now().getTime();
    const scope = new Date(now - 2 * DAY).toISOString().slice(0, 10);
    const p = await newPurpose({ scopeUntil: scope });
    const v = await newText(p.id);
    // Given during the scope (five days ago), assessed now: lapsed.
    const r = await offline({
      personId: persons[6],
      purposeId: p.id,
      textVersionId: v.version.id,
      givenAt: new Date(now - 5 * DAY).toISOString(),
    });
    expect(r.json()).toMatchObject({ status: 'lapsed', reasons: ['CONSENT_LAPSED'] });
    const open = await newPurpose({ scopeUntil: new Date(now + 30 * DAY).toISOString().slice(0, 10) });
    const w = await newText(open.id);
    const ok = await offline({ personId: persons[6], purposeId: open.id, textVersionId: w.version.id });
    expect(ok.json()).toMatchObject({ status: 'valid' });
  });

  it('R-16 / R-58: a staff withdrawal creates a suppression entry and blocks re-recording that purpose', async () => {
    const person = persons[7]!;
    const textVersionId = await textIdOf(c.volunteer);
    const given = await offline({ personId: person, purposeId: c.volunteer, textVersionId, explicit: false });
    expect(given.json().status).toBe('valid');
    const before = await auditHead(t);
    const w = await admin.request('POST', '/api/v1/consent/withdrawals', {
      body: { personId: person, purposeId: c.volunteer, channel: 'PHONE', onBehalfOf: null },
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().withdrawn).toEqual([given.json().id]);
    expect((await auditSince(t, before, 'consent.withdrawn')).map((r) => r.person_id)).toEqual([person]);
    const p = (await t.kernel.persons.findById(t.kernel.db, person))!;
    expect(await t.kernel.suppression.match(t.kernel.db, p)).toContainEqual({
      reason: 'CONSENT_WITHDRAWN',
      purposeId: c.volunteer,
    });
    const list = (await admin.request('GET', `/api/v1/persons/${person}/consents${q}`)).json().items;
    expect(list[0]).toMatchObject({ status: 'withdrawn', withdrawalChannel: 'PHONE' });
    const rows = await counts(t);
    const again = await offline({ personId: person, purposeId: c.volunteer, textVersionId, explicit: false });
    const err = expectError(again, 422, 'SUPPRESSED_CONTACT');
    expect(err.details.reasons).toEqual(['SUPPRESSED_CONTACT', 'CONSENT_WITHDRAWN']);
    expect(await counts(t)).toEqual(rows);
    // Another purpose is not blocked.
    const other = await offline({
      personId: person,
      purposeId: c.campaign,
      textVersionId: await textIdOf(c.campaign),
    });
    expect(other.statusCode, other.body).toBe(201);
  });

  it('R-62: key rotation re-encrypts consent evidence in place (the append-only guard allows ciphertext only)', async () => {
    const r = await offline({
      personId: persons[10],
      purposeId: c.campaign,
      textVersionId: await textIdOf(c.campaign),
      scan: { contentType: 'application/pdf', dataBase64: PDF },
    });
    expect(r.statusCode, r.body).toBe(201);
    const k = t.kernel;
    await k.keyring.rotate(k.db);
    expect(await reencryptAll(k.db, k.keyring)).toBeGreaterThan(0);
    expect(await countFieldsOnOldKeys(k.db, k.keyring)).toBe(0);
    const receipt = (await admin.request('GET', `/api/v1/consent/records/${r.json().id}/receipt${q}`)).json();
    expect(receipt.evidence.collector).toBe('Victor Vrijwilliger');
    const file = await admin.request('GET', `/api/v1/consent/records/${r.json().id}/scan${q}`);
    expect(file.rawPayload.equals(Buffer.from(PDF, 'base64'))).toBe(true);
  });

  it('consent records are append-only evidence (the database refuses changes)', async () => {
    const r = await offline({
      personId: persons[8],
      purposeId: c.campaign,
      textVersionId: await textIdOf(c.campaign),
    });
    const id = r.json().id;
    await expect(
      t.kernel.db.query(`UPDATE consent_records SET given_at = given_at - interval '1 day' WHERE id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(t.kernel.db.query('DELETE FROM consent_records WHERE id = $1', [id])).rejects.toThrow(
      /append-only/,
    );
  });

  it.each([
    [
      'a text version of another purpose',
      async () => ({ textVersionId: await textIdOf(c.volunteer) }),
      'textVersionId',
    ],
    [
      'a time in the future',
      async () => ({ givenAt: new Date(Date.now() + 365 * DAY).toISOString() }),
      'givenAt',
    ],
    [
      'a scan that is not a PDF',
      async () => ({
        scan: { contentType: 'application/pdf', dataBase64: Buffer.from('GIF89a').toString('base64') },
      }),
      'scan.contentType',
    ],
    ['an unknown purpose', async () => ({ purposeId: NO_SUCH_ID }), 'purposeId'],
  ])('bad offline input (%s): 400 naming the field, nothing written', async (_what, patch, field) => {
    const rows = await counts(t);
    const r = await offline({
      personId: persons[9],
      purposeId: c.campaign,
      textVersionId: await textIdOf(c.campaign),
      scan: { contentType: 'application/pdf', dataBase64: PDF },
      ...(await patch()),
    });
    const body = expectError(r, 400, 'VALIDATION_FAILED');
    expect((body.details.fields as { field: string }[]).map((f) => f.field)).toContain(field);
    expect(await counts(t)).toEqual(rows);
  });

  it('R-63: a person outside the reader’s scope does not exist for them', async () => {
    const lead = await signIn(t, 'campagne');
    const { rows } = await t.kernel.db.query<{ id: string }>(
      `SELECT p.id FROM persons p WHERE p.branch_id IS DISTINCT FROM (
         SELECT branch_id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.username = 'campagne' LIMIT 1)
       LIMIT 1`,
    );
    expectError(await lead.request('GET', `/api/v1/persons/${rows[0]!.id}/consents${q}`), 404, 'NOT_FOUND');
    expectError(await admin.request('GET', `/api/v1/persons/${NO_SUCH_ID}/consents${q}`), 404, 'NOT_FOUND');
  });
});

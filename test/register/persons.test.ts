/**
 * The person register (C1) through the HTTP API on both engines: entering persons (validation naming the
 * field and rule, nothing half-written; branch from postcode; provenance; suppression), search by each
 * key within scope, the art 9 grounds derived from records (R-01… ), the political-write guard
 * with exactly one audit entry, and 404 across scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, DAY, expectError, PURPOSE, signIn, userIdOf } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

const Q = `purpose=${encodeURIComponent(PURPOSE)}`;

describe.each(engines())('person register on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  let lead: Client; // campaign lead, branch Amsterdam (1000–1109)

  const count = async (table: string) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const create = async (body: Record<string, unknown>) => {
    const r = await admin.request('POST', '/api/v1/persons', { body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const page = async (id: string, c: Client = admin) => {
    const r = await c.request('GET', `/api/v1/persons/${id}?${Q}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const search = async (q: string, c: Client = admin) => {
    const r = await c.request('GET', `/api/v1/persons?${Q}&q=${encodeURIComponent(q)}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: { id: string; displayName: string }[]; searchedBy: string };
  };

  let aletta: string; // Amsterdam, non-member
  let johan: string; // Utrecht

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await signIn(t, 'beheer');
    adminId = await userIdOf(admin);
    lead = await signIn(t, 'campagne');
    aletta = await create({
      firstName: 'Aletta',
      infix: 'van der',
      lastName: 'Registertest',
      email: 'Aletta.Registertest@voorbeeld.invalid',
      phone: '06-11223344',
      street: 'Herengracht',
      houseNumber: '12a',
      postcode: '1017xq',
      city: 'Amsterdam',
      birthDate: '09-02-1954',
    });
    johan = await create({
      firstName: 'Johan',
      lastName: 'Zoekproef',
      email: 'johan.zoekproef@voorbeeld.invalid',
      postcode: '3511 AB',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('entering persons', () => {
    it('normalises the record, assigns the branch from the postcode and records provenance (staff_entry, by whom, when)', async () => {
      const p = await page(aletta);
      expect(p).toMatchObject({
        displayName: 'Aletta van der Registertest',
        email: 'Aletta.Registertest@voorbeeld.invalid',
        phone: '+31611223344',
        houseNumber: '12A',
        postcode: '1017 XQ',
        birthDate: '1954-02-09',
        branchName: 'Amsterdam',
        obtainedFromSubject: true,
        art14: { dueAt: null, informedAt: null },
        provenance: {
          channel: 'staff_entry',
          sourceKind: 'DATA_SUBJECT',
          collectedBy: adminId,
          collectedByName: 'beheer',
        },
      });
      expect((await page(johan)).branchName).toBe('Utrecht');
    });

    it('one person.created audit entry, ids only (no plaintext personal data)', async () => {
      const before = await auditHead(t);
      const id = await create({ firstName: 'Auditje', lastName: 'Telling', postcode: '9711 AA' });
      const events = await auditSince(t, before);
      expect(events.map((e) => [e.type, e.person_id])).toEqual([['person.created', id]]);
      expect(events[0]!.payload).not.toMatch(/Auditje|Telling|9711/);
    });

    it('R-55: data not obtained from the person get an art 14 deadline one month on', async () => {
      const id = await create({
        firstName: 'Derde',
        lastName: 'Bron',
        obtainedFromSubject: false,
        sourceKind: 'CANVASS',
      });
      const p = await page(id);
      const due = new Date(p.art14.dueAt).getTime() - t.clock.now().getTime();
      expect(due).toBeGreaterThan(27 * DAY);
      expect(due).toBeLessThan(32 * DAY);
    });

    it('bad input → 400 VALIDATION_FAILED naming every field and rule; nothing written, nothing audited', async () => {
      const [persons, before] = [await count('persons'), await auditHead(t)];
      const r = await admin.request('POST', '/api/v1/persons', {
        body: {
          firstName: 'Jan',
          email: 'geen-adres',
          postcode: '1234 SS',
          birthDate: '2099-01-01',
          phone: '12',
        },
      });
      const body = expectError(r, 400, 'VALIDATION_FAILED');
      expect(
        (body.details.fields as { field: string; rule: string; code: string }[]).map((f) => [
          f.field,
          f.rule,
          f.code,
        ]),
      ).toEqual([
        ['email', 'email.syntax', 'PERSON_FIELD_INVALID'],
        ['phone', 'phone.format', 'PERSON_FIELD_INVALID'],
        ['postcode', 'postcode.letters', 'PERSON_FIELD_INVALID'],
        ['birthDate', 'birthDate.future', 'PERSON_FIELD_INVALID'],
      ]);
      expectError(await admin.request('POST', '/api/v1/persons', { body: {} }), 400, 'VALIDATION_FAILED');
      expectError(
        await admin.request('POST', '/api/v1/persons', { body: { firstName: 7 } }),
        400,
        'VALIDATION_FAILED',
      );
      expect([await count('persons'), await auditHead(t)]).toEqual([persons, before]);
    });

    it('a duplicate e-mail address → 409 PERSON_DUPLICATE naming the field', async () => {
      const r = await admin.request('POST', '/api/v1/persons', {
        body: { firstName: 'Kopie', email: 'aletta.registertest@VOORBEELD.invalid' },
      });
      expect(expectError(r, 409, 'PERSON_DUPLICATE').details).toMatchObject({ field: 'email' });
    });

    it('R-58: an erased person does not come back: ERASED_SUBJECT with SUPPRESSED_CONTACT, audited, nothing written', async () => {
      await t.kernel.db.transaction((tx) =>
        t.kernel.suppression.add(
          tx,
          { email: 'gewist@voorbeeld.invalid' },
          'ERASURE_REQUEST',
          null,
          t.clock.now(),
        ),
      );
      const [persons, before] = [await count('persons'), await auditHead(t)];
      const r = await admin.request('POST', '/api/v1/persons', {
        body: { firstName: 'Weg', email: 'Gewist@voorbeeld.invalid' },
      });
      expect(expectError(r, 422, 'ERASED_SUBJECT').details.reasons).toEqual([
        'ERASED_SUBJECT',
        'SUPPRESSED_CONTACT',
      ]);
      expect(await count('persons')).toBe(persons);
      expect((await auditSince(t, before)).map((e) => e.type)).toEqual(['access.refused']);
    });

    it('R-63: roles without person:write cannot enter persons (403, audited)', async () => {
      const before = await auditHead(t);
      expectError(
        await lead.request('POST', '/api/v1/persons', { body: { firstName: 'Niet' } }),
        403,
        'FORBIDDEN',
      );
      expect((await auditSince(t, before)).map((e) => e.type)).toEqual(['access.refused']);
    });

    it('correcting the contact data re-indexes and moves the branch with the postcode', async () => {
      const id = await create({
        firstName: 'Verhuis',
        lastName: 'Proef',
        email: 'verhuis@voorbeeld.invalid',
        postcode: '1011 AA',
      });
      const before = await auditHead(t);
      const r = await admin.request('PUT', `/api/v1/persons/${id}/contact`, {
        body: {
          firstName: 'Verhuis',
          lastName: 'Proef',
          email: 'nieuw.adres@voorbeeld.invalid',
          postcode: '9712 CD',
        },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().changed).toEqual(['email', 'postcode']);
      expect((await page(id)).branchName).toBe('Groningen');
      expect((await search('nieuw.adres@voorbeeld.invalid')).items.map((p) => p.id)).toEqual([id]);
      expect((await search('verhuis@voorbeeld.invalid')).items).toEqual([]);
      const events = await auditSince(t, before, 'person.contact_updated');
      expect(JSON.parse(events[0]!.payload)).toEqual({ fields: ['email', 'postcode'] });
    });
  });

  describe('search (blind indexes, keyset, within scope)', () => {
    it.each([
      ['a name token', 'registertest', 'name'],
      ['two name tokens, any case and accents', 'ALETTA Registertest', 'name'],
      ['the infix as a token', 'van der Registertest', 'name'],
      ['the e-mail address, any case', 'ALETTA.registertest@voorbeeld.invalid', 'email'],
      ['the phone number, written differently', '+31 6 1122 3344', 'phone'],
      ['the full postcode', '1017XQ', 'postcode'],
    ])('finds Aletta by %s', async (_what, q, by) => {
      const r = await search(q);
      expect(r.searchedBy).toBe(by);
      expect(r.items.map((p) => p.id)).toContain(aletta);
      if (by !== 'name') expect(r.items.map((p) => p.id)).toEqual([aletta]);
    });

    it('the four postcode digits find everyone in that area, in keyset pages', async () => {
      const all = new Set<string>();
      let after = '';
      for (let i = 0; i < 20; i++) {
        const r = await admin.request('GET', `/api/v1/persons?${Q}&q=1017&limit=2${after}`);
        const body = r.json();
        for (const p of body.items) all.add(p.id);
        if (!body.next) break;
        after = `&after=${body.next}`;
      }
      const { rows } = await t.kernel.db.query<{ id: string }>(
        'SELECT id::text AS id FROM persons WHERE postcode_area = 1017',
      );
      expect(all).toEqual(new Set(rows.map((r) => r.id)));
      expect(all.has(aletta)).toBe(true);
    });

    it('a partial token does not match (exact tokens only, nothing decrypted to filter)', async () => {
      expect((await search('registert')).items).toEqual([]);
    });

    it('R-63: the campaign lead of Amsterdam finds Aletta but not Johan of Utrecht, even by exact e-mail', async () => {
      expect((await search('aletta.registertest@voorbeeld.invalid', lead)).items.map((p) => p.id)).toEqual([
        aletta,
      ]);
      expect((await search('johan.zoekproef@voorbeeld.invalid', lead)).items).toEqual([]);
    });

    it('R-63: each person found is an audited read, and the search records its key kind, not the query', async () => {
      const before = await auditHead(t);
      await search('aletta.registertest@voorbeeld.invalid');
      const events = await auditSince(t, before);
      expect(events.map((e) => [e.type, e.person_id])).toEqual([
        ['person.searched', null],
        ['person.read', aletta],
      ]);
      expect(JSON.parse(events[0]!.payload)).toEqual({ by: 'email', found: 1, page: 'first' });
      expect(events.map((e) => e.payload).join()).not.toMatch(/aletta/i);
    });

    it('a query with no searchable term → 400 naming q', async () => {
      const r = await admin.request('GET', `/api/v1/persons?${Q}&q=${encodeURIComponent('--- ...')}`);
      expect((expectError(r, 400, 'VALIDATION_FAILED').details.fields as { field: string }[])[0]!.field).toBe(
        'q',
      );
    });
  });

  describe('R-63: 404 across scopes', () => {
    it('the campaign lead gets 404 for Johan (Utrecht), identical to a missing id; writes too', async () => {
      const hidden = await lead.request('GET', `/api/v1/persons/${johan}?${Q}`);
      const missing = await lead.request('GET', `/api/v1/persons/7d4e1c2a-9b3f-4e5d-8a6b-1c2d3e4f5a6b?${Q}`);
      expectError(hidden, 404, 'NOT_FOUND');
      expect(hidden.body).toBe(missing.body);
    });

    it('history is for admin and FG only (403 for others), and reading it is audited', async () => {
      expectError(await lead.request('GET', `/api/v1/persons/${aletta}/history?${Q}`), 403, 'FORBIDDEN');
      const before = await auditHead(t);
      const r = await admin.request('GET', `/api/v1/persons/${aletta}/history?${Q}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().items.map((e: { type: string }) => e.type)).toContain('person.created');
      expect((await auditSince(t, before)).map((e) => e.type)).toEqual(['person.history_read']);
    });
  });

  describe('art 9 grounds derived from records', () => {
    it('R-01: a new person holds NONE and is a non-member', async () => {
      expect((await page(aletta)).political).toMatchObject({
        primary: 'NONE',
        relation: 'non_member',
        grounds: [],
      });
    });

    it('R-01: a political tag on a person with NONE → 422 NO_EXPLICIT_CONSENT, exactly one audit entry, nothing written', async () => {
      const [attrs, before] = [await count('person_attributes'), await auditHead(t)];
      const r = await admin.request('POST', `/api/v1/persons/${aletta}/tags`, {
        body: { key: 'vrijwilliger' },
      });
      expect(expectError(r, 422, 'NO_EXPLICIT_CONSENT').details.reasons).toEqual(['NO_EXPLICIT_CONSENT']);
      const events = await auditSince(t, before);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'access.refused', person_id: aletta, actor_id: adminId });
      expect(JSON.parse(events[0]!.payload)).toEqual({
        action: 'person.add_tag',
        code: 'NO_EXPLICIT_CONSENT',
      });
      expect(await count('person_attributes')).toBe(attrs);
    });

    it('R-01: a political field and a political note are refused the same way; an ordinary tag is fine', async () => {
      expectError(
        await admin.request('POST', `/api/v1/persons/${aletta}/fields`, {
          body: { key: 'standpunt-wonen', value: 'Meer woningen' },
        }),
        422,
        'NO_EXPLICIT_CONSENT',
      );
      expectError(
        await admin.request('POST', `/api/v1/persons/${aletta}/notes`, {
          body: { key: 'gespreksnotitie-politiek', value: 'Stemt op ons' },
        }),
        422,
        'NO_EXPLICIT_CONSENT',
      );
      const ok = await admin.request('POST', `/api/v1/persons/${aletta}/tags`, {
        body: { key: 'nieuwsbrief' },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().dataClass).toBe('ordinary');
    });

    it('R-43: a BSN in a note is masked', async () => {
      const r = await admin.request('POST', `/api/v1/persons/${aletta}/notes`, {
        body: { key: 'belnotitie', value: 'Gaf per ongeluk BSN 111222333 door' },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().masked).toBe(1);
      const note = (await page(aletta)).attributes.find((a: { key: string }) => a.key === 'belnotitie');
      expect(note.value).not.toContain('111222333');
    });

    it('R-04: a regular contact whose only link is one petition signature is refused, audited, nothing written', async () => {
      const [rows, before] = [await count('regular_contact_evidence'), await auditHead(t)];
      const r = await admin.request('POST', `/api/v1/persons/${aletta}/evidence/regular-contact`, {
        body: { kind: 'PETITION_SIGNATURE', occurrences: ['2025-03-01'], description: 'Petitie woningbouw' },
      });
      expect(expectError(r, 422, 'REGULAR_CONTACT_EVIDENCE_INSUFFICIENT').details.problems).toEqual([
        'single_occurrence',
      ]);
      expect(await count('regular_contact_evidence')).toBe(rows);
      expect((await auditSince(t, before)).map((e) => e.type)).toEqual(['access.refused']);
      expect((await page(aletta)).political.primary).toBe('NONE');
    });

    it('R-07: 9(2)(e) with activeAct LIKE → NOT_MANIFESTLY_PUBLIC; a friends-only post too; nothing written', async () => {
      const rows = await count('public_evidence');
      const base = {
        url: 'https://sociaal.voorbeeld.invalid/p/1',
        quote: 'Vind ik leuk',
        capturedAt: t.clock.now().toISOString(),
        captureMethod: 'schermafdruk',
        topic: 'steun',
      };
      const like = await admin.request('POST', `/api/v1/persons/${aletta}/evidence/public`, {
        body: { ...base, activeAct: 'LIKE', audienceUnrestricted: true },
      });
      expect(expectError(like, 422, 'NOT_MANIFESTLY_PUBLIC').details.problems).toEqual(['activeAct:LIKE']);
      const friends = await admin.request('POST', `/api/v1/persons/${aletta}/evidence/public`, {
        body: { ...base, activeAct: 'PUBLIC_STATEMENT_OWN_NAME', audienceUnrestricted: false },
      });
      expect(expectError(friends, 422, 'NOT_MANIFESTLY_PUBLIC').details.problems).toEqual([
        'audience_restricted',
      ]);
      expect(await count('public_evidence')).toBe(rows);
    });

    let statement: string;
    it('R-07: an own public statement with a snapshot is accepted, the acting user is the reviewer → MANIFESTLY_PUBLIC_9_2_E', async () => {
      const r = await admin.request('POST', `/api/v1/persons/${aletta}/evidence/public`, {
        body: {
          url: 'https://krant.voorbeeld.invalid/opinie/1',
          quote: 'Ik steun de Partij voor de Polder.',
          capturedAt: new Date(t.clock.now().getTime() - DAY).toISOString(),
          activeAct: 'PUBLIC_STATEMENT_OWN_NAME',
          audienceUnrestricted: true,
          captureMethod: 'schermafdruk',
          topic: 'steun voor de partij',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      statement = r.json().id;
      const p = (await page(aletta)).political;
      expect(p.primary).toBe('MANIFESTLY_PUBLIC_9_2_E');
      expect(p.publicEvidence[0]).toMatchObject({
        id: statement,
        reviewedBy: adminId,
        reviewedByName: 'beheer',
      });
    });

    it('R-07: under 9(2)(e) alone, political data only linked to the statement (PUBLIC_EVIDENCE_REQUIRED otherwise)', async () => {
      expectError(
        await admin.request('POST', `/api/v1/persons/${aletta}/tags`, { body: { key: 'vrijwilliger' } }),
        422,
        'PUBLIC_EVIDENCE_REQUIRED',
      );
      const ok = await admin.request('POST', `/api/v1/persons/${aletta}/fields`, {
        body: { key: 'standpunt-wonen', value: 'Steunt het woningbouwplan', publicEvidenceId: statement },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().dataClass).toBe('political');
    });

    it('R-04: a volunteer with two shifts becomes a regular contact, with the caution badge', async () => {
      const r = await admin.request('POST', `/api/v1/persons/${johan}/evidence/regular-contact`, {
        body: {
          kind: 'ACTIVE_VOLUNTEER',
          occurrences: ['2025-03-01', '2025-03-15'],
          description: 'Folderen',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      const p = (await page(johan)).political;
      expect([p.primary, p.relation]).toEqual(['REGULAR_CONTACT_9_2_D', 'regular_contact']);
      expect(p.cautions.map((c: { code: string }) => c.code)).toEqual(['REGULAR_CONTACT']);
      // Retracting the evidence removes the ground.
      const x = await admin.request(
        'POST',
        `/api/v1/persons/${johan}/evidence/regular-contact/${r.json().id}/retract`,
        {
          body: { reason: 'Verkeerd vastgelegd' },
        },
      );
      expect(x.statusCode, x.body).toBe(204);
      expect((await page(johan)).political.primary).toBe('NONE');
    });

    it('R-02/R-04: a membership gives MEMBER_9_2_D and allows the political tag; ending it gives FORMER_MEMBER_9_2_D, which lapses after 2 years (R-50)', async () => {
      const m = await admin.request('POST', `/api/v1/persons/${johan}/memberships`, {
        body: { since: '2019-05-01', branchId: null },
      });
      expect(m.statusCode, m.body).toBe(201);
      expect((await page(johan)).political).toMatchObject({ primary: 'MEMBER_9_2_D', relation: 'member' });
      const tag = await admin.request('POST', `/api/v1/persons/${johan}/tags`, {
        body: { key: 'vrijwilliger' },
      });
      expect(tag.statusCode, tag.body).toBe(201);
      expectError(
        await admin.request('POST', `/api/v1/persons/${johan}/memberships`, {
          body: { since: '2020-01-01' },
        }),
        409,
        'MEMBERSHIP_ACTIVE_EXISTS',
      );
      const today = t.clock.now().toISOString().slice(0, 10);
      const end = await admin.request('POST', `/api/v1/persons/${johan}/memberships/${m.json().id}/end`, {
        body: { until: today },
      });
      expect(end.statusCode, end.body).toBe(204);
      t.clock.advance(DAY);
      admin = await signIn(t, 'beheer'); // a day later the session has timed out
      const former = (await page(johan)).political;
      expect([former.primary, former.relation, former.cautions.map((c: { code: string }) => c.code)]).toEqual(
        ['FORMER_MEMBER_9_2_D', 'former_member', ['FORMER_MEMBER']],
      );
      t.clock.advance(2 * 366 * DAY);
      admin = await signIn(t, 'beheer');
      expect((await page(johan)).political.primary).toBe('NONE');
    });

    it('R-12: setting 9(2)(g) by API → BASIS_NOT_AVAILABLE_IN_JURISDICTION; any other ground → GROUND_IS_DERIVED; audited', async () => {
      const before = await auditHead(t);
      const g = await admin.request('PUT', `/api/v1/persons/${aletta}/ground`, {
        body: { basis: 'SUBSTANTIAL_PUBLIC_INTEREST_9_2_G' },
      });
      expect(expectError(g, 422, 'BASIS_NOT_AVAILABLE_IN_JURISDICTION').details.reasons).toEqual([
        'BASIS_NOT_AVAILABLE_IN_JURISDICTION',
        'GROUND_IS_DERIVED',
      ]);
      expectError(
        await admin.request('PUT', `/api/v1/persons/${aletta}/ground`, { body: { basis: 'MEMBER_9_2_D' } }),
        422,
        'GROUND_IS_DERIVED',
      );
      expect((await auditSince(t, before)).map((e) => e.type)).toEqual(['access.refused', 'access.refused']);
    });
  });

  describe('R-02: classification', () => {
    it('membership definitions are locked political: reclassifying → 409 CLASSIFICATION_LOCKED', async () => {
      const defs = (await admin.request('GET', '/api/v1/field-definitions')).json().items as {
        id: string;
        key: string;
        dataClass: string;
        locked: boolean;
      }[];
      const status = defs.find((d) => d.key === 'lidmaatschap.status')!;
      expect(status).toMatchObject({ dataClass: 'political', locked: true });
      const r = await admin.request('PUT', `/api/v1/field-definitions/${status.id}`, {
        body: { labelNl: 'Status', labelEn: 'Status', dataClass: 'ordinary', proxyRisk: 'none' },
      });
      expectError(r, 409, 'CLASSIFICATION_LOCKED');
    });

    it('R-08: a new tag about a party event is political whatever was asked', async () => {
      const r = await admin.request('POST', '/api/v1/field-definitions', {
        body: {
          key: 'partijcongres-2026',
          labelNl: 'Partijcongres 2026',
          labelEn: 'Party congress 2026',
          kind: 'tag',
          dataClass: 'ordinary',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json()).toMatchObject({ dataClass: 'political', proxyRisk: 'high' });
    });

    it('R-02: every column of memberships is classified, and every political one is encrypted', async () => {
      const { MEMBERSHIP_COLUMNS } = await import('../../src/storage/memberships-repo.js');
      const { rows } = await t.kernel.db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'memberships'`,
      );
      expect(new Set(rows.map((r) => r.column_name))).toEqual(new Set(Object.keys(MEMBERSHIP_COLUMNS)));
      for (const [column, cls] of Object.entries(MEMBERSHIP_COLUMNS)) {
        if (cls === 'political') expect(column).toMatch(/_enc$/);
      }
    });
  });
});

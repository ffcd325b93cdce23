/**
 * R-63 need-to-know scopes over HTTP: each role lists only the persons in its scope, a person outside it
 * is answered exactly like one that does not exist, and every person shown is an audited read (actor,
 * person, purpose) written in the same transaction. R-86: no contact data before the briefing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import {
  auditHead,
  auditSince,
  codeNow,
  DAY,
  expectError,
  NO_SUCH_ID,
  PURPOSE,
  signIn,
  userIdOf,
} from './helpers.js';

const ROLES = ['beheer', 'fg', 'campagne', 'team', 'kandidaat', 'vrijwilliger'] as const;
type Who = (typeof ROLES)[number];
const Q = `purpose=${encodeURIComponent(PURPOSE)}`;

interface ListItem {
  id: string;
  displayName: string;
  branchName: string | null;
  postcode: string | null;
}

describe.each(engines())('R-63 scope and audited reads over HTTP (%s)', (engine) => {
  let t: TestApp;
  const clients = {} as Record<Who, Client>;
  const ids = {} as Record<Who, string>;
  const expected = {} as Record<Who, Set<string>>;

  const sqlIds = async (where: string, params: unknown[] = []) => {
    const { rows } = await t.kernel.db.query<{ id: string }>(
      `SELECT p.id::text AS id FROM persons p LEFT JOIN branches b ON b.id = p.branch_id ${where}`,
      params,
    );
    return new Set(rows.map((r) => r.id));
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    for (const who of ROLES) {
      clients[who] = await signIn(t, who);
      ids[who] = await userIdOf(clients[who]);
    }
    const cand = (await clients.kandidaat.request('GET', '/api/v1/me')).json().roles[0].candidateId as string;
    expected.beheer = await sqlIds('');
    expected.fg = expected.beheer;
    expected.campagne = await sqlIds(`WHERE b.name = 'Amsterdam'`);
    expected.team = await sqlIds(`WHERE b.name = 'Utrecht'`);
    expected.kandidaat = await sqlIds('WHERE $1 = ANY (p.candidate_ids)', [cand]);
    expected.vrijwilliger = await sqlIds('WHERE p.postcode_area BETWEEN 1000 AND 1019');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the demo gives every scope some persons, and narrower scopes fewer (sanity of the fixture)', () => {
    expect(expected.beheer.size).toBe(120);
    for (const who of ['campagne', 'team', 'kandidaat', 'vrijwilliger'] as const) {
      expect([who, expected[who].size > 0 && expected[who].size < 120]).toEqual([who, true]);
    }
  });

  const list = async (who: Who, query = 'limit=200') => {
    const r = await clients[who].request('GET', `/api/v1/persons?${Q}&${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: ListItem[]; next: string | null };
  };

  it.each([
    ['beheer', 'R-63: admin (party-wide) lists all 120 persons'],
    ['fg', 'R-63: FG (party-wide) lists all 120 persons'],
    ['campagne', 'R-63: campaign lead of Amsterdam lists only persons of branch Amsterdam'],
    ['team', 'R-63: team member of Utrecht lists only persons of branch Utrecht'],
    ['kandidaat', 'R-63: candidate lists only the persons linked to the candidate'],
    ['vrijwilliger', 'R-63: volunteer for 1000–1019 lists only persons with postcodes 1000–1019'],
  ] as [Who, string][])('%s: %s', async (who) => {
    const page = await list(who);
    expect(new Set(page.items.map((p) => p.id))).toEqual(expected[who]);
    expect(page.next).toBeNull();
    if (who === 'campagne')
      expect(new Set(page.items.map((p) => p.branchName))).toEqual(new Set(['Amsterdam']));
    if (who === 'team') expect(new Set(page.items.map((p) => p.branchName))).toEqual(new Set(['Utrecht']));
    if (who === 'vrijwilliger') {
      for (const p of page.items) {
        const digits = Number(p.postcode!.slice(0, 4));
        expect([p.postcode, digits >= 1000 && digits <= 1019]).toEqual([p.postcode, true]);
      }
    }
    // Data minimisation: the list shows no contact fields.
    for (const p of page.items)
      expect(Object.keys(p).sort()).toEqual(['branchName', 'displayName', 'id', 'postcode']);
  });

  it('R-63: keyset pages stay inside the scope (campaign lead, 7 per page)', async () => {
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 50; i++) {
      const page = await list('campagne', `limit=7${after}`);
      seen.push(...page.items.map((p) => p.id));
      if (!page.next) break;
      after = `&after=${page.next}`;
    }
    expect(seen.length).toBe(expected.campagne.size);
    expect(new Set(seen)).toEqual(expected.campagne);
  });

  it('R-63: every person listed is one audited read: actor, person_id, purpose (and nothing more)', async () => {
    for (const who of ROLES) {
      const before = await auditHead(t);
      const r = await clients[who].request('GET', `/api/v1/persons?${Q}&limit=5`);
      const shown = (r.json() as { items: ListItem[] }).items.map((p) => p.id);
      const reads = await auditSince(t, before, 'person.read');
      expect(reads.map((e) => e.person_id)).toEqual(shown);
      for (const e of reads) {
        expect(e).toMatchObject({ actor_type: 'user', actor_id: ids[who], purpose: PURPOSE });
        expect(JSON.parse(e.payload)).toEqual({ view: 'list' });
      }
      expect(await auditSince(t, before)).toHaveLength(shown.length); // no other entries for a read
    }
  });

  it('R-63: GET /persons/:id in scope → the person and one audited read with the purpose (plus the political read for staff, R-02)', async () => {
    for (const who of ROLES) {
      const id = [...expected[who]][0]!;
      const before = await auditHead(t);
      const r = await clients[who].request('GET', `/api/v1/persons/${id}?${Q}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ id, firstName: expect.any(String), lastName: expect.any(String) });
      const staff = who === 'beheer' || who === 'fg';
      // campaign roles see no political data (membership, grounds); staff do, and that read is logged.
      expect(r.json().political === null).toBe(!staff);
      expect(await auditSince(t, before)).toEqual([
        expect.objectContaining({ type: 'person.read', actor_id: ids[who], person_id: id, purpose: PURPOSE }),
        ...(staff
          ? [
              expect.objectContaining({
                type: 'person.political_read',
                actor_id: ids[who],
                person_id: id,
                purpose: PURPOSE,
              }),
            ]
          : []),
      ]);
    }
  });

  it('R-63: a person outside the scope → 404 NOT_FOUND, byte for byte like a non-existent id, and no read is logged', async () => {
    const all = [...expected.beheer];
    for (const who of ['campagne', 'team', 'kandidaat', 'vrijwilliger'] as const) {
      const outside = all.find((id) => !expected[who].has(id))!;
      const before = await auditHead(t);
      const hidden = await clients[who].request('GET', `/api/v1/persons/${outside}?${Q}`);
      const missing = await clients[who].request('GET', `/api/v1/persons/${NO_SUCH_ID}?${Q}`);
      expectError(hidden, 404, 'NOT_FOUND');
      expect([who, hidden.statusCode, hidden.body]).toEqual([who, missing.statusCode, missing.body]);
      expect(hidden.headers['content-length']).toBe(missing.headers['content-length']);
      expect(await auditSince(t, before, 'person.read')).toEqual([]);
      // Appendix C.0: the refusal itself is on record (the answer stays identical to a missing id).
      const refused = await auditSince(t, before, 'access.refused');
      expect(refused).toEqual([expect.objectContaining({ person_id: outside })]);
      expect(JSON.parse(refused[0]!.payload)).toEqual({ action: 'person.read', code: 'NOT_FOUND' });
    }
  });

  it('R-63: purpose missing or too short → 400 VALIDATION_FAILED and nothing is read or logged', async () => {
    const id = [...expected.campagne][0]!;
    const before = await auditHead(t);
    for (const url of [
      '/api/v1/persons',
      '/api/v1/persons?purpose=',
      '/api/v1/persons?purpose=%20%20x%20',
      `/api/v1/persons/${id}`,
      `/api/v1/persons/${id}?purpose=ab`,
    ]) {
      const body = expectError(await clients.campagne.request('GET', url), 400, 'VALIDATION_FAILED');
      expect([url, (body.details.fields as { field: string }[]).map((f) => f.field)]).toEqual([
        url,
        ['purpose'],
      ]);
    }
    expect(await auditSince(t, before)).toEqual([]);
  });

  it('R-63: a read whose audit entry cannot be written shows no personal data (same transaction)', async () => {
    // Make the audit trail refuse this one purpose (a trigger in this throwaway database), then read.
    const probe = 'Audit weigert deze lezing';
    await t.kernel.db.exec(`
      CREATE FUNCTION kk_test_refuse_read() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'person.read' AND NEW.purpose = '${probe}' THEN RAISE EXCEPTION 'audit refused (test)'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER kk_test_refuse_read BEFORE INSERT ON audit_events
        FOR EACH ROW EXECUTE FUNCTION kk_test_refuse_read();`);
    try {
      const before = await auditHead(t);
      const q = `purpose=${encodeURIComponent(probe)}`;
      const r = await clients.beheer.request('GET', `/api/v1/persons?${q}&limit=3`);
      expectError(r, 500, 'INTERNAL_ERROR');
      expect(r.body).not.toMatch(/"items"|displayName|postcode/);
      const one = await clients.beheer.request('GET', `/api/v1/persons/${[...expected.beheer][0]}?${q}`);
      expectError(one, 500, 'INTERNAL_ERROR');
      expect(one.body).not.toMatch(/firstName|email/);
      expect(await auditHead(t)).toBe(before);
    } finally {
      await t.kernel.db.exec(
        'DROP TRIGGER kk_test_refuse_read ON audit_events; DROP FUNCTION kk_test_refuse_read();',
      );
    }
    // With the trail accepting entries again, the same read works.
    expect((await clients.beheer.request('GET', `/api/v1/persons?${Q}&limit=3`)).statusCode).toBe(200);
  });

  describe('R-86: a campaign role sees no contact data before the briefing is acknowledged', () => {
    let fresh: Client;
    beforeAll(async () => {
      const password = 'nieuw-en-lang-genoeg';
      const validUntil = new Date(t.clock.now().getTime() + 30 * DAY).toISOString();
      const created = await clients.beheer.request('POST', '/api/v1/users', {
        body: {
          username: 'nieuwe-vrijwilliger',
          displayName: 'Nieuwe Vrijwilliger',
          password,
          role: 'volunteer',
          area: { from: 1000, to: 1019 },
          validUntil,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      fresh = t.client();
      expect((await fresh.logInPassword('nieuwe-vrijwilliger', password)).json().stage).toBe('mfa_enroll');
      const secret = (await fresh.request('GET', '/api/v1/auth/mfa/enroll')).json().secret as string;
      const ok = await fresh.request('POST', '/api/v1/auth/mfa/enroll', {
        body: { code: codeNow(t, secret) },
      });
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('R-86: GET /persons/:id in scope → 403 BRIEFING_NOT_ACKNOWLEDGED, no read logged', async () => {
      const before = await auditHead(t);
      const id = [...expected.vrijwilliger][0]!;
      expectError(await fresh.request('GET', `/api/v1/persons/${id}?${Q}`), 403, 'BRIEFING_NOT_ACKNOWLEDGED');
      expect(await auditSince(t, before, 'person.read')).toEqual([]);
    });

    it('R-86: the person list → 403 BRIEFING_NOT_ACKNOWLEDGED', async () => {
      const r = await fresh.request('GET', `/api/v1/persons?${Q}`);
      expect(r.json().items ?? []).toEqual([]); // no data either way
      expectError(r, 403, 'BRIEFING_NOT_ACKNOWLEDGED');
    });
  });
});

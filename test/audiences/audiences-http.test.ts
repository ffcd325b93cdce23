/**
 * Audiences over HTTP on both engines (C5): records built through the product's own use cases, criteria
 * bound to a registered activity, evaluation through the legal gate with counts per reason, who and why,
 * scope (a candidate sees only their persons; another scope's audience is 404), bad input naming the field,
 * the segment classification, and snapshots frozen with their counts audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead, auditSince, expectError, NO_SUCH_ID, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { type AudienceWorld, setUpWorld } from './fixture.js';

describe.each(engines())('audiences on %s', (engine) => {
  let t: TestApp;
  let w: AudienceWorld;
  let admin: Client;
  let candidate: Client;
  let team: Client;

  const count = async (table: string) =>
    (await t.kernel.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  const create = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.request('POST', '/api/v1/audiences', { body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as {
      id: string;
      classification: string;
      classificationDetail: { why: { why: string }[]; flags: string[]; adClass: string };
    };
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    w = await setUpWorld(t);
    admin = await signIn(t, 'beheer');
    candidate = await signIn(t, 'kandidaat');
    team = await signIn(t, 'team');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the builder options list branches, tags with class, purposes, languages and activities', async () => {
    const r = await admin.request('GET', '/api/v1/audience-criteria/options');
    expect(r.statusCode, r.body).toBe(200);
    const o = r.json();
    expect(o.branches.length).toBeGreaterThan(0);
    expect(o.tags).toContainEqual(
      expect.objectContaining({ id: w.tagId, dataClass: 'ordinary', proxyRisk: 'none' }),
    );
    expect(o.purposes).toContainEqual(expect.objectContaining({ id: w.cat.campaign, political: true }));
    expect(o.languages).toContain('nl');
    expect(o.activities.map((a: { id: string }) => a.id)).toContain(w.letter);
  });

  it('evaluates through the gate: included, excluded per reason, persons excluded (R-01, R-06, R-16, R-27)', async () => {
    const a = await create(admin, {
      name: 'Getagd',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId] },
    });
    expect(a.classification).toBe('ordinary');
    const before = await auditHead(t);
    const r = await admin.request('POST', `/api/v1/audiences/${a.id}/evaluation`);
    expect(r.statusCode, r.body).toBe(200);
    const e = r.json();
    // member (9(2)(d)), consented (9(2)(a)) and the candidate's consented person are in; the objector,
    // the withdrawn and the bare non-member are out
    expect(e.matched).toBe(6);
    expect(e.includedCount).toBe(3);
    expect(e.excludedPersons).toBe(3);
    expect(e.excluded.OBJECTED).toBe(1);
    expect(e.excluded.CONSENT_WITHDRAWN).toBe(1);
    expect(e.excluded.NO_EXPLICIT_CONSENT).toBeGreaterThanOrEqual(1);
    const reasonsTotal = Object.values(e.excluded as Record<string, number>).reduce((s, n) => s + n, 0);
    expect(reasonsTotal).toBeGreaterThanOrEqual(e.excludedPersons);
    const audit = await auditSince(t, before, 'audience.evaluated');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({ included: 3, excludedPersons: 3 });
    expect(audit[0]!.payload).not.toContain('Doelgroeptest');

    // who and why: the objector, by reason; reads audited per person
    const seq = await auditHead(t);
    const x = await admin.request(
      'GET',
      `/api/v1/audiences/${a.id}/explain?outcome=excluded&reason=OBJECTED`,
    );
    expect(x.statusCode, x.body).toBe(200);
    expect(x.json().items).toEqual([
      expect.objectContaining({
        personId: w.objector,
        displayName: 'Otto Doelgroeptest',
        reasons: expect.arrayContaining(['OBJECTED']),
      }),
    ]);
    const reads = await auditSince(t, seq, 'person.read');
    expect(reads.map((r) => r.person_id)).toEqual([w.objector]);
    expect(await auditSince(t, seq, 'audience.explained')).toHaveLength(1);

    // included, paginated by person id
    const p1 = await admin.request('GET', `/api/v1/audiences/${a.id}/explain?outcome=included&limit=2`);
    expect(p1.statusCode, p1.body).toBe(200);
    expect(p1.json().items).toHaveLength(2);
    expect(p1.json().next).not.toBeNull();
    const p2 = await admin.request(
      'GET',
      `/api/v1/audiences/${a.id}/explain?outcome=included&limit=2&cursor=${p1.json().next}`,
    );
    const ids = [...p1.json().items, ...p2.json().items].map((i: { personId: string }) => i.personId).sort();
    expect(ids).toEqual([w.member, w.consented, w.candidatePerson].sort());
    expect(p2.json().next).toBeNull();
  });

  it('matches what SQL cannot see: membership status and a valid consent per purpose (R-02, R-16)', async () => {
    const members = await create(admin, {
      name: 'Leden getagd',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId], membership: { statuses: ['active'] } },
    });
    expect(members.classification).toBe('political');
    expect(members.classificationDetail.why.map((x) => x.why)).toEqual(['membership']);
    const r = (await admin.request('POST', `/api/v1/audiences/${members.id}/evaluation`)).json();
    expect(r).toMatchObject({ matched: 2, includedCount: 1, excludedPersons: 1, excluded: { OBJECTED: 1 } });

    const consenting = await create(admin, {
      name: 'Toestemming getagd',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId], consentPurposeIds: [w.cat.campaign] },
    });
    const c = (await admin.request('POST', `/api/v1/audiences/${consenting.id}/evaluation`)).json();
    // the withdrawn consent does not count: only the two valid ones match
    expect(c).toMatchObject({ matched: 2, includedCount: 2, excludedPersons: 0 });
  });

  it('a candidate sees only their own persons and audiences; another scope is 404 (R-63)', async () => {
    const mine = await create(candidate, {
      name: 'Mijn mensen',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId] },
    });
    const r = (await candidate.request('POST', `/api/v1/audiences/${mine.id}/evaluation`)).json();
    expect(r).toMatchObject({ matched: 1, includedCount: 1 });
    const x = (
      await candidate.request('GET', `/api/v1/audiences/${mine.id}/explain?outcome=included`)
    ).json();
    expect(x.items.map((i: { personId: string }) => i.personId)).toEqual([w.candidatePerson]);

    const partyWide = await create(admin, {
      name: 'Partijbreed',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId] },
    });
    const seq = await auditHead(t);
    expectError(await candidate.request('GET', `/api/v1/audiences/${partyWide.id}`), 404, 'NOT_FOUND');
    expectError(
      await candidate.request('POST', `/api/v1/audiences/${partyWide.id}/evaluation`),
      404,
      'NOT_FOUND',
    );
    expectError(await team.request('GET', `/api/v1/audiences/${mine.id}`), 404, 'NOT_FOUND');
    expect((await auditSince(t, seq, 'access.refused')).length).toBe(3);
    expectError(await candidate.request('GET', `/api/v1/audiences/${NO_SUCH_ID}`), 404, 'NOT_FOUND');

    const list = (await candidate.request('GET', '/api/v1/audiences'))
      .json()
      .items.map((a: { id: string }) => a.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(partyWide.id);
    // party-wide roles see the candidate's audience, evaluated within the candidate's scope
    const seen = await admin.request('GET', `/api/v1/audiences/${mine.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().audience.scoped).toBe(true);
    expect((await admin.request('POST', `/api/v1/audiences/${mine.id}/evaluation`)).json().matched).toBe(1);
  });

  it('refuses bad input naming the field; nothing is written', async () => {
    const before = await count('audiences');
    const unknown = expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: { name: 'Fout', activityId: w.letter, criteria: { tagIdsAll: [w.tagId], religie: ['x'] } },
      }),
      400,
      'AUDIENCE_UNKNOWN_CRITERION',
    );
    expect(unknown.details.fields).toContainEqual(expect.objectContaining({ field: 'criteria.religie' }));
    const contradictory = expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: {
          name: 'Fout',
          activityId: w.letter,
          criteria: {
            tagIdsAll: [w.tagId],
            tagIdsNone: [w.tagId],
            postcodeRanges: [{ from: 2000, to: 1000 }],
          },
        },
      }),
      400,
      'AUDIENCE_CRITERIA_CONTRADICTORY',
    );
    expect((contradictory.details.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'criteria.postcodeRanges.0',
      'criteria.tagIdsNone',
    ]);
    expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: { name: 'Leeg', activityId: w.letter, criteria: {} },
      }),
      400,
      'AUDIENCE_CRITERIA_EMPTY',
    );
    const noActivity = expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: { name: 'Fout', activityId: NO_SUCH_ID, criteria: { everyone: true } },
      }),
      400,
      'AUDIENCE_ACTIVITY_UNKNOWN',
    );
    expect(noActivity.details.fields).toContainEqual(expect.objectContaining({ field: 'activityId' }));
    expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: {
          name: 'Fout',
          activityId: w.letter,
          criteria: { membership: { statuses: ['none'], sinceFrom: '2020-01-01' } },
        },
      }),
      400,
      'AUDIENCE_CRITERIA_CONTRADICTORY',
    );
    expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: { name: 'Fout', activityId: w.letter, criteria: { branchIds: [NO_SUCH_ID] } },
      }),
      400,
      'AUDIENCE_REFERENCE_UNKNOWN',
    );
    expectError(
      await admin.request('GET', `/api/v1/audiences/${NO_SUCH_ID}/explain?outcome=sometimes`),
      400,
      'VALIDATION_FAILED',
    );
    expect(await count('audiences')).toBe(before);
  });

  it('refuses a political segment for a political ad with every reason, audited (R-24, R-77)', async () => {
    const before = await count('audiences');
    const seq = await auditHead(t);
    const r = expectError(
      await admin.request('POST', '/api/v1/audiences', {
        body: {
          name: 'Leden advertentie',
          activityId: w.politicalAd,
          criteria: { membership: { statuses: ['active'] } },
        },
      }),
      422,
      'TTPA_SPECIAL_CATEGORY_PROFILING',
    );
    expect(r.details.reasons).toEqual(['TTPA_SPECIAL_CATEGORY_PROFILING']);
    expect(await count('audiences')).toBe(before);
    const audit = await auditSince(t, seq, 'audience.refused');
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({ reasons: ['TTPA_SPECIAL_CATEGORY_PROFILING'] });
    // a consented list used as provided may be attached
    await create(admin, {
      name: 'Toestemmingslijst advertentie',
      activityId: w.politicalAd,
      criteria: { consentPurposeIds: [w.cat.campaign] },
    });
  });

  it('updates an audience and classifies it again', async () => {
    const a = await create(admin, {
      name: 'Wijzig mij',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId] },
    });
    const r = await admin.request('PUT', `/api/v1/audiences/${a.id}`, {
      body: { name: 'Gewijzigd', activityId: w.letter, criteria: { tagIdsAll: [w.tagId], events: {} } },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ name: 'Gewijzigd', classification: 'political' });
    expect(r.json().classificationDetail.why).toEqual([{ key: 'event_attendance', why: 'event_attendance' }]);
  });

  it('freezes a snapshot: members, counts and an audit event with the counts (Appendix C.0)', async () => {
    const a = await create(admin, {
      name: 'Bevriezen',
      activityId: w.letter,
      criteria: { tagIdsAll: [w.tagId] },
    });
    const seq = await auditHead(t);
    const r = await admin.request('POST', `/api/v1/audiences/${a.id}/snapshots`, {
      body: { usedFor: 'review' },
    });
    expect(r.statusCode, r.body).toBe(201);
    const s = r.json();
    expect(s).toMatchObject({
      includedCount: 3,
      excludedPersons: 3,
      excluded: { OBJECTED: 1, CONSENT_WITHDRAWN: 1 },
    });
    const members = await t.kernel.db.query<{ person_id: string }>(
      'SELECT person_id FROM audience_snapshot_members WHERE snapshot_id = $1 ORDER BY person_id',
      [s.snapshotId],
    );
    expect(members.rows.map((m) => m.person_id)).toEqual([w.member, w.consented, w.candidatePerson].sort());
    const audit = await auditSince(t, seq, 'audience.snapshot_frozen');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.object_id).toBe(s.snapshotId);
    expect(JSON.parse(audit[0]!.payload)).toMatchObject({
      audienceId: a.id,
      usedFor: 'review',
      included: 3,
      excludedPersons: 3,
      excluded: { OBJECTED: 1, CONSENT_WITHDRAWN: 1 },
    });
    const list = await admin.request('GET', `/api/v1/audiences/${a.id}/snapshots`);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: s.snapshotId, includedCount: 3, usedFor: 'review' }),
    ]);
    expectError(
      await candidate.request('POST', `/api/v1/audiences/${a.id}/snapshots`, { body: { usedFor: 'review' } }),
      404,
      'NOT_FOUND',
    );
  });
});

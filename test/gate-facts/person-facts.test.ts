/**
 * The legal gate's person facts from the register on both engines (C4): records built through the
 * product's own use cases (person, membership, evidence, tag, offline consent, withdrawal), read back as
 * PersonFacts and GateSubjects by `loadPersonFacts` / `streamGateSubjects`, with the prefilter matching
 * person search's scope and the audience criteria.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access/actor.js';
import { personListScope } from '../../src/domain/access/policies.js';
import { assess } from '../../src/domain/gate/assess.js';
import { consentCatalogueRepo } from '../../src/storage/consent-catalogue-repo.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { recordOfflineConsent } from '../../src/usecases/consent/record-offline-consent.js';
import { withdrawConsent } from '../../src/usecases/consent/withdraw-consent.js';
import { loadGateContext } from '../../src/usecases/gate/gate-context.js';
import { processingFactsFor } from '../../src/usecases/gate/processing-facts.js';
import {
  countSubjects,
  type GateSubject,
  loadPersonFacts,
  type SubjectFilter,
  streamGateSubjects,
} from '../../src/usecases/gate/subjects.js';
import { addRegularContactEvidence } from '../../src/usecases/persons/add-regular-contact-evidence.js';
import { addTag } from '../../src/usecases/persons/add-tag.js';
import { createFieldDefinition } from '../../src/usecases/persons/create-field-definition.js';
import { createPerson } from '../../src/usecases/persons/create-person.js';
import { endMembership } from '../../src/usecases/persons/end-membership.js';
import { recordMembership } from '../../src/usecases/persons/record-membership.js';
import { searchPersons } from '../../src/usecases/persons/search-persons.js';
import { actorOf, type Catalogue, setUpCatalogue } from '../consent/fixture.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

describe.each(engines())('gate facts on %s', (engine) => {
  let t: TestApp;
  let admin: Actor;
  let cat: Catalogue;
  let member: string; // active member, consent for the campaign purpose, tag, event attendance
  let former: string; // ended membership 6 months ago (within retention)
  let expired: string; // ended 3 years ago (retention passed)
  let minor: string; // age band 16-17, consent withdrawn
  let contact: string; // regular contact (recurring donor), no membership
  let tagId: string;

  let phones = 0;
  const person = async (first: string, extra: Record<string, unknown> = {}) =>
    (
      await createPerson(t.kernel, admin, {
        contact: {
          firstName: first,
          lastName: 'Poorttest',
          email: `${first.toLowerCase()}.poorttest@voorbeeld.invalid`,
          phone: `06-1234${String(5600 + ++phones)}`,
          postcode: '1017 XQ',
          language: 'nl',
          ...extra,
        },
        candidateIds: [],
        obtainedFromSubject: true,
        sourceKind: 'DATA_SUBJECT',
        datasetId: null,
      })
    ).id;

  const consent = async (personId: string, givenAt: Date) => {
    const texts = await consentCatalogueRepo.latestTexts(t.kernel.db, [cat.campaign]);
    const nl = texts.find((x) => x.language === 'nl')!;
    await recordOfflineConsent(t.kernel, admin, {
      personId,
      purposeId: cat.campaign,
      textVersionId: nl.id,
      channel: 'PAPER',
      givenAt,
      collector: 'Vera Vrijwilliger',
      place: 'Markt',
      explicit: true,
      captureDefects: [],
      birthYear: null,
      guardianName: null,
      guardianEmail: null,
      guardianConsented: false,
      scan: null,
      sendConfirmation: false,
    });
  };

  const all = async (filter: SubjectFilter, batch = 3): Promise<GateSubject[]> => {
    const out: GateSubject[] = [];
    await t.kernel.db.transaction(async (tx) => {
      for await (const b of streamGateSubjects(t.kernel, tx, filter, t.clock.now(), batch)) out.push(...b);
    });
    return out;
  };
  const facts = async (ids: string[], purposeIds?: string[]) =>
    t.kernel.db.transaction((tx) =>
      loadPersonFacts(t.kernel, tx, ids, t.clock.now(), purposeIds ? { purposeIds } : {}),
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await actorOf(t, 'beheer');
    cat = await setUpCatalogue(t);
    const now = t.clock.now();
    member = await person('Mira');
    await recordMembership(t.kernel, admin, member, {
      status: 'active',
      since: iso(new Date(now.getTime() - 400 * DAY)),
      until: null,
      branchId: null,
    });
    await consent(member, new Date(now.getTime() - 10 * DAY));
    const def = await createFieldDefinition(t.kernel, admin, {
      key: 'jongeren-afdeling',
      labelNl: 'Jongerenafdeling',
      labelEn: 'Youth wing',
      kind: 'tag',
      dataClass: 'political',
      proxyRisk: 'high',
    } as Parameters<typeof createFieldDefinition>[2]);
    tagId = def.id;
    await addTag(t.kernel, admin, member, { key: 'jongeren-afdeling', publicEvidenceId: null });
    await addRegularContactEvidence(t.kernel, admin, member, {
      kind: 'EVENT_ATTENDANCE',
      occurrences: [iso(new Date(now.getTime() - 90 * DAY)), iso(new Date(now.getTime() - 30 * DAY))],
      description: 'Ledenvergadering en campagneavond van de afdeling',
    });

    former = await person('Frits', { language: 'en' });
    const fm = await recordMembership(t.kernel, admin, former, {
      status: 'active',
      since: iso(new Date(now.getTime() - 900 * DAY)),
      until: null,
      branchId: null,
    });
    await endMembership(t.kernel, admin, former, fm.id, { until: iso(new Date(now.getTime() - 180 * DAY)) });

    expired = await person('Eef');
    const em = await recordMembership(t.kernel, admin, expired, {
      status: 'active',
      since: iso(new Date(now.getTime() - 3000 * DAY)),
      until: null,
      branchId: null,
    });
    await endMembership(t.kernel, admin, expired, em.id, {
      until: iso(new Date(now.getTime() - 1100 * DAY)),
    });

    minor = await person('Mees', { ageBand: '16-17' });
    await consent(minor, new Date(now.getTime() - 5 * DAY));
    await withdrawConsent(t.kernel, admin, {
      personId: minor,
      purposeId: cat.campaign,
      channel: 'PHONE',
      onBehalfOf: null,
    });

    contact = await person('Dorien', { postcode: '3511 AB' });
    await addRegularContactEvidence(t.kernel, admin, contact, {
      kind: 'RECURRING_DONOR',
      occurrences: [iso(new Date(now.getTime() - 60 * DAY)), iso(new Date(now.getTime() - 20 * DAY))],
      description: 'Maandelijkse donatie',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('maps a member with an explicit paper consent, a youth-wing tag and event attendance (R-02, R-14, R-78)', async () => {
    const s = (await facts([member])).get(member)!;
    expect(s.membership).toMatchObject({ status: 'active', until: null });
    expect(s.tagIds).toEqual([tagId]);
    expect(s.eventDates).toHaveLength(2);
    expect(s.email).toBe('mira.poorttest@voorbeeld.invalid');
    expect(s.postcodeArea).toBe(1017);
    expect(s.facts).toMatchObject({
      id: member,
      relation: 'MEMBER',
      erased: false,
      suppressed: [],
      restrictedActivityIds: null,
      objections: [],
      minorSignal: true,
      source: { kind: 'DATA_SUBJECT', obtainedFromSubject: true, inferred: false },
      // the demo party recorded that its membership form offered an e-mail opt-out (migration 012)
      channelPermissionsByRelationship: ['EMAIL'],
    });
    expect(s.facts.consents).toHaveLength(1);
    expect(s.facts.consents[0]).toMatchObject({
      purposeId: cat.campaign,
      explicit: true,
      textRecorded: true,
      channel: 'PAPER',
      captureDefects: [],
      purposesInAction: 1,
      withdrawnAt: null,
    });
    expect(s.facts.consents[0]!.controllerNames.length).toBeGreaterThan(0);
  });

  it('derives former member within the retention period, and none after it (R-04, R-50)', async () => {
    const m = await facts([former, expired, contact]);
    expect(m.get(former)!.facts.relation).toBe('FORMER_MEMBER');
    expect(m.get(former)!.membership).toMatchObject({ status: 'ended' });
    expect(m.get(expired)!.facts.relation).toBe('NONE');
    expect(m.get(contact)!.facts.relation).toBe('REGULAR_CONTACT');
    expect(m.get(contact)!.eventDates).toEqual([]);
    // the relationship channel permission is for current members only
    for (const id of [former, expired, contact]) {
      expect(m.get(id)!.facts.channelPermissionsByRelationship).toEqual([]);
    }
  });

  it('reads a withdrawn consent and its suppression entry for the purpose that matters (R-16, R-58)', async () => {
    const scoped = (await facts([minor], [cat.campaign])).get(minor)!;
    expect(scoped.facts.minorSignal).toBe(true);
    expect(scoped.facts.ageBand).toBe('16-17');
    expect(scoped.facts.consents[0]!.withdrawnAt).not.toBeNull();
    expect(scoped.facts.suppressed).toEqual(['CONSENT_WITHDRAWN']);
    // For another purpose, the entry does not block and that purpose's records are not read.
    const other = (await facts([minor], [cat.volunteer])).get(minor)!;
    expect(other.facts.suppressed).toEqual([]);
    expect(other.facts.consents).toEqual([]);
  });

  it('reads objections, open restrictions and erasure entries (R-27, R-58, R-59, R-60)', async () => {
    // Objections and restrictions have no staff use case in this slice (OUTREACH records objections by
    // link): written directly with the columns of migration 007.
    const now = t.clock.now();
    await t.kernel.db.query(
      `INSERT INTO person_objections (person_id, kind, channel, created_at) VALUES ($1, 'DIRECT_MARKETING', 'LINK', $2)`,
      [contact, now],
    );
    await t.kernel.db.query(
      `INSERT INTO person_restrictions (person_id, activity_id, reason, created_at) VALUES ($1, NULL, 'Bezwaar in behandeling', $2)`,
      [contact, now],
    );
    await t.kernel.db.query(
      `INSERT INTO person_restrictions (person_id, activity_id, reason, created_at, lifted_at) VALUES ($1, NULL, 'Opgeheven', $2, $2)`,
      [former, now],
    );
    await t.kernel.db.transaction((tx) =>
      t.kernel.suppression.add(
        tx,
        { email: 'eef.poorttest@voorbeeld.invalid' },
        'ERASURE_REQUEST',
        null,
        now,
      ),
    );
    const m = await facts([contact, former, expired]);
    expect(m.get(contact)!.facts.objections).toEqual([
      {
        kind: 'DIRECT_MARKETING',
        activityId: null,
        overriddenByCompellingGrounds: false,
        at: now.toISOString(),
      },
    ]);
    expect(m.get(contact)!.facts.restrictedActivityIds).toEqual([]);
    expect(m.get(former)!.facts.restrictedActivityIds).toBeNull();
    expect(m.get(expired)!.facts).toMatchObject({ erased: true, suppressed: ['ERASURE_REQUEST'] });
  });

  it('filters by criteria in SQL and counts the same persons it streams', async () => {
    const mine = [member, former, expired, minor, contact];
    const cases: [SubjectFilter, string[]][] = [
      [{ scope: { all: true }, personIds: mine }, mine],
      [{ scope: { all: true }, personIds: mine, languages: ['en'] }, [former]],
      [{ scope: { all: true }, personIds: mine, postcodeRanges: [{ from: 3500, to: 3599 }] }, [contact]],
      [{ scope: { all: true }, personIds: mine, consentPurposeIds: [cat.campaign] }, [member, minor]],
      [{ scope: { all: true }, personIds: mine, tagIdsAll: [tagId] }, [member]],
      [{ scope: { all: true }, personIds: mine, tagIdsNone: [tagId] }, [former, expired, minor, contact]],
      [{ scope: { all: true }, personIds: mine, postcodeRanges: [] }, []],
    ];
    for (const [filter, expected] of cases) {
      const got = await all(filter, 2);
      expect(got.map((s) => s.personId).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
      const n = await t.kernel.db.transaction((tx) => countSubjects(t.kernel, tx, filter));
      expect(n).toBe(expected.length);
    }
  });

  it('applies the actor scope exactly as person search does (R-63)', async () => {
    const lead = await actorOf(t, 'campagne');
    const now = t.clock.now();
    if (lead.kind !== 'user') throw new Error('campagne is a user');
    const scope = personListScope(lead.assignments, now);
    expect(scope.all).toBe(false);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await searchPersons(t.kernel, lead, {
        q: null,
        branchId: null,
        after,
        limit: 50,
        purpose: 'Toets van de poort',
      });
      seen.push(...page.items.map((p) => p.id));
      if (!page.next) break;
      after = page.next;
    }
    const streamed = await all({ scope }, 7);
    expect(streamed.map((s) => s.personId).sort()).toEqual(seen.sort());
    expect(seen.length).toBeGreaterThan(0);
    expect(streamed.map((s) => s.personId)).toContain(member);
    expect(streamed.map((s) => s.personId)).not.toContain(contact);
  });

  it('decides end to end with assess: the member may be mailed, the withdrawn, objecting and erased may not (R-16, R-27, R-58)', async () => {
    const fg = await actorOf(t, 'fg');
    const activity = await createActivity(t.kernel, fg, {
      name: 'Campagnemail poorttest',
      purpose: 'Campagnemail aan wie daarvoor toestemming gaf',
      kind: 'MESSAGE',
      channel: 'EMAIL',
      directMarketing: true,
      politicalData: true,
      adClass: 'NOT_POLITICAL_AD',
      consentPurposeId: cat.campaign,
      destinationId: null,
      dpiaStatus: 'NONE',
      memberCommunicationOverride: false,
      overrideReason: null,
    });
    const now = t.clock.now();
    const processing = processingFactsFor(activity, null, []);
    const context = await t.kernel.db.transaction((tx) => loadGateContext(t.kernel, tx, activity, now));
    expect(context.consentPurposes.map((p) => p.id)).toContain(cat.campaign);
    const subjects = await all(
      { scope: { all: true }, personIds: [member, minor, contact, expired], factsPurposeIds: [cat.campaign] },
      10,
    );
    const decide = (id: string) =>
      assess({ person: subjects.find((s) => s.personId === id)!.facts, processing, context });
    expect(decide(member).allowed, JSON.stringify(decide(member))).toBe(true);
    expect(decide(minor).allowed).toBe(false);
    expect(decide(minor).reasons).toContain('CONSENT_WITHDRAWN');
    expect(decide(contact).reasons).toContain('OBJECTED');
    expect(decide(expired).reasons).toContain('ERASED_SUBJECT');
  });
});

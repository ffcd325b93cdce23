/**
 * Audience test set-up through the product's own use cases on the demo party: an isolating tag (so the
 * demo's 300 persons stay out), persons with memberships, consents (valid, withdrawn), an objection, and
 * activities in the register.
 */
import type { Actor } from '../../src/domain/access/actor.js';
import type { NewActivity } from '../../src/storage/activities-repo.js';
import { consentCatalogueRepo } from '../../src/storage/consent-catalogue-repo.js';
import { createActivity } from '../../src/usecases/activities/create-activity.js';
import { recordOfflineConsent } from '../../src/usecases/consent/record-offline-consent.js';
import { withdrawConsent } from '../../src/usecases/consent/withdraw-consent.js';
import { addTag } from '../../src/usecases/persons/add-tag.js';
import { createFieldDefinition } from '../../src/usecases/persons/create-field-definition.js';
import { createPerson } from '../../src/usecases/persons/create-person.js';
import { recordMembership } from '../../src/usecases/persons/record-membership.js';
import { actorOf, type Catalogue, setUpCatalogue } from '../consent/fixture.js';
import type { TestApp } from '../support/app.js';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
let phones = 0;
let n = 0;

export interface AudienceWorld {
  admin: Actor;
  fg: Actor;
  cat: Catalogue;
  tagId: string;
  tagKey: string;
  candidateId: string;
  /** Active member, tagged. */
  member: string;
  /** Active member who objected to direct marketing. */
  objector: string;
  /** Non-member with a valid explicit consent for the campaign purpose. */
  consented: string;
  /** Non-member whose consent was withdrawn. */
  withdrawn: string;
  /** Non-member without any consent. */
  bare: string;
  /** A person of the demo candidate, non-member with a valid consent. */
  candidatePerson: string;
  /** Letter (POST) to the tagged persons, political data, consent purpose = the campaign purpose. */
  letter: string;
  /** A political ad. */
  politicalAd: string;
}

export async function activity(t: TestApp, fg: Actor, over: Partial<NewActivity>): Promise<string> {
  const a = await createActivity(t.kernel, fg, {
    name: `Doelgroeptest ${++n} ${Math.random().toString(36).slice(2, 6)}`,
    purpose: 'Leden en sympathisanten informeren over de campagne',
    kind: 'MESSAGE',
    channel: 'POST',
    directMarketing: true,
    politicalData: true,
    adClass: 'NOT_POLITICAL_AD',
    consentPurposeId: null,
    destinationId: null,
    dpiaStatus: 'NONE',
    memberCommunicationOverride: false,
    overrideReason: null,
    ...over,
  });
  return a.id;
}

export async function setUpWorld(t: TestApp): Promise<AudienceWorld> {
  const admin = await actorOf(t, 'beheer');
  const fg = await actorOf(t, 'fg');
  const cat = await setUpCatalogue(t, `doelgroep-${Math.random().toString(36).slice(2, 8)}`);
  const now = t.clock.now();
  const tagKey = `doelgroeptest-${Math.random().toString(36).slice(2, 8)}`;
  const def = await createFieldDefinition(t.kernel, admin, {
    key: tagKey,
    labelNl: 'Doelgroeptest',
    labelEn: 'Audience test',
    kind: 'tag',
    dataClass: 'ordinary',
    proxyRisk: 'none',
  } as Parameters<typeof createFieldDefinition>[2]);
  const kandidaat = await actorOf(t, 'kandidaat');
  const candidateId = kandidaat.kind === 'user' ? kandidaat.assignments[0]!.candidateId! : '';

  const person = async (first: string, candidateIds: string[] = []) => {
    const { id } = await createPerson(t.kernel, admin, {
      contact: {
        firstName: first,
        lastName: 'Doelgroeptest',
        email: `${first.toLowerCase()}.${++phones}.doelgroep@voorbeeld.invalid`,
        phone: `06-1234${String(7000 + phones)}`,
        postcode: '1017 XQ',
        language: 'nl',
      },
      candidateIds,
      obtainedFromSubject: true,
      sourceKind: 'DATA_SUBJECT',
      datasetId: null,
    });
    await addTag(t.kernel, admin, id, { key: tagKey, publicEvidenceId: null });
    return id;
  };
  const membership = (id: string) =>
    recordMembership(t.kernel, admin, id, {
      status: 'active',
      since: iso(new Date(now.getTime() - 400 * DAY)),
      until: null,
      branchId: null,
    });
  const consent = async (personId: string) => {
    const texts = await consentCatalogueRepo.latestTexts(t.kernel.db, [cat.campaign]);
    const nl = texts.find((x) => x.language === 'nl')!;
    await recordOfflineConsent(t.kernel, admin, {
      personId,
      purposeId: cat.campaign,
      textVersionId: nl.id,
      channel: 'PAPER',
      givenAt: new Date(now.getTime() - 10 * DAY),
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

  const member = await person('Mirjam');
  await membership(member);
  const objector = await person('Otto');
  await membership(objector);
  await t.kernel.db.query(
    `INSERT INTO person_objections (person_id, kind, channel, created_by, created_at) VALUES ($1, 'DIRECT_MARKETING', 'STAFF', 'test', $2)`,
    [objector, new Date(now.getTime() - DAY)],
  );
  const consented = await person('Cor');
  await consent(consented);
  const withdrawn = await person('Wim');
  await consent(withdrawn);
  await withdrawConsent(t.kernel, admin, {
    personId: withdrawn,
    purposeId: cat.campaign,
    channel: 'PHONE',
    onBehalfOf: null,
  });
  const bare = await person('Bea');
  const candidatePerson = await person('Kim', [candidateId]);
  await consent(candidatePerson);

  const letter = await activity(t, fg, { consentPurposeId: cat.campaign });
  const politicalAd = await activity(t, fg, {
    kind: 'MESSAGE',
    channel: 'ONLINE_AD',
    adClass: 'POLITICAL_AD',
  });
  return {
    admin,
    fg,
    cat,
    tagId: def.id,
    tagKey,
    candidateId,
    member,
    objector,
    consented,
    withdrawn,
    bare,
    candidatePerson,
    letter,
    politicalAd,
  };
}

/**
 * Contradictions inside a facts document that a schema cannot see (C4, "Bad input"): facts that cannot
 * all be true at once, such as a member whose data were scraped or a consent withdrawn before it was
 * given. A contradictory document gets no decision (ASSESSMENT_FACTS_CONTRADICTORY, every problem named
 * with its path). Facts that are merely unusual or unlawful (a processor without an agreement, a
 * pre-ticked consent) are not contradictions: they are what the gate decides on.
 * Pure: dates are compared as the ISO strings given, against the document's own reference date.
 */
import { amsterdamOffsetMinutes } from '../calendar.js';
import { DomainError } from '../codes.js';
import type { GateFacts } from './types.js';

export const FACTS_CHECKS = {
  MEMBER_FROM_SCRAPED_SOURCE: {
    nl: 'Een (oud-)lid staat in de ledenadministratie; zijn gegevens kunnen niet van scraping komen.',
    en: 'A (former) member is in the member administration; their data cannot come from scraping.',
  },
  SOURCE_KIND_VS_OBTAINED_FROM_SUBJECT: {
    nl: 'De herkomst en "verkregen van de persoon zelf" spreken elkaar tegen (art. 13 tegenover art. 14).',
    en: 'The source kind and "obtained from the subject" contradict each other (art 13 versus art 14).',
  },
  CONSENT_PURPOSE_UNKNOWN: {
    nl: 'Deze toestemming verwijst naar een toestemmingsdoel dat niet in context.consentPurposes staat.',
    en: 'This consent refers to a consent purpose that is not in context.consentPurposes.',
  },
  PROCESSING_PURPOSE_UNKNOWN: {
    nl: 'De verwerking verwijst naar een toestemmingsdoel dat niet in context.consentPurposes staat.',
    en: 'The processing refers to a consent purpose that is not in context.consentPurposes.',
  },
  CONSENT_PURPOSE_DUPLICATE: {
    nl: 'Twee toestemmingsdoelen hebben hetzelfde id.',
    en: 'Two consent purposes have the same id.',
  },
  WITHDRAWN_BEFORE_GIVEN: {
    nl: 'De toestemming is ingetrokken vóór ze gegeven werd.',
    en: 'The consent was withdrawn before it was given.',
  },
  CONFIRMED_BEFORE_GIVEN: {
    nl: 'De toestemming is bevestigd (dubbele opt-in) vóór ze gegeven werd.',
    en: 'The consent was confirmed (double opt-in) before it was given.',
  },
  AFTER_REFERENCE_DATE: {
    nl: 'Dit tijdstip ligt na de peildatum van het besluit (context.referenceDate); het kan nog niet gebeurd zijn.',
    en: 'This time lies after the reference date of the decision (context.referenceDate); it cannot have happened yet.',
  },
  BORN_AFTER_REFERENCE_DATE: {
    nl: 'De geboortedatum ligt na de peildatum van het besluit.',
    en: 'The birth date lies after the reference date of the decision.',
  },
  CONSENT_BEFORE_BIRTH: {
    nl: 'De toestemming is gegeven vóór de geboortedatum.',
    en: 'The consent was given before the birth date.',
  },
  AGE_NEGATIVE: {
    nl: 'Een leeftijd kan niet negatief zijn.',
    en: 'An age cannot be negative.',
  },
  AGE_AT_CONSENT_VS_BIRTH_DATE: {
    nl: 'De leeftijd bij toestemming past niet bij de geboortedatum en het tijdstip van toestemming.',
    en: 'The age at consent does not match the birth date and the time of consent.',
  },
  AGE_BAND_VS_BIRTH_DATE: {
    nl: 'De leeftijdsgroep past niet bij de geboortedatum op de peildatum.',
    en: 'The age band does not match the birth date on the reference date.',
  },
  DM_OBJECTION_OVERRIDDEN: {
    nl: 'Bezwaar tegen direct marketing is absoluut (AVG art. 21(3)); dwingende gronden kunnen het niet opzijzetten.',
    en: 'An objection to direct marketing is absolute (GDPR art 21(3)); compelling grounds cannot override it.',
  },
  ERASED_WITHOUT_SUPPRESSION: {
    nl: 'Bij wissen op verzoek blijft een onderdrukkingsregel achter (ERASURE_REQUEST); die ontbreekt hier.',
    en: 'Erasure on request leaves a suppression entry (ERASURE_REQUEST); it is missing here.',
  },
  RECIPIENT_REQUIRED: {
    nl: 'Een export, custom audience of lookalike gaat naar een ontvanger; processing.recipient is leeg.',
    en: 'An export, custom audience or lookalike goes to a recipient; processing.recipient is empty.',
  },
  TRACKING_KIND_WITHOUT_TRACKING: {
    nl: 'De verwerking is van soort TRACKING maar tracking staat op false.',
    en: 'The processing is of kind TRACKING but tracking is false.',
  },
  AI_KIND_WITHOUT_INTERACTION: {
    nl: 'De verwerking is van soort AI_INTERACTION maar ai ontbreekt of communiceert niet met mensen.',
    en: 'The processing is of kind AI_INTERACTION but ai is missing or does not interact with people.',
  },
  MESSAGE_WITHOUT_CHANNEL: {
    nl: 'Een bericht aan de persoon gaat via een kanaal; channel is NONE.',
    en: 'A message to the person goes through a channel; channel is NONE.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

export type FactsCheck = keyof typeof FACTS_CHECKS;

export interface FactsProblem {
  /** Where in the document, e.g. "person.consents.0.withdrawnAt". */
  path: string;
  check: FactsCheck;
  nl: string;
  en: string;
}

const THIRD_PARTY_SOURCES = new Set(['THIRD_PARTY_LIST', 'SCRAPED', 'PUBLIC_SOURCE', 'PLATFORM_EXPORT']);
const NEEDS_RECIPIENT = new Set(['EXPORT', 'CUSTOM_AUDIENCE', 'LOOKALIKE']);

const time = (iso: string): number => Date.parse(iso);

/** Age in whole years on the Dutch calendar at instant `at`, from a birth date "YYYY-MM-DD". */
export function ageOn(birthDate: string, at: number): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const d = new Date(at);
  const local = new Date(at + amsterdamOffsetMinutes(d) * 60_000);
  const y = local.getUTCFullYear();
  const md = (local.getUTCMonth() + 1) * 100 + local.getUTCDate();
  return y - by - (md < bm * 100 + bd ? 1 : 0);
}

function inBand(band: string, age: number): boolean {
  if (band === '<16') return age < 16;
  if (band === '75+') return age >= 75;
  const [lo, hi] = band.split('-').map(Number) as [number, number];
  return age >= lo && age <= hi;
}

/** Every contradiction in the document; empty when the facts can all be true at once. */
export function factsProblems(f: GateFacts): FactsProblem[] {
  const out: FactsProblem[] = [];
  const add = (path: string, check: FactsCheck) => out.push({ path, check, ...FACTS_CHECKS[check] });
  const { person: p, processing: q, context: c } = f;
  const ref = time(c.referenceDate);
  const future = (path: string, iso: string | null) => {
    if (iso !== null && time(iso) > ref) add(path, 'AFTER_REFERENCE_DATE');
  };

  // --- where the data came from ---
  if ((p.relation === 'MEMBER' || p.relation === 'FORMER_MEMBER') && p.source.kind === 'SCRAPED')
    add('person.source.kind', 'MEMBER_FROM_SCRAPED_SOURCE');
  if (
    (p.source.kind === 'DATA_SUBJECT' && !p.source.obtainedFromSubject) ||
    (THIRD_PARTY_SOURCES.has(p.source.kind) && p.source.obtainedFromSubject)
  )
    add('person.source.obtainedFromSubject', 'SOURCE_KIND_VS_OBTAINED_FROM_SUBJECT');

  // --- consent purposes referenced ---
  const purposeIds = new Set<string>();
  c.consentPurposes.forEach((cp, i) => {
    if (purposeIds.has(cp.id)) add(`context.consentPurposes.${i}.id`, 'CONSENT_PURPOSE_DUPLICATE');
    purposeIds.add(cp.id);
  });
  if (q.consentPurposeId !== null && !purposeIds.has(q.consentPurposeId))
    add('processing.consentPurposeId', 'PROCESSING_PURPOSE_UNKNOWN');

  // --- consents ---
  p.consents.forEach((k, i) => {
    const at = `person.consents.${i}`;
    if (!purposeIds.has(k.purposeId)) add(`${at}.purposeId`, 'CONSENT_PURPOSE_UNKNOWN');
    if (k.givenAt !== null) {
      if (k.withdrawnAt !== null && time(k.withdrawnAt) < time(k.givenAt))
        add(`${at}.withdrawnAt`, 'WITHDRAWN_BEFORE_GIVEN');
      if (k.confirmedAt !== null && time(k.confirmedAt) < time(k.givenAt))
        add(`${at}.confirmedAt`, 'CONFIRMED_BEFORE_GIVEN');
    }
    future(`${at}.givenAt`, k.givenAt);
    future(`${at}.confirmedAt`, k.confirmedAt);
    future(`${at}.guardianConfirmedAt`, k.guardianConfirmedAt);
    future(`${at}.withdrawnAt`, k.withdrawnAt);
    if (k.ageAtConsent !== null && k.ageAtConsent < 0) add(`${at}.ageAtConsent`, 'AGE_NEGATIVE');
    if (p.birthDate !== null && k.givenAt !== null) {
      const given = time(k.givenAt);
      if (given < time(p.birthDate)) add(`${at}.givenAt`, 'CONSENT_BEFORE_BIRTH');
      else if (k.ageAtConsent !== null && k.ageAtConsent >= 0) {
        // A product that knows only the birth year counts conservatively (one year younger at most).
        const exact = ageOn(p.birthDate, given);
        if (k.ageAtConsent > exact || k.ageAtConsent < exact - 1)
          add(`${at}.ageAtConsent`, 'AGE_AT_CONSENT_VS_BIRTH_DATE');
      }
    }
  });

  // --- objections, erasure, information ---
  p.objections.forEach((o, i) => {
    if (o.kind === 'DIRECT_MARKETING' && o.overriddenByCompellingGrounds)
      add(`person.objections.${i}.overriddenByCompellingGrounds`, 'DM_OBJECTION_OVERRIDDEN');
    future(`person.objections.${i}.at`, o.at);
  });
  if (p.erased && !p.suppressed.includes('ERASURE_REQUEST'))
    add('person.suppressed', 'ERASED_WITHOUT_SUPPRESSION');
  future('person.art14InformedAt', p.art14InformedAt);

  // --- age ---
  if (p.birthDate !== null) {
    if (time(p.birthDate) > ref) add('person.birthDate', 'BORN_AFTER_REFERENCE_DATE');
    else if (p.ageBand !== null && !inBand(p.ageBand, ageOn(p.birthDate, ref)))
      add('person.ageBand', 'AGE_BAND_VS_BIRTH_DATE');
  }

  // --- the processing itself ---
  if (NEEDS_RECIPIENT.has(q.kind) && q.recipient === null) add('processing.recipient', 'RECIPIENT_REQUIRED');
  if (q.kind === 'TRACKING' && !q.tracking) add('processing.tracking', 'TRACKING_KIND_WITHOUT_TRACKING');
  if (q.kind === 'AI_INTERACTION' && (q.ai === null || !q.ai.interactsWithPeople))
    add('processing.ai', 'AI_KIND_WITHOUT_INTERACTION');
  if (q.kind === 'MESSAGE' && q.channel === 'NONE') add('processing.channel', 'MESSAGE_WITHOUT_CHANNEL');
  future('processing.startedAt', q.startedAt);

  return out;
}

/** Throws ASSESSMENT_FACTS_CONTRADICTORY with every problem (path, check, nl, en) when there is one. */
export function assertConsistentFacts(f: GateFacts): void {
  const problems = factsProblems(f);
  if (problems.length) throw new DomainError('ASSESSMENT_FACTS_CONTRADICTORY', { problems });
}

import { describe, expect, it } from 'vitest';
import type { ImportField } from './fields.js';
import { assessDataset, missingProvenance } from './gate.js';
import {
  DATASET_ORIGINS,
  type DatasetOrigin,
  type DatasetQuestionnaire,
  emptyQuestionnaire,
  ORIGIN_INFO,
} from './origins.js';

const COMPLETE: Partial<DatasetQuestionnaire> = {
  supplier: 'Adresboek BV (fictief)',
  collectionMethod: 'inschrijfformulier op de website van de leverancier',
  collectedFrom: '2025-01-01',
  collectedUntil: '2025-12-31',
  lawfulBasis: 'consent',
  consentText: 'Ik geef De Fictieve Partij toestemming mij te mailen over haar campagne.',
  consentNamesParty: true,
  noticeGiven: 'art. 14-brief van de leverancier, 2025-02-01',
  documentReference: 'contract 2025-17, KvK-uittreksel',
};

function q(origin: DatasetOrigin, extra: Partial<DatasetQuestionnaire> = {}): DatasetQuestionnaire {
  return { ...emptyQuestionnaire('Testset', origin), ...extra };
}
const cols = (...spec: (string | [string, ImportField])[]) =>
  spec.map((s) => (typeof s === 'string' ? { header: s, field: null } : { header: s[0], field: s[1] }));
const CONTACT = cols(['voornaam', 'firstName'], ['achternaam', 'lastName'], ['e-mail', 'email']);

describe('provenance gate (C3)', () => {
  it.each([
    ['MEMBER_ADMIN', 'MEMBER_ADMIN', true],
    ['OWN_FORMS', 'DATA_SUBJECT', true],
    ['EVENT', 'EVENT_FORM', true],
    ['CANVASS', 'CANVASS', true],
    ['OTHER_CONTROLLER', 'THIRD_PARTY_LIST', false],
    ['BOUGHT', 'THIRD_PARTY_LIST', false],
    ['PUBLIC_SOURCE', 'PUBLIC_SOURCE', false],
    ['SCRAPED', 'SCRAPED', false],
  ] as const)('R-09: origin %s maps to source kind %s (from the person: %s)', (origin, kind, fromSubject) => {
    expect(ORIGIN_INFO[origin].sourceKind).toBe(kind);
    expect(ORIGIN_INFO[origin].fromSubject).toBe(fromSubject);
  });

  it('every origin has an entry', () => {
    expect(Object.keys(ORIGIN_INFO).sort()).toEqual([...DATASET_ORIGINS].sort());
  });

  it.each<[string, DatasetQuestionnaire, ReturnType<typeof cols>, string, string[], string[]]>([
    [
      'R-09: a scraped dataset is refused before any row is read',
      q('SCRAPED'),
      [],
      'refused',
      ['SCRAPED_PROFILE'],
      [],
    ],
    [
      'R-09: scraped with a political column also reports SPECIAL_CATEGORY_INFERENCE (C.0: every reason)',
      q('SCRAPED'),
      [...CONTACT, ...cols('party_sympathy')],
      'refused',
      ['SCRAPED_PROFILE', 'SPECIAL_CATEGORY_INFERENCE'],
      [],
    ],
    [
      'R-09: scraped, declared political, no columns yet',
      q('SCRAPED', { containsPolitical: true }),
      [],
      'refused',
      ['SCRAPED_PROFILE', 'SPECIAL_CATEGORY_INFERENCE'],
      [],
    ],
    [
      'R-10: a bought list with likely_voter_party is refused (and without provenance also unverified)',
      q('BOUGHT'),
      [...CONTACT, ...cols('likely_voter_party')],
      'refused',
      ['PURCHASED_POLITICAL_LIST', 'UNVERIFIED_DATASET'],
      [],
    ],
    [
      'R-10: a bought list with a complete provenance record but a high proxy column is refused',
      q('BOUGHT', COMPLETE),
      [...CONTACT, ...cols('petitie_getekend')],
      'refused',
      ['PURCHASED_POLITICAL_LIST'],
      [],
    ],
    [
      'R-10: another controller’s list declared political is refused',
      q('OTHER_CONTROLLER', { ...COMPLETE, containsPolitical: true }),
      [],
      'refused',
      ['PURCHASED_POLITICAL_LIST'],
      [],
    ],
    [
      'R-10, R-37: a bought list without provenance stays in quarantine',
      q('BOUGHT'),
      CONTACT,
      'quarantine',
      ['UNVERIFIED_DATASET'],
      ['INFORM_SUBJECT', 'DOCUMENT_DATASET_ORIGIN'],
    ],
    [
      'R-10, R-37: a bought list with complete provenance is active, with the art 14 and documentation duties',
      q('BOUGHT', COMPLETE),
      CONTACT,
      'active',
      [],
      ['INFORM_SUBJECT', 'DOCUMENT_DATASET_ORIGIN'],
    ],
    [
      'R-10, R-18: consent that does not name the party supports nothing',
      q('OTHER_CONTROLLER', { ...COMPLETE, consentNamesParty: false }),
      CONTACT,
      'refused',
      ['CONSENT_NOT_SPECIFIC'],
      [],
    ],
    [
      'R-37: enrichment columns are refused',
      q('MEMBER_ADMIN'),
      [...CONTACT, ...cols('income_band', 'interesses')],
      'refused',
      ['ENRICHMENT_NOT_SUPPORTED'],
      [],
    ],
    [
      'R-37: an appended political leaning is enrichment and an inference of political opinion',
      q('OWN_FORMS'),
      [...CONTACT, ...cols('political_leaning')],
      'refused',
      ['ENRICHMENT_NOT_SUPPORTED', 'SPECIAL_CATEGORY_INFERENCE'],
      [],
    ],
    [
      'R-37: a declared enrichment is refused',
      q('EVENT', { enriched: true }),
      CONTACT,
      'refused',
      ['ENRICHMENT_NOT_SUPPORTED'],
      [],
    ],
    [
      'R-06: party_preference with consent=TRUE is not demonstrable consent',
      q('EVENT'),
      [...CONTACT, ...cols('party_preference', 'consent')],
      'refused',
      ['CONSENT_NOT_DEMONSTRABLE'],
      [],
    ],
    [
      'R-06: a consent column without political columns is fine',
      q('OWN_FORMS'),
      [...CONTACT, ...cols('toestemming nieuwsbrief')],
      'active',
      [],
      ['TRANSPARENCY_NOTICE'],
    ],
    [
      'R-04: the member administration with membership columns and a newsletter consent column is fine',
      q('MEMBER_ADMIN'),
      [...CONTACT, ...cols(['lid sinds', 'memberSince'], 'toestemming nieuwsbrief')],
      'active',
      [],
      ['TRANSPARENCY_NOTICE'],
    ],
    [
      'R-09: a public source with party_sympathy and no evidence column is refused',
      q('PUBLIC_SOURCE'),
      [...CONTACT, ...cols('party_sympathy')],
      'refused',
      ['NOT_MANIFESTLY_PUBLIC'],
      [],
    ],
    [
      'R-09: a public source with party_sympathy and a 9(2)(e) evidence column per row is allowed',
      q('PUBLIC_SOURCE'),
      [...CONTACT, ...cols('party_sympathy', ['bewijs url', 'publicEvidenceUrl'])],
      'active',
      [],
      ['INFORM_SUBJECT'],
    ],
    [
      'R-09: a public source without political columns is allowed with the art 14 duty',
      q('PUBLIC_SOURCE'),
      CONTACT,
      'active',
      [],
      ['INFORM_SUBJECT'],
    ],
    [
      'R-09, R-10, R-37, R-06: all reasons at once, in order',
      q('SCRAPED', { enriched: true }),
      [...CONTACT, ...cols('party_preference', 'consent')],
      'refused',
      [
        'SCRAPED_PROFILE',
        'ENRICHMENT_NOT_SUPPORTED',
        'CONSENT_NOT_DEMONSTRABLE',
        'SPECIAL_CATEGORY_INFERENCE',
      ],
      [],
    ],
  ])('%s', (_name, questionnaire, columns, status, reasons, obligations) => {
    const a = assessDataset(questionnaire, columns);
    expect(a.status).toBe(status);
    expect(a.reasons).toEqual(reasons);
    expect(a.obligations).toEqual(obligations);
  });

  it('R-10: the columns behind a reason are named, so the user knows what to remove', () => {
    const a = assessDataset(q('BOUGHT', COMPLETE), [
      ...CONTACT,
      ...cols('likely_voter_party', 'stemvoorkeur'),
    ]);
    expect(a.columns.PURCHASED_POLITICAL_LIST).toEqual(['likely_voter_party', 'stemvoorkeur']);
  });

  it('R-37: every missing provenance item is reported', () => {
    expect(missingProvenance(q('BOUGHT'))).toEqual([
      'supplier',
      'collectionMethod',
      'collectionPeriod',
      'lawfulBasis',
      'noticeGiven',
      'documentReference',
    ]);
    expect(
      missingProvenance(q('BOUGHT', { ...COMPLETE, consentText: ' ', consentNamesParty: null })),
    ).toEqual(['consentText', 'consentNamesParty']);
    expect(missingProvenance(q('BOUGHT', { ...COMPLETE, collectedFrom: '2026-01-01' }))).toEqual([
      'collectionPeriod',
    ]);
    expect(missingProvenance(q('BOUGHT', { ...COMPLETE, lawfulBasis: 'legitimate_interests' }))).toEqual([]);
  });

  it('R-55: data not obtained from the person carry INFORM_SUBJECT; own data TRANSPARENCY_NOTICE', () => {
    for (const origin of DATASET_ORIGINS) {
      const a = assessDataset(q(origin, COMPLETE), CONTACT);
      if (a.status === 'refused') continue;
      expect(a.obligations.includes('INFORM_SUBJECT')).toBe(!ORIGIN_INFO[origin].fromSubject);
      expect(a.obligations.includes('TRANSPARENCY_NOTICE')).toBe(ORIGIN_INFO[origin].fromSubject);
    }
  });
});

/**
 * Where a dataset comes from (C3 provenance questionnaire) and what that means in law: the R-09 source
 * kind its records carry, whether the data were obtained from the people themselves (art 13) or from
 * elsewhere (art 14, R-55), and whether a third party supplied them.
 */
import type { SourceKind } from '../persons/types.js';

export const DATASET_ORIGINS = [
  'MEMBER_ADMIN',
  'OWN_FORMS',
  'EVENT',
  'CANVASS',
  'OTHER_CONTROLLER',
  'BOUGHT',
  'PUBLIC_SOURCE',
  'SCRAPED',
] as const;
export type DatasetOrigin = (typeof DATASET_ORIGINS)[number];

export interface OriginInfo {
  /** The `source.kind` every record from such a dataset carries. */
  sourceKind: SourceKind;
  /** Obtained from the person (art 13) rather than from elsewhere (art 14, R-55). */
  fromSubject: boolean;
  /** Supplied by another controller or a vendor: `THIRD_PARTY_LIST`. */
  thirdParty: boolean;
}

export const ORIGIN_INFO: Record<DatasetOrigin, OriginInfo> = {
  MEMBER_ADMIN: { sourceKind: 'MEMBER_ADMIN', fromSubject: true, thirdParty: false },
  OWN_FORMS: { sourceKind: 'DATA_SUBJECT', fromSubject: true, thirdParty: false },
  EVENT: { sourceKind: 'EVENT_FORM', fromSubject: true, thirdParty: false },
  CANVASS: { sourceKind: 'CANVASS', fromSubject: true, thirdParty: false },
  OTHER_CONTROLLER: { sourceKind: 'THIRD_PARTY_LIST', fromSubject: false, thirdParty: true },
  BOUGHT: { sourceKind: 'THIRD_PARTY_LIST', fromSubject: false, thirdParty: true },
  PUBLIC_SOURCE: { sourceKind: 'PUBLIC_SOURCE', fromSubject: false, thirdParty: false },
  SCRAPED: { sourceKind: 'SCRAPED', fromSubject: false, thirdParty: false },
};

/** The art 6(1) basis a supplier claims for the collection. */
export const LAWFUL_BASES = [
  'consent',
  'contract',
  'legal_obligation',
  'vital_interests',
  'public_task',
  'legitimate_interests',
] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

/**
 * The provenance questionnaire of a dataset (no personal data: it describes the delivery). The
 * third-party part (supplier … documentReference) is the dataset-provenance record of.
 */
export interface DatasetQuestionnaire {
  name: string;
  origin: DatasetOrigin;
  description: string | null;
  /** Declared: the file holds political data (membership, party preference, …) or `high` proxies. */
  containsPolitical: boolean;
  /** Declared: a vendor appended attributes (income band, interests, political leaning). */
  enriched: boolean;
  /** How the people were told about this use (art 13 notice at collection, or art 14 by the supplier). */
  noticeGiven: string | null;
  /** Collection period, ISO dates. */
  collectedFrom: string | null;
  collectedUntil: string | null;
  lawfulBasis: LawfulBasis | null;
  supplier: string | null;
  collectionMethod: string | null;
  /** The consent text the people agreed to, when consent is the basis claimed. */
  consentText: string | null;
  /** Whether that consent text names this party as controller. */
  consentNamesParty: boolean | null;
  /** Reference to the supplier's documentation (contract, register extract, art 14 evidence). */
  documentReference: string | null;
}

/** The questionnaire with every optional answer empty, to spread answers over. */
export function emptyQuestionnaire(name: string, origin: DatasetOrigin): DatasetQuestionnaire {
  return {
    name,
    origin,
    description: null,
    containsPolitical: false,
    enriched: false,
    noticeGiven: null,
    collectedFrom: null,
    collectedUntil: null,
    lawfulBasis: null,
    supplier: null,
    collectionMethod: null,
    consentText: null,
    consentNamesParty: null,
    documentReference: null,
  };
}

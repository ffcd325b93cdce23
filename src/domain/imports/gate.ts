/**
 * The provenance gate of imports (C3): from the dataset's questionnaire and the file's columns (with
 * their mapping), decide whether the dataset may be used, reporting every applicable reason (Appendix
 * C.0) and the duties the import triggers (C.2):
 *
 * - scraped data are refused before any row is read: SCRAPED_PROFILE, with SPECIAL_CATEGORY_INFERENCE
 *   when political data are declared or present (R-09);
 * - third-party datasets (another controller, bought) with political or `high` proxy columns:
 *   PURCHASED_POLITICAL_LIST (R-10); their consent "for partners" that does not name the party:
 *   CONSENT_NOT_SPECIFIC (R-10, R-18); without a complete provenance record they stay in quarantine with
 *   UNVERIFIED_DATASET (R-10, R-37);
 * - attributes appended by a vendor (income band, interests, political leaning): ENRICHMENT_NOT_SUPPORTED,
 *   with SPECIAL_CATEGORY_INFERENCE when the appended attribute is political (R-37, Appendix C.3);
 * - a yes/no "consented" column next to political columns is no proof of explicit consent:
 *   CONSENT_NOT_DEMONSTRABLE (R-06). Members' political data rest on 9(2)(d), so the member
 *   administration is exempt;
 * - public sources with political columns need a 9(2)(e) evidence column per row (R-07, R-09):
 *   NOT_MANIFESTLY_PUBLIC otherwise.
 *
 * Obligations: TRANSPARENCY_NOTICE for data obtained from the people (art 13), INFORM_SUBJECT for data
 * from elsewhere (art 14, R-55), DOCUMENT_DATASET_ORIGIN for third-party datasets (R-10, R-37). A refused
 * dataset is not processed at all, so it lists none.
 */
import type { Code } from '../codes.js';
import { classifyHeader, type HeaderKind, type ImportField, MEMBERSHIP_FIELDS } from './fields.js';
import { type DatasetQuestionnaire, ORIGIN_INFO } from './origins.js';

export type DatasetStatus = 'active' | 'quarantine' | 'refused';

/** One column of the file: its name and the field it is mapped to (null: not imported). */
export interface ColumnFacts {
  header: string;
  field: ImportField | null;
}

/** The items of a complete third-party provenance record. */
export const PROVENANCE_ITEMS = [
  'supplier',
  'collectionMethod',
  'collectionPeriod',
  'lawfulBasis',
  'consentText',
  'consentNamesParty',
  'noticeGiven',
  'documentReference',
] as const;
export type ProvenanceItem = (typeof PROVENANCE_ITEMS)[number];

export type Obligation = 'TRANSPARENCY_NOTICE' | 'INFORM_SUBJECT' | 'DOCUMENT_DATASET_ORIGIN';

export interface DatasetAssessment {
  status: DatasetStatus;
  /** Every applicable reason, in a fixed order; the first is the refusal's code. */
  reasons: Code[];
  obligations: Obligation[];
  /** For UNVERIFIED_DATASET: what the provenance record still lacks. */
  missingProvenance: ProvenanceItem[];
  /** The columns behind each column-based reason, so the person importing knows what to remove. */
  columns: Partial<Record<Code, string[]>>;
}

/** The order reasons are reported in: the dataset-level refusals first, quarantine last. */
const REASON_ORDER: readonly Code[] = [
  'SCRAPED_PROFILE',
  'PURCHASED_POLITICAL_LIST',
  'ENRICHMENT_NOT_SUPPORTED',
  'CONSENT_NOT_DEMONSTRABLE',
  'CONSENT_NOT_SPECIFIC',
  'NOT_MANIFESTLY_PUBLIC',
  'SPECIAL_CATEGORY_INFERENCE',
  'UNVERIFIED_DATASET',
];

const filled = (v: string | null | undefined) => typeof v === 'string' && v.trim() !== '';

/** What a third-party provenance record still lacks; empty when complete. */
export function missingProvenance(q: DatasetQuestionnaire): ProvenanceItem[] {
  const missing: ProvenanceItem[] = [];
  if (!filled(q.supplier)) missing.push('supplier');
  if (!filled(q.collectionMethod)) missing.push('collectionMethod');
  if (!filled(q.collectedFrom) || !filled(q.collectedUntil) || q.collectedFrom! > q.collectedUntil!) {
    missing.push('collectionPeriod');
  }
  if (q.lawfulBasis === null) missing.push('lawfulBasis');
  if (q.lawfulBasis === 'consent') {
    if (!filled(q.consentText)) missing.push('consentText');
    if (q.consentNamesParty === null) missing.push('consentNamesParty');
  }
  if (!filled(q.noticeGiven)) missing.push('noticeGiven');
  if (!filled(q.documentReference)) missing.push('documentReference');
  return missing;
}

/** Whether a column carries political data: by its name, or because it is mapped to a membership field. */
function columnKinds(c: ColumnFacts): Set<HeaderKind> {
  const kinds = new Set(classifyHeader(c.header));
  if (c.field !== null && (MEMBERSHIP_FIELDS as readonly string[]).includes(c.field)) kinds.add('political');
  return kinds;
}

export function assessDataset(
  q: DatasetQuestionnaire,
  columns: readonly ColumnFacts[] = [],
): DatasetAssessment {
  const info = ORIGIN_INFO[q.origin];
  const reasons = new Set<Code>();
  const byReason: Partial<Record<Code, string[]>> = {};
  const note = (code: Code, cols: string[]) => {
    reasons.add(code);
    if (cols.length) byReason[code] = [...new Set([...(byReason[code] ?? []), ...cols])];
  };
  const kinds = columns.map((c) => ({ header: c.header, field: c.field, kinds: columnKinds(c) }));
  const named = (k: HeaderKind) => kinds.filter((c) => c.kinds.has(k)).map((c) => c.header);
  const politicalCols = [...new Set([...named('political'), ...named('high_proxy')])];
  const political = q.containsPolitical || politicalCols.length > 0;
  const enrichmentCols = named('enrichment');
  const consentCols = named('consent_flag');

  if (q.origin === 'SCRAPED') {
    note('SCRAPED_PROFILE', []);
    if (political) note('SPECIAL_CATEGORY_INFERENCE', politicalCols);
  }
  if (info.thirdParty && political) note('PURCHASED_POLITICAL_LIST', politicalCols);
  if (q.enriched || enrichmentCols.length > 0) {
    note('ENRICHMENT_NOT_SUPPORTED', enrichmentCols);
    const politicalEnrichment = enrichmentCols.filter((h) => politicalCols.includes(h));
    if (politicalEnrichment.length > 0) note('SPECIAL_CATEGORY_INFERENCE', politicalEnrichment);
  }
  if (q.origin !== 'MEMBER_ADMIN' && consentCols.length > 0 && politicalCols.length > 0) {
    note('CONSENT_NOT_DEMONSTRABLE', [...consentCols, ...politicalCols]);
  }
  if (info.thirdParty && q.lawfulBasis === 'consent' && q.consentNamesParty === false) {
    note('CONSENT_NOT_SPECIFIC', []);
  }
  if (
    q.origin === 'PUBLIC_SOURCE' &&
    politicalCols.length > 0 &&
    !columns.some((c) => c.field === 'publicEvidenceUrl')
  ) {
    note('NOT_MANIFESTLY_PUBLIC', politicalCols);
  }
  const missing = info.thirdParty ? missingProvenance(q) : [];
  if (missing.length > 0) note('UNVERIFIED_DATASET', []);

  const ordered = REASON_ORDER.filter((r) => reasons.has(r));
  const refused = ordered.some((r) => r !== 'UNVERIFIED_DATASET');
  const status: DatasetStatus = refused ? 'refused' : ordered.length > 0 ? 'quarantine' : 'active';
  const obligations: Obligation[] = refused
    ? []
    : [
        info.fromSubject ? 'TRANSPARENCY_NOTICE' : 'INFORM_SUBJECT',
        ...(info.thirdParty ? (['DOCUMENT_DATASET_ORIGIN'] as const) : []),
      ];
  return { status, reasons: ordered, obligations, missingProvenance: missing, columns: byReason };
}

/** A quarantined dataset is purged this many days after quarantine began (R-10, PRODUCT CHOICE). */
export const QUARANTINE_DAYS = 30;

/** When a dataset quarantined at `since` is purged. */
export function quarantineEndsAt(since: Date): Date {
  return new Date(since.getTime() + QUARANTINE_DAYS * 24 * 60 * 60 * 1000);
}

/**
 * Reasons that refuse the dataset itself, not only one file of it: scraped data, a third-party list
 * with political data, a consent that does not name the party. Other reasons (enrichment columns, a
 * consent column, political columns from a public source) refuse the file; a cleaned file may follow.
 */
export const DATASET_TAINTING_REASONS: readonly Code[] = [
  'SCRAPED_PROFILE',
  'PURCHASED_POLITICAL_LIST',
  'CONSENT_NOT_SPECIFIC',
];

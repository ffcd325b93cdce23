/**
 * Where the data came from and what the person was told (LEGAL.md ).
 */
import { revealing } from './consent-basis.js';
import type { GateState } from './state.js';

const THIRD_PARTY = new Set(['THIRD_PARTY_LIST', 'PLATFORM_EXPORT']);

export function sourceRules(s: GateState): void {
  const { person, processing, context } = s.facts;
  const source = person.source;
  const politicalData = processing.politicalData || processing.criteria.some(revealing);
  // scraped data are never used to profile or to attribute opinions; the product uses none.
  if (source.kind === 'SCRAPED') s.reasons.add('SCRAPED_PROFILE');
  if (THIRD_PARTY.has(source.kind)) {
    s.obligations.add('DOCUMENT_DATASET_ORIGIN');
    // a bought or third-party list with (modelled) political opinions is presumed unlawful.
    if (source.kind === 'THIRD_PARTY_LIST' && politicalData) s.reasons.add('PURCHASED_POLITICAL_LIST');
    // no documentation of lawful collection: quarantine.
    if (source.originDocumented === false) s.reasons.add('UNVERIFIED_DATASET');
  }
  // a new purpose needs a compatibility assessment or a new basis.
  if (!processing.purposeCompatible) s.reasons.add('PURPOSE_INCOMPATIBLE');
  // art 13 at collection, art 14 for data from elsewhere.
  if (source.obtainedFromSubject || source.kind === 'MEMBER_ADMIN') s.obligations.add('TRANSPARENCY_NOTICE');
  if (!source.obtainedFromSubject) {
    s.obligations.add('INFORM_SUBJECT');
    const informed =
      person.art14InformedAt !== null &&
      new Date(person.art14InformedAt).getTime() <= new Date(context.referenceDate).getTime();
    if (!informed && (processing.firstContactOrDisclosure || s.disclosure)) {
      s.productRefusals.add('ART14_NOT_INFORMED');
    }
  }
}

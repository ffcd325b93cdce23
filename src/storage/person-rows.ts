/** The shapes of a person as the persons repository reads them: the raw row and what leaves it. */
import type { Language, PersonContact, Provenance } from '../domain/persons/types.js';

export interface PersonRecord extends PersonContact {
  id: string;
  branchId: string | null;
  branchName: string | null;
  candidateIds: string[];
  provenance: Provenance;
  obtainedFromSubject: boolean;
  art14DueAt: Date | null;
  art14InformedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What a list or search row shows: a name, the branch and the postcode (data minimisation). */
export interface PersonListRow {
  id: string;
  firstName: string;
  infix: string | null;
  lastName: string;
  branchName: string | null;
  postcode: string | null;
}

/** A `persons` row as selected (encrypted columns still sealed). */
export interface PersonRow {
  id: string;
  branch_id: string | null;
  branch_name: string | null;
  candidate_ids: string[];
  first_name_enc: string;
  infix_enc: string | null;
  last_name_enc: string;
  email_enc: string | null;
  phone_enc: string | null;
  street_enc: string | null;
  house_number_enc: string | null;
  postcode_enc: string | null;
  city_enc: string | null;
  birth_date_enc: string | null;
  age_band: string | null;
  language: Language;
  dataset_id: string | null;
  source_kind: Provenance['sourceKind'];
  channel: Provenance['channel'];
  collected_at: Date;
  collected_by: string | null;
  obtained_from_subject: boolean;
  art14_due_at: Date | null;
  art14_informed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

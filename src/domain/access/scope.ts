/** A role assignment: one role with its scope and validity. Plain data. */
import type { Role } from './roles.js';

export interface PostcodeArea {
  /** Inclusive range of the four digits of Dutch postcodes, e.g. 1000–1099. */
  from: number;
  to: number;
}

export interface Assignment {
  role: Role;
  branchId: string | null;
  candidateId: string | null;
  area: PostcodeArea | null;
  validFrom: Date;
  validUntil: Date | null;
  briefingAcknowledgedAt: Date | null;
}

/** The person attributes that access decisions look at. */
export interface PersonScopeFacts {
  branchId: string | null;
  postcode: string | null;
  candidateIds: readonly string[];
}

/**
 * Digits of a Dutch postcode ("1012 AB" → 1012; the four digits alone are accepted too), or null when
 * absent or malformed (one letter, three letters, wrong digits).
 */
export function postcodeDigits(postcode: string | null): number | null {
  if (!postcode) return null;
  const m = /^\s*([1-9][0-9]{3})(?:\s?[A-Za-z]{2})?\s*$/.exec(postcode);
  return m ? Number(m[1]) : null;
}

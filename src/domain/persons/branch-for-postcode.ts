/**
 * Branches (afdelingen) cover ranges of the four postcode digits; a person is assigned to the branch whose
 * range holds their postcode. Where ranges overlap, the narrowest range wins (a city branch inside a
 * regional one); equal ranges are decided by the lowest `postcodeFrom`, then by id, so the choice is stable.
 */
import { postcodeDigits } from '../access/scope.js';

export interface BranchRange {
  id: string;
  postcodeFrom: number;
  postcodeTo: number;
}

export function branchForDigits(digits: number | null, branches: readonly BranchRange[]): string | null {
  if (digits === null) return null;
  let best: BranchRange | null = null;
  for (const b of branches) {
    if (digits < b.postcodeFrom || digits > b.postcodeTo) continue;
    if (
      best === null ||
      b.postcodeTo - b.postcodeFrom < best.postcodeTo - best.postcodeFrom ||
      (b.postcodeTo - b.postcodeFrom === best.postcodeTo - best.postcodeFrom &&
        (b.postcodeFrom < best.postcodeFrom || (b.postcodeFrom === best.postcodeFrom && b.id < best.id)))
    ) {
      best = b;
    }
  }
  return best?.id ?? null;
}

/** The branch for a postcode ("1234 AB" or the four digits alone), or null when none covers it. */
export function branchForPostcode(postcode: string | null, branches: readonly BranchRange[]): string | null {
  return branchForDigits(postcodeDigits(postcode), branches);
}

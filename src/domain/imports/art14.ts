/**
 * The art 14 information deadline for data not obtained from the person: within a month of
 * obtaining the data, and at the latest at the first communication with the person or the first
 * disclosure to another recipient, whichever comes first. Months count on the Dutch calendar.
 */
import { addMonthsNl } from '../calendar.js';

export function art14DueAt(
  obtainedAt: Date,
  firstCommunicationAt: Date | null = null,
  firstDisclosureAt: Date | null = null,
): Date {
  let due = addMonthsNl(obtainedAt, 1);
  for (const d of [firstCommunicationAt, firstDisclosureAt]) {
    if (d !== null && d.getTime() < due.getTime()) due = d;
  }
  return due;
}

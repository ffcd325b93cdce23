/**
 * Age on a reference date from what is known (LEGAL.md ): a birth date, an age band, or a
 * signal that the person is a minor. Pure: the reference date is an argument.
 */
import { amsterdamOffsetMinutes } from '../calendar.js';
import type { PersonFacts } from './types.js';

/** The Dutch calendar date ("YYYY-MM-DD") of an instant. */
export function dutchDate(at: Date): string {
  return new Date(at.getTime() + amsterdamOffsetMinutes(at) * 60_000).toISOString().slice(0, 10);
}

/** Age in whole years on `onDate` ("YYYY-MM-DD") for a birth date ("YYYY-MM-DD"). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The highest age an age band allows (null: open-ended). */
const BAND_MAX: Record<string, number | null> = {
  '<16': 15,
  '16-17': 17,
  '18-24': 24,
  '25-34': 34,
  '35-44': 44,
  '45-54': 54,
  '55-64': 64,
  '65-74': 74,
  '75+': null,
};

/**
 * Known with reasonable certainty to be under `age` on the reference date: the birth date says
 * so, or the whole age band lies below it, or a record suggests a minor (PRODUCT CHOICE, stricter).
 */
export function knownUnder(person: PersonFacts, age: number, referenceDate: Date): boolean {
  return knownUnderOn(person, age, dutchDate(referenceDate));
}

/** `knownUnder` with the reference date already on the Dutch calendar ("YYYY-MM-DD"). */
export function knownUnderOn(
  person: Pick<PersonFacts, 'minorSignal' | 'birthDate' | 'ageBand'>,
  age: number,
  onDate: string,
): boolean {
  if (person.minorSignal) return true;
  if (person.birthDate !== null && ageOn(person.birthDate, onDate) < age) return true;
  if (person.ageBand !== null) {
    const max = BAND_MAX[person.ageBand];
    if (max !== undefined && max !== null && max < age) return true;
  }
  return false;
}

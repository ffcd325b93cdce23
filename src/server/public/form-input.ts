/**
 * Reads and checks a posted consent form: every problem is reported at once, next to its field, in the
 * page's language. Under 16 (counted as the consent rules do, R-19) the guardian's name and e-mail are
 * required. The consent use case validates again; this is the friendly first pass.
 */

import type { Locale } from '../../domain/codes.js';
import { ageAtConsentFromBirthYear, needsGuardian } from '../../domain/consent/assess.js';
import type { FieldError, FormValues, FormView } from './form-page.js';
import { messages } from './messages.js';
import { type FormBody, many, one } from './urlencoded.js';

const EMAIL = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\.]+(\.[^\s@<>",;:()[\]\\.]+)+$/;
const MAX = 100;

export interface CheckedInput {
  firstName: string;
  lastName: string | null;
  email: string;
  birthYear: number | null;
  guardianName: string | null;
  guardianEmail: string | null;
  purposeIds: string[];
}

export function readValues(body: FormBody | undefined): FormValues {
  return {
    firstName: one(body, 'firstName'),
    lastName: one(body, 'lastName'),
    email: one(body, 'email'),
    birthYear: one(body, 'birthYear'),
    guardianName: one(body, 'guardianName'),
    guardianEmail: one(body, 'guardianEmail'),
    purposeIds: [...new Set(many(body, 'purpose'))],
  };
}

export function checkValues(
  v: FormValues,
  view: Pick<FormView, 'purposes' | 'askBirthYear'>,
  locale: Locale,
  now: Date,
): { ok: true; input: CheckedInput } | { ok: false; errors: FieldError[] } {
  const e = messages(locale).errors;
  const errors: FieldError[] = [];
  if (!v.firstName) errors.push({ field: 'firstName', message: e.firstNameRequired });
  else if (v.firstName.length > MAX) errors.push({ field: 'firstName', message: e.tooLong });
  if (v.lastName.length > MAX) errors.push({ field: 'lastName', message: e.tooLong });
  if (!v.email) errors.push({ field: 'email', message: e.emailRequired });
  else if (v.email.length > 254 || !EMAIL.test(v.email))
    errors.push({ field: 'email', message: e.emailInvalid });

  let birthYear: number | null = null;
  const thisYear = now.getUTCFullYear();
  if (view.askBirthYear && v.birthYear) {
    const n = /^\d{4}$/.test(v.birthYear) ? Number(v.birthYear) : Number.NaN;
    if (!(n >= 1900 && n <= thisYear))
      errors.push({ field: 'birthYear', message: e.birthYearInvalid(thisYear) });
    else birthYear = n;
  }
  const minor = needsGuardian(ageAtConsentFromBirthYear(birthYear, now));
  if (minor && !v.guardianName) errors.push({ field: 'guardianName', message: e.guardianNameRequired });
  if (v.guardianName.length > MAX) errors.push({ field: 'guardianName', message: e.tooLong });
  if (minor && !v.guardianEmail) errors.push({ field: 'guardianEmail', message: e.guardianEmailRequired });
  else if (v.guardianEmail && (v.guardianEmail.length > 254 || !EMAIL.test(v.guardianEmail))) {
    errors.push({ field: 'guardianEmail', message: e.guardianEmailInvalid });
  } else if (minor && v.guardianEmail.toLowerCase() === v.email.toLowerCase()) {
    errors.push({ field: 'guardianEmail', message: e.guardianEmailSame });
  }

  const known = new Set(view.purposes.map((p) => p.purposeId));
  if (v.purposeIds.length === 0) errors.push({ field: 'purposes', message: e.purposeRequired });
  else if (v.purposeIds.some((id) => !known.has(id)))
    errors.push({ field: 'purposes', message: e.purposeUnknown });

  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    input: {
      firstName: v.firstName,
      lastName: v.lastName || null,
      email: v.email,
      birthYear,
      // Guardian data only where the consent rules need it (data minimisation).
      guardianName: minor ? v.guardianName : null,
      guardianEmail: minor ? v.guardianEmail : null,
      purposeIds: v.purposeIds,
    },
  };
}

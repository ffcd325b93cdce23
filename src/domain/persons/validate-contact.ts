/**
 * Validation and normalisation of a person's contact data (C1; R-43 keep data accurate). Pure and fast:
 * the register, every import row and every public-form submission go through `validateContact`.
 * Each problem names the field and the rule, so the edges answer 400 VALIDATION_FAILED with
 * `details.fields` (or an import report row) that says exactly what to fix.
 */
import { containsBsn } from '../bsn.js';
import { amsterdamOffsetMinutes } from '../calendar.js';
import { type Code, DomainError } from '../codes.js';
import { AGE_BANDS, LANGUAGES, type Language, type PersonContact } from './types.js';

/** One field problem: which field, which rule (stable, machine-readable), and a plain English hint. */
export interface ContactFieldError {
  field: string;
  rule: string;
  code: Code;
  problem: string;
}

/** Raw input: strings as typed or read from a file; numbers are accepted where digits are expected. */
export type ContactInput = Partial<Record<ContactInputField, unknown>>;

export const CONTACT_INPUT_FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'birthDate',
  'ageBand',
  'language',
] as const;
export type ContactInputField = (typeof CONTACT_INPUT_FIELDS)[number];

export const NAME_MAX = 100;
export const INFIX_MAX = 20;
export const STREET_MAX = 120;
export const CITY_MAX = 80;
export const EMAIL_MAX = 254;
/** Birth dates before this year are refused as typing errors. */
export const BIRTH_YEAR_MIN = 1900;

// Control characters (C0, DEL, C1), and the invisible format characters that reorder or hide text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

export type Result<T> = { ok: true; value: T } | { ok: false; rule: string; problem: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const bad = (rule: string, problem: string): Result<never> => ({ ok: false, rule, problem });

/** A string input trimmed; null for absent or blank; 'type' problem for non-strings. */
function text(v: unknown): Result<string | null> {
  if (v === null || v === undefined) return ok(null);
  if (typeof v === 'number' && Number.isFinite(v)) return ok(String(v));
  if (typeof v !== 'string') return bad('type', 'must be text');
  const t = v.trim();
  return ok(t === '' ? null : t);
}

function plainText(v: string, max: number, field: string): Result<string> {
  if (CONTROL.test(v)) return bad(`${field}.control_chars`, 'contains control or invisible characters');
  const collapsed = v.replace(/\s+/g, ' ');
  if ([...collapsed].length > max) return bad(`${field}.too_long`, `at most ${max} characters`);
  return ok(collapsed);
}

function name(v: string, max: number, field: string): Result<string> {
  const r = plainText(v, max, field);
  if (!r.ok) return r;
  if (!/\p{L}/u.test(r.value)) return bad(`${field}.no_letters`, 'a name contains letters');
  if (/[<>{}[\]\\|@#$%^*=_~`"]/.test(r.value) || /\p{N}/u.test(r.value)) {
    return bad(`${field}.characters`, 'letters, spaces, apostrophes, hyphens and dots only');
  }
  return r;
}

/** Dutch postcode "1234 AB": 1000–9999, two letters, never SS, SA or SD. Accepts "1234ab", "1234 ab". */
export function normalizePostcode(v: string): Result<string> {
  const m = /^([0-9]{4})\s*([A-Za-z]{2})$/.exec(v.trim());
  if (!m) return bad('postcode.format', 'a Dutch postcode: four digits and two letters, e.g. 1234 AB');
  const digits = Number(m[1]);
  if (digits < 1000) return bad('postcode.range', 'the digits run from 1000 to 9999');
  const letters = m[2]!.toUpperCase();
  if (letters === 'SS' || letters === 'SA' || letters === 'SD') {
    return bad('postcode.letters', 'the letter pairs SS, SA and SD are not used in Dutch postcodes');
  }
  return ok(`${m[1]} ${letters}`);
}

const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/** E-mail with a sane syntax: local@domain.tld, at most 254 characters; the domain is lower-cased. */
export function normalizeEmailAddress(v: string): Result<string> {
  if (v.length > EMAIL_MAX) return bad('email.too_long', `at most ${EMAIL_MAX} characters`);
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1) return bad('email.syntax', 'an address like naam@voorbeeld.nl');
  const local = v.slice(0, at);
  const domain = v.slice(at + 1).toLowerCase();
  if (local.length > 64 || !EMAIL_LOCAL.test(local)) {
    return bad('email.syntax', 'an address like naam@voorbeeld.nl');
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => EMAIL_LABEL.test(l))) {
    return bad('email.domain', 'the part after @ must be a domain name like voorbeeld.nl');
  }
  const tld = labels[labels.length - 1]!;
  if (!/^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u.test(tld)) {
    return bad('email.domain', 'the part after @ must end in a top-level domain like .nl');
  }
  return ok(`${local}@${domain}`);
}

/**
 * Phone numbers to E.164: Dutch national numbers ("06-12345678", "020 123 4567") become "+31…" with
 * exactly nine digits after the 31; international numbers ("+32 …", "0032 …") keep their country code
 * and have 8 to 15 digits in all. "+31 (0)6 …" is understood.
 */
export function normalizePhoneNumber(v: string): Result<string> {
  if (/[^0-9+\s().\-/]/.test(v))
    return bad('phone.characters', 'digits, spaces, dashes and a leading + only');
  let s = v.replace(/\(0\)/g, '').replace(/[\s().\-/]/g, '');
  if (s.lastIndexOf('+') > 0) return bad('phone.format', 'a + only at the start');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (!s.startsWith('+')) {
    if (!/^0[1-9][0-9]{8}$/.test(s)) {
      return bad('phone.format', 'a Dutch number has ten digits starting with 0, e.g. 06-12345678');
    }
    s = `+31${s.slice(1)}`;
  }
  const digits = s.slice(1);
  if (!/^[1-9][0-9]+$/.test(digits)) return bad('phone.format', 'digits after the country code');
  if (digits.startsWith('31')) {
    if (!/^31[1-9][0-9]{8}$/.test(digits)) {
      return bad('phone.format', 'a Dutch number has nine digits after +31');
    }
  } else if (digits.length < 8 || digits.length > 15) {
    return bad('phone.length', 'an international number has 8 to 15 digits');
  }
  return ok(s);
}

/**
 * House number with any addition: "12", "12a" → "12A", "12-2", "12 hs" → "12-HS", "12A-3". The number is
 * 1–99999; the addition at most six letters or digits.
 */
export function normalizeHouseNumber(number: string, addition: string | null): Result<string> {
  // After the number: a separator and any addition, or directly an addition that starts with a letter.
  const m =
    /^([1-9][0-9]{0,4})(?:\s*[-\s]\s*([A-Za-z0-9]{1,6}(?:\s*[-\s]\s*[A-Za-z0-9]{1,4})?)|([A-Za-z][A-Za-z0-9]{0,5}(?:\s*[-\s]\s*[A-Za-z0-9]{1,4})?))?$/.exec(
      number.trim(),
    );
  if (!m) return bad('houseNumber.format', 'a number from 1 to 99999 with an optional addition, e.g. 12A');
  let add = m[2] ?? m[3] ?? null;
  if (addition !== null) {
    if (add !== null) return bad('houseNumberAddition.duplicate', 'the addition is given twice');
    if (!/^[A-Za-z0-9]{1,6}(?:\s*[-\s]\s*[A-Za-z0-9]{1,4})?$/.test(addition)) {
      return bad('houseNumberAddition.format', 'at most six letters or digits');
    }
    add = addition;
  }
  if (add === null) return ok(m[1]!);
  const a = add.toUpperCase().replace(/\s*[-\s]\s*/g, '-');
  // A single house letter follows the number directly (12A); anything else after a dash (12-2, 12-HS).
  if (/^[A-Z](?:-[A-Z0-9]+)?$/.test(a)) return ok(`${m[1]}${a}`);
  return ok(`${m[1]}-${a}`);
}

/** The Dutch calendar date ("YYYY-MM-DD") of an instant (Europe/Amsterdam). */
export function dutchDate(at: Date): string {
  return new Date(at.getTime() + amsterdamOffsetMinutes(at) * 60_000).toISOString().slice(0, 10);
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An ISO date or a Dutch date "dd-mm-jjjj" ("1-2-1990", "01/02/1990", "01.02.1990") → "YYYY-MM-DD". */
export function parseDate(v: string): Result<string> {
  let y: number;
  let m: number;
  let d: number;
  let iso = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(v);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else {
    iso = /^([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})$/.exec(v);
    if (!iso) return bad('date.format', 'a date as JJJJ-MM-DD or DD-MM-JJJJ');
    d = Number(iso[1]);
    m = Number(iso[2]);
    y = Number(iso[3]);
  }
  if (!validDate(y, m, d)) return bad('date.invalid', 'no such day in the calendar');
  return ok(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** A birth date: a real date, not in the future (Dutch calendar), not before 1900. */
export function normalizeBirthDate(v: string, now: Date): Result<string> {
  const r = parseDate(v);
  if (!r.ok) return { ok: false, rule: r.rule.replace('date.', 'birthDate.'), problem: r.problem };
  if (r.value > dutchDate(now)) return bad('birthDate.future', 'a birth date is not in the future');
  if (Number(r.value.slice(0, 4)) < BIRTH_YEAR_MIN) {
    return bad('birthDate.too_early', `a birth date is not before ${BIRTH_YEAR_MIN}`);
  }
  return r;
}

export interface ContactValidation {
  value: PersonContact | null;
  errors: ContactFieldError[];
}

/**
 * Validate and normalise one person's contact data. Every problem is reported (not just the first),
 * each naming its field and rule; `value` is null when there is any. At least a first or last name is
 * required; all other fields are optional. The clock is an argument (birth dates in the future).
 */
export function validateContact(input: ContactInput, now: Date): ContactValidation {
  const errors: ContactFieldError[] = [];
  const fail = (field: string, r: { rule: string; problem: string }) => {
    errors.push({ field, rule: r.rule, code: 'PERSON_FIELD_INVALID', problem: r.problem });
  };
  const get = (field: ContactInputField): string | null => {
    const r = text(input[field]);
    if (!r.ok) {
      fail(field, { rule: `${field}.type`, problem: r.problem });
      return null;
    }
    return r.value;
  };
  const check = <T>(field: string, raw: string | null, f: (v: string) => Result<T>): T | null => {
    if (raw === null) return null;
    const r = f(raw);
    if (!r.ok) {
      fail(field, r);
      return null;
    }
    return r.value;
  };

  const rawFirst = get('firstName');
  const rawLast = get('lastName');
  const firstName = check('firstName', rawFirst, (v) => name(v, NAME_MAX, 'firstName'));
  const infix = check('infix', get('infix'), (v) => {
    const r = plainText(v, INFIX_MAX, 'infix');
    if (r.ok && !/^[\p{L}' .-]+$/u.test(r.value)) return bad('infix.characters', 'e.g. "van der" or "\'t"');
    return r;
  });
  const lastName = check('lastName', rawLast, (v) => name(v, NAME_MAX, 'lastName'));
  if (rawFirst === null && rawLast === null && !errors.some((e) => e.field.endsWith('Name'))) {
    fail('firstName', { rule: 'name.required', problem: 'a first name or a last name is required' });
  }
  const email = check('email', get('email'), normalizeEmailAddress);
  const phone = check('phone', get('phone'), normalizePhoneNumber);
  const street = check('street', get('street'), (v) => plainText(v, STREET_MAX, 'street'));
  const rawCity = get('city');
  const rawNumber = get('houseNumber');
  const rawAddition = get('houseNumberAddition');
  let houseNumber: string | null = null;
  if (rawNumber === null && rawAddition !== null) {
    fail('houseNumberAddition', {
      rule: 'houseNumberAddition.without_number',
      problem: 'an addition needs a number',
    });
  } else if (rawNumber !== null) {
    const r = normalizeHouseNumber(rawNumber, rawAddition);
    if (r.ok) houseNumber = r.value;
    else fail(r.rule.startsWith('houseNumberAddition') ? 'houseNumberAddition' : 'houseNumber', r);
  }
  const postcode = check('postcode', get('postcode'), normalizePostcode);
  const city = check('city', rawCity, (v) => plainText(v, CITY_MAX, 'city'));
  // a party has no basis to process the BSN; it never hides in an address field either.
  for (const [field, v] of [
    ['street', street],
    ['city', city],
  ] as const) {
    if (v !== null && containsBsn(v)) {
      errors.push({
        field,
        rule: `${field}.bsn`,
        code: 'BSN_NOT_ALLOWED',
        problem: 'contains a citizen service number (BSN)',
      });
    }
  }
  const birthDate = check('birthDate', get('birthDate'), (v) => normalizeBirthDate(v, now));
  const ageBand = check('ageBand', get('ageBand'), (v) => {
    const band = v.replace(/\s+/g, '').replace(/[–—]/g, '-');
    return (AGE_BANDS as readonly string[]).includes(band)
      ? ok(band)
      : bad('ageBand.unknown', `one of ${AGE_BANDS.join(', ')}`);
  });
  const language = check('language', get('language'), (v) => {
    const l = v.toLowerCase();
    return (LANGUAGES as readonly string[]).includes(l)
      ? ok(l as Language)
      : bad('language.unknown', `one of ${LANGUAGES.join(', ')}`);
  });

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      firstName: firstName ?? '',
      infix,
      lastName: lastName ?? '',
      email,
      phone,
      street,
      houseNumber,
      postcode,
      city,
      birthDate,
      ageBand,
      language: language ?? 'nl',
    },
    errors,
  };
}

/**
 * The edge's error for field problems: 400 VALIDATION_FAILED with `details.fields` naming each field
 * (with an optional prefix, e.g. "contact."), its rule and the code.
 */
export function contactValidationError(errors: readonly ContactFieldError[], prefix = ''): DomainError {
  return new DomainError('VALIDATION_FAILED', {
    in: 'body',
    fields: errors.map((e) => ({
      field: `${prefix}${e.field}`,
      rule: e.rule,
      code: e.code,
      problem: e.problem,
    })),
  });
}

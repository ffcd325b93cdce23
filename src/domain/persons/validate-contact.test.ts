import { describe, expect, it } from 'vitest';
import { branchForPostcode } from './branch-for-postcode.js';
import {
  dutchDate,
  normalizeBirthDate,
  normalizeEmailAddress,
  normalizeHouseNumber,
  normalizePhoneNumber,
  normalizePostcode,
  validateContact,
} from './validate-contact.js';

const NOW = new Date('2026-05-01T12:00:00Z');

const value = <T>(r: { ok: true; value: T } | { ok: false; rule: string }) => (r.ok ? r.value : `!${r.rule}`);

describe('R-43 accurate data: Dutch postcode', () => {
  it.each([
    ['1234 AB', '1234 AB'],
    ['1234ab', '1234 AB'],
    [' 1234  ab ', '1234 AB'],
    ['9999ZZ', '9999 ZZ'],
    ['1000 AA', '1000 AA'],
    ['0999 AB', '!postcode.range'],
    ['1234 SS', '!postcode.letters'],
    ['1234sa', '!postcode.letters'],
    ['1234 SD', '!postcode.letters'],
    ['1234 SE', '1234 SE'],
    ['1234', '!postcode.format'],
    ['1234 A', '!postcode.format'],
    ['12345 AB', '!postcode.format'],
    ['1234 A1', '!postcode.format'],
    ['AB 1234', '!postcode.format'],
  ])('%s → %s', (input, expected) => {
    expect(value(normalizePostcode(input))).toBe(expected);
  });
});

describe('R-43 accurate data: e-mail', () => {
  it.each([
    ['aletta.jacobs@voorbeeld.invalid', 'aletta.jacobs@voorbeeld.invalid'],
    ['Aletta.Jacobs@VOORBEELD.Invalid', 'Aletta.Jacobs@voorbeeld.invalid'],
    ['a+tag@sub.voorbeeld.nl', 'a+tag@sub.voorbeeld.nl'],
    ["o'brien@voorbeeld.invalid", "o'brien@voorbeeld.invalid"],
    ['jan@xn--bcher-kva.example', 'jan@xn--bcher-kva.example'],
    ['geen-apenstaartje.nl', '!email.syntax'],
    ['@voorbeeld.nl', '!email.syntax'],
    ['jan@', '!email.syntax'],
    ['jan..piet@voorbeeld.nl', '!email.syntax'],
    ['.jan@voorbeeld.nl', '!email.syntax'],
    ['jan piet@voorbeeld.nl', '!email.syntax'],
    ['jan@voorbeeld', '!email.domain'],
    ['jan@-voorbeeld.nl', '!email.domain'],
    ['jan@voorbeeld..nl', '!email.domain'],
    ['jan@voorbeeld.n1', '!email.domain'],
    [`${'a'.repeat(65)}@voorbeeld.nl`, '!email.syntax'],
    [
      `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.nl`,
      '!email.too_long',
    ],
  ])('%s → %s', (input, expected) => {
    expect(value(normalizeEmailAddress(input))).toBe(expected);
  });
});

describe('R-43 accurate data: phone numbers to E.164', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['06 1234 5678', '+31612345678'],
    ['020-1234567', '+31201234567'],
    ['(020) 123 45 67', '+31201234567'],
    ['+31 6 12345678', '+31612345678'],
    ['+31 (0)6 12345678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['+32 470 12 34 56', '+32470123456'],
    ['+44 20 7946 0000', '+442079460000'],
    ['0612345', '!phone.format'],
    ['061234567890', '!phone.format'],
    ['+31 6 1234567', '!phone.format'],
    ['+1 234', '!phone.length'],
    ['06-1234abcd', '!phone.characters'],
    ['06+12345678', '!phone.format'],
  ])('%s → %s', (input, expected) => {
    expect(value(normalizePhoneNumber(input))).toBe(expected);
  });
});

describe('R-43 accurate data: house number with addition', () => {
  it.each([
    ['12', null, '12'],
    ['12a', null, '12A'],
    ['12 A', null, '12A'],
    ['12-2', null, '12-2'],
    ['12 hs', null, '12-HS'],
    ['12A-3', null, '12A-3'],
    ['12', 'bis', '12-BIS'],
    ['12', 'b', '12B'],
    ['0', null, '!houseNumber.format'],
    ['123456', null, '!houseNumber.format'],
    ['twaalf', null, '!houseNumber.format'],
    ['12a', 'b', '!houseNumberAddition.duplicate'],
    ['12', 'a/b', '!houseNumberAddition.format'],
  ])('%s + %s → %s', (n, a, expected) => {
    expect(value(normalizeHouseNumber(n, a))).toBe(expected);
  });
});

describe('R-43 accurate data: birth date (ISO or dd-mm-jjjj, not future, not before 1900)', () => {
  it.each([
    ['1990-02-01', '1990-02-01'],
    ['01-02-1990', '1990-02-01'],
    ['1-2-1990', '1990-02-01'],
    ['01/02/1990', '1990-02-01'],
    ['01.02.1990', '1990-02-01'],
    ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2026-05-01', '2026-05-01'],
    ['2026-05-02', '!birthDate.future'],
    ['1899-12-31', '!birthDate.too_early'],
    ['1999-02-29', '!birthDate.invalid'],
    ['31-04-1990', '!birthDate.invalid'],
    ['1990-13-01', '!birthDate.invalid'],
    ['1990/02/01', '!birthDate.format'],
    ['gisteren', '!birthDate.format'],
  ])('%s → %s', (input, expected) => {
    expect(value(normalizeBirthDate(input, NOW))).toBe(expected);
  });

  it('today is the Dutch calendar day: 23:30 UTC on 30 April is already 1 May in Amsterdam', () => {
    expect(dutchDate(new Date('2026-04-30T23:30:00Z'))).toBe('2026-05-01');
    expect(value(normalizeBirthDate('2026-05-01', new Date('2026-04-30T23:30:00Z')))).toBe('2026-05-01');
  });
});

describe('validateContact', () => {
  it('normalises a complete record', () => {
    const r = validateContact(
      {
        firstName: ' Aletta ',
        infix: '',
        lastName: 'Jacobs',
        email: 'Aletta@Voorbeeld.Invalid',
        phone: '06-12345678',
        street: 'Herengracht',
        houseNumber: '12a',
        postcode: '1017xq',
        city: 'Amsterdam',
        birthDate: '09-02-1954',
        ageBand: '',
        language: 'NL',
      },
      NOW,
    );
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual({
      firstName: 'Aletta',
      infix: null,
      lastName: 'Jacobs',
      email: 'Aletta@voorbeeld.invalid',
      phone: '+31612345678',
      street: 'Herengracht',
      houseNumber: '12A',
      postcode: '1017 XQ',
      city: 'Amsterdam',
      birthDate: '1954-02-09',
      ageBand: null,
      language: 'nl',
    });
  });

  it('R-43 minimal by default: a first name and an e-mail address are enough (language defaults to nl)', () => {
    const r = validateContact({ firstName: 'Johan', email: 'johan@voorbeeld.invalid' }, NOW);
    expect(r.value).toMatchObject({ firstName: 'Johan', lastName: '', email: 'johan@voorbeeld.invalid' });
    expect(r.value?.language).toBe('nl');
  });

  it('reports every problem, each naming its field and rule, with PERSON_FIELD_INVALID', () => {
    const r = validateContact(
      {
        firstName: 'Jan\u0000',
        lastName: 'x'.repeat(101),
        email: 'nope',
        phone: '123',
        postcode: '1234 SS',
        houseNumber: '0',
        birthDate: '2030-01-01',
        ageBand: '17-19',
        language: 'xx',
        infix: '<b>',
      },
      NOW,
    );
    expect(r.value).toBeNull();
    expect(r.errors.map((e) => [e.field, e.rule])).toEqual([
      ['firstName', 'firstName.control_chars'],
      ['infix', 'infix.characters'],
      ['lastName', 'lastName.too_long'],
      ['email', 'email.syntax'],
      ['phone', 'phone.format'],
      ['houseNumber', 'houseNumber.format'],
      ['postcode', 'postcode.letters'],
      ['birthDate', 'birthDate.future'],
      ['ageBand', 'ageBand.unknown'],
      ['language', 'language.unknown'],
    ]);
    expect(new Set(r.errors.map((e) => e.code))).toEqual(new Set(['PERSON_FIELD_INVALID']));
  });

  it('R-43: a BSN in an address field is refused with BSN_NOT_ALLOWED', () => {
    const r = validateContact({ firstName: 'Jan', street: 'Kerkstraat 111222333' }, NOW);
    expect(r.errors.map((e) => [e.field, e.rule, e.code])).toEqual([
      ['street', 'street.bsn', 'BSN_NOT_ALLOWED'],
    ]);
  });

  it.each([
    [{}, 'firstName', 'name.required'],
    [{ firstName: '   ', lastName: '' }, 'firstName', 'name.required'],
    [{ firstName: 42 as unknown as string }, 'firstName', 'firstName.no_letters'],
    [{ firstName: { x: 1 } }, 'firstName', 'firstName.type'],
    [{ firstName: 'Jan2' }, 'firstName', 'firstName.characters'],
    [{ firstName: '---' }, 'firstName', 'firstName.no_letters'],
    [{ firstName: 'Jan', lastName: 'Dekker\u202e' }, 'lastName', 'lastName.control_chars'],
    [
      { firstName: 'Jan', houseNumberAddition: 'A' },
      'houseNumberAddition',
      'houseNumberAddition.without_number',
    ],
    [{ firstName: 'Jan', ageBand: '30-40' }, 'ageBand', 'ageBand.unknown'],
  ])('%j → %s %s', (input, field, rule) => {
    const r = validateContact(input, NOW);
    expect(r.errors.map((e) => [e.field, e.rule])).toEqual([[field, rule]]);
  });

  it.each([
    ['Jan-Pieter', 'Jan-Pieter'],
    ["D'Artagnan", "D'Artagnan"],
    ['Zoë  Öztürk', 'Zoë Öztürk'],
    ['J.P.', 'J.P.'],
  ])('name %s is accepted as %s', (input, expected) => {
    expect(validateContact({ firstName: input }, NOW).value?.firstName).toBe(expected);
  });

  it('accepts an age band instead of a birth date, en-dash or not', () => {
    expect(validateContact({ firstName: 'Jan', ageBand: '18–24' }, NOW).value?.ageBand).toBe('18-24');
    expect(validateContact({ firstName: 'Jan', ageBand: '75+' }, NOW).value?.ageBand).toBe('75+');
  });
});

describe('branchForPostcode', () => {
  const branches = [
    { id: 'noord-holland', postcodeFrom: 1000, postcodeTo: 1999 },
    { id: 'amsterdam', postcodeFrom: 1000, postcodeTo: 1109 },
    { id: 'utrecht', postcodeFrom: 3500, postcodeTo: 3585 },
  ];
  it.each([
    ['1017 XQ', 'amsterdam', 'the narrowest range that holds the digits wins'],
    ['1500 AB', 'noord-holland', 'only the wide range holds it'],
    ['3585', 'utrecht', 'the four digits alone work; ranges are inclusive'],
    ['3586 AA', null, 'no branch covers it'],
    [null, null, 'no postcode'],
    ['abc', null, 'malformed'],
  ] as [string | null, string | null, string][])('%s → %s (%s)', (postcode, expected) => {
    expect(branchForPostcode(postcode, branches)).toBe(expected);
  });

  it('equal ranges are decided stably (lowest id)', () => {
    const tie = [
      { id: 'b', postcodeFrom: 2000, postcodeTo: 2099 },
      { id: 'a', postcodeFrom: 2000, postcodeTo: 2099 },
    ];
    expect(branchForPostcode('2000 AA', tie)).toBe('a');
    expect(branchForPostcode('2000 AA', [...tie].reverse())).toBe('a');
  });
});

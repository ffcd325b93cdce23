import { describe, expect, it } from 'vitest';
import { classifyHeader, FIELD_CLASS, IMPORT_FIELDS, MEMBERSHIP_FIELDS, suggestMapping } from './fields.js';
import { applyMapping, planImport, validateMapping } from './mapping.js';

describe('import fields and mappings (C3)', () => {
  it('R-02: membership fields are political; contact fields ordinary', () => {
    for (const f of MEMBERSHIP_FIELDS) expect(FIELD_CLASS[f]).toBe('political');
    expect(FIELD_CLASS.email).toBe('ordinary');
    expect(IMPORT_FIELDS.filter((f) => FIELD_CLASS[f] === 'political').sort()).toEqual(
      ['branch', 'memberSince', 'memberUntil', 'membershipStatus', 'publicEvidenceUrl'].sort(),
    );
  });

  it('suggests a mapping from Dutch and English column names', () => {
    const headers = [
      'Voornaam',
      'tussenvoegsel',
      'Achternaam',
      'E-mail',
      'Telefoon',
      'Straat',
      'Huisnummer',
      'Postcode',
      'Plaats',
      'Geboortedatum',
      'Lid sinds',
      'Lidmaatschap',
      'Afdeling',
      'likely_voter_party',
    ];
    expect(suggestMapping(headers)).toEqual({
      Voornaam: 'firstName',
      tussenvoegsel: 'infix',
      Achternaam: 'lastName',
      'E-mail': 'email',
      Telefoon: 'phone',
      Straat: 'street',
      Huisnummer: 'houseNumber',
      Postcode: 'postcode',
      Plaats: 'city',
      Geboortedatum: 'birthDate',
      'Lid sinds': 'memberSince',
      Lidmaatschap: 'membershipStatus',
      Afdeling: 'branch',
      likely_voter_party: null,
    });
    expect(
      suggestMapping(['First Name', 'Last name', 'Email address', 'Phone', 'Date of birth', 'email']),
    ).toEqual({
      'First Name': 'firstName',
      'Last name': 'lastName',
      'Email address': 'email',
      Phone: 'phone',
      'Date of birth': 'birthDate',
      email: null,
    });
  });

  it.each([
    ['likely_voter_party', ['political']],
    ['party_preference', ['political']],
    ['Partijvoorkeur', ['political']],
    ['stemvoorkeur', ['political']],
    ['likelyVoterParty', ['political']],
    ['political_leaning', ['political', 'enrichment']],
    ['petitie_getekend', ['high_proxy']],
    ['propensity_score', ['high_proxy']],
    ['income_band', ['enrichment']],
    ['consent', ['consent_flag']],
    ['Toestemming', ['consent_flag']],
    ['opt-in', ['consent_flag']],
    ['BSN', ['bsn']],
    ['burgerservicenummer', ['bsn']],
    ['voorkeurstaal', []],
    ['e-mail', []],
    ['opmerking', []],
  ])('R-08, R-10, R-37: the column "%s" reveals %j', (header, kinds) => {
    expect(classifyHeader(header)).toEqual(kinds);
  });

  it('validates a mapping and names every problem', () => {
    const headers = ['a', 'b', 'c', 'd'];
    expect(validateMapping(headers, { a: 'firstName', b: 'email', c: null, d: null })).toEqual([]);
    expect(
      validateMapping(headers, {
        a: 'email',
        b: 'email',
        c: 'memberUntil',
        d: 'houseNumberAddition',
        e: 'city',
        // biome-ignore lint/suspicious/noExplicitAny: an unknown field as a client might send it
        f: 'nonsense' as any,
      }),
    ).toEqual([
      { column: 'b', field: 'email', rule: 'mapping.field_twice' },
      { column: 'e', field: null, rule: 'mapping.unknown_column' },
      { column: 'f', field: null, rule: 'mapping.unknown_column' },
      { column: null, field: 'lastName', rule: 'mapping.name_required' },
      { column: null, field: 'houseNumber', rule: 'mapping.addition_without_number' },
      { column: null, field: 'memberSince', rule: 'mapping.member_since_required' },
    ]);
  });

  it('a saved mapping applies to the columns a file has', () => {
    const m = applyMapping(['voornaam', 'extra'], { voornaam: 'firstName', achternaam: 'lastName' });
    expect(m).toEqual({ voornaam: 'firstName', extra: null });
    expect(planImport(['voornaam', 'extra'], m).index).toEqual({ firstName: 0 });
  });
});

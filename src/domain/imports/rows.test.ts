import { describe, expect, it } from 'vitest';
import type { ImportField } from './fields.js';
import { planImport } from './mapping.js';
import { type RowContext, validateImportRow } from './rows.js';

const HEADERS = [
  'voornaam',
  'achternaam',
  'e-mail',
  'postcode',
  'geboortedatum',
  'lid sinds',
  'lidmaatschap',
  'afdeling',
  'opmerking',
];
const FIELDS: (ImportField | null)[] = [
  'firstName',
  'lastName',
  'email',
  'postcode',
  'birthDate',
  'memberSince',
  'membershipStatus',
  'branch',
  null,
];
const plan = planImport(HEADERS, Object.fromEntries(HEADERS.map((h, i) => [h, FIELDS[i] ?? null])));
const ctx: RowContext = {
  now: new Date('2026-03-01T12:00:00+01:00'),
  branches: new Map([['utrecht', 'b-utrecht']]),
  evidenceRequired: false,
};
const row = (over: Partial<Record<string, string>> = {}) => {
  const base: Record<string, string> = {
    voornaam: 'Aletta',
    achternaam: 'Jacobs',
    'e-mail': 'aletta.jacobs@voorbeeld.invalid',
    postcode: '3512ab',
    geboortedatum: '09-02-1954',
    'lid sinds': '',
    lidmaatschap: '',
    afdeling: '',
    opmerking: '',
  };
  return HEADERS.map((h) => over[h] ?? base[h]!);
};

describe('import rows (C3, R-43)', () => {
  it('a valid row becomes a normalised contact', () => {
    const r = validateImportRow(plan, row(), 2, ctx);
    expect(r.errors).toEqual([]);
    expect(r.value?.contact).toMatchObject({
      firstName: 'Aletta',
      lastName: 'Jacobs',
      postcode: '3512 AB',
      birthDate: '1954-02-09',
    });
    expect(r.value?.membership).toBeNull();
  });

  it.each([
    [{ 'e-mail': 'geen-adres' }, 'e-mail', 'email.syntax'],
    [{ postcode: '0123 AB' }, 'postcode', 'postcode.range'],
    [{ postcode: '1234 SS' }, 'postcode', 'postcode.letters'],
    [{ geboortedatum: '31-02-1980' }, 'geboortedatum', 'birthDate.invalid'],
    [{ geboortedatum: '1980/13/01' }, 'geboortedatum', 'birthDate.format'],
    [{ 'lid sinds': 'gisteren' }, 'lid sinds', 'memberSince.format'],
    [{ 'lid sinds': '01-01-2030' }, 'lid sinds', 'memberSince.future'],
    [{ lidmaatschap: 'misschien', 'lid sinds': '01-01-2020' }, 'lidmaatschap', 'membershipStatus.unknown'],
    [{ lidmaatschap: 'actief' }, 'lid sinds', 'memberSince.required'],
    [{ 'lid sinds': '01-01-2020', afdeling: 'Atlantis' }, 'afdeling', 'branch.unknown'],
  ])('R-43: %o is rejected naming column %s and rule %s', (over, column, rule) => {
    const r = validateImportRow(plan, row(over), 7, ctx);
    expect(r.value).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ row: 7, column, rule }));
  });

  it('R-43: every problem of a row is reported, not only the first', () => {
    const r = validateImportRow(plan, row({ 'e-mail': 'x', postcode: 'x', geboortedatum: 'x' }), 3, ctx);
    expect(r.errors.map((e) => e.column)).toEqual(['e-mail', 'postcode', 'geboortedatum']);
  });

  it('R-43: a BSN in any cell, mapped or not, rejects the row and never echoes the number', () => {
    const r = validateImportRow(plan, row({ opmerking: 'bsn 111222333' }), 4, ctx);
    expect(r.value).toBeNull();
    expect(r.errors).toEqual([{ row: 4, column: 'opmerking', rule: 'bsn.found', code: 'BSN_NOT_ALLOWED' }]);
    expect(JSON.stringify(r)).not.toContain('111222333');
  });

  it('R-02: membership columns give a membership (political data) with the branch', () => {
    const r = validateImportRow(plan, row({ 'lid sinds': '01-09-2015', afdeling: 'Utrecht' }), 2, ctx);
    expect(r.value?.membership).toEqual({
      status: 'active',
      since: '2015-09-01',
      until: null,
      branchId: 'b-utrecht',
    });
    const ended = validateImportRow(
      plan,
      row({ 'lid sinds': '2015-09-01', lidmaatschap: 'opgezegd' }),
      2,
      ctx,
    );
    expect(ended.value?.membership?.status).toBe('ended');
    const none = validateImportRow(plan, row({ lidmaatschap: 'geen lid' }), 2, ctx);
    expect(none.value?.membership).toBeNull();
  });

  it('a row with the wrong number of cells is rejected as a whole; trailing empty cells are fine', () => {
    const short = validateImportRow(plan, row().slice(0, 5), 9, ctx);
    expect(short.errors[0]).toEqual({
      row: 9,
      column: null,
      rule: 'row.column_count',
      code: 'VALIDATION_FAILED',
    });
    expect(validateImportRow(plan, [...row(), '', ' '], 9, ctx).errors).toEqual([]);
    expect(validateImportRow(plan, [...row(), 'x'], 9, ctx).errors[0]?.rule).toBe('row.column_count');
  });

  it('R-09: a public source with political columns needs the 9(2)(e) evidence on every row', () => {
    const h = ['naam', 'bewijs'];
    const p = planImport(h, { naam: 'lastName', bewijs: 'publicEvidenceUrl' });
    const c = { ...ctx, evidenceRequired: true };
    expect(validateImportRow(p, ['Jacobs', ''], 2, c).errors).toEqual([
      { row: 2, column: 'bewijs', rule: 'publicEvidenceUrl.required', code: 'NOT_MANIFESTLY_PUBLIC' },
    ]);
    expect(validateImportRow(p, ['Jacobs', 'javascript:alert(1)'], 2, c).errors[0]?.rule).toBe(
      'publicEvidenceUrl.format',
    );
    expect(validateImportRow(p, ['Jacobs', 'https://nieuws.example/interview'], 2, c).errors).toEqual([]);
  });
});

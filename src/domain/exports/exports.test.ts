import { describe, expect, it } from 'vitest';
import { BOM, columnsFor, csvField, normaliseEmailForHash, tally, toCsv } from './csv.js';
import {
  customAudienceDestinationReasons,
  type DestinationFacts,
  exportDestinationReasons,
} from './destination-check.js';

const ok: DestinationFacts = {
  role: 'PROCESSOR',
  platform: false,
  vetted: true,
  processorAgreementComplete: true,
  art26Arrangement: false,
  outsideEea: false,
  transferMechanism: false,
};

describe('export destinations', () => {
  it.each([
    ['R-34: no registered destination', null, ['UNREGISTERED_DESTINATION']],
    ['R-35/R-33/R-38: a processor meeting every condition', ok, []],
    [
      'R-35: processor without agreement',
      { ...ok, processorAgreementComplete: false },
      ['NO_PROCESSOR_AGREEMENT'],
    ],
    ['R-33: not vetted', { ...ok, vetted: false }, ['VENDOR_NOT_VETTED']],
    ['R-38: outside the EEA without mechanism', { ...ok, outsideEea: true }, ['TRANSFER_MECHANISM_MISSING']],
    ['R-38: outside the EEA with mechanism', { ...ok, outsideEea: true, transferMechanism: true }, []],
    ['R-05/R-30: a controller', { ...ok, role: 'CONTROLLER' as const }, ['DISCLOSURE_OUTSIDE_BODY']],
    [
      'R-05/R-21/R-33/R-38: every reason of a joint controller at once',
      { ...ok, role: 'JOINT_CONTROLLER' as const, vetted: false, outsideEea: true },
      [
        'DISCLOSURE_OUTSIDE_BODY',
        'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED',
        'VENDOR_NOT_VETTED',
        'TRANSFER_MECHANISM_MISSING',
      ],
    ],
  ])('%s', (_name, dest, reasons) => {
    expect(exportDestinationReasons(dest)).toEqual(reasons);
  });

  it.each([
    ['R-34: no platform registered', null, ['UNREGISTERED_DESTINATION']],
    [
      'R-21/R-31: joint controller without art 26 arrangement',
      { ...ok, role: 'JOINT_CONTROLLER' as const, platform: true },
      ['JOINT_CONTROLLER_ARRANGEMENT_REQUIRED'],
    ],
    [
      'R-22: joint controller with arrangement',
      { ...ok, role: 'JOINT_CONTROLLER' as const, platform: true, art26Arrangement: true },
      [],
    ],
  ])('custom audience %s', (_name, dest, reasons) => {
    expect(customAudienceDestinationReasons(dest)).toEqual(reasons);
  });
});

describe('export file (R-11 minimisation)', () => {
  it.each([
    ['EMAIL', ['firstName', 'infix', 'lastName', 'email'], 'email'],
    ['SMS', ['firstName', 'infix', 'lastName', 'phone'], 'phone'],
    ['DOOR', ['firstName', 'infix', 'lastName', 'street', 'houseNumber', 'postcode', 'city'], 'postcode'],
    ['NONE', ['firstName', 'infix', 'lastName', 'postcode'], null],
  ] as const)('R-11: channel %s exports only %j', (channel, columns, required) => {
    expect(columnsFor(channel)).toEqual({ columns, required });
  });

  it('R-11: UTF-8 BOM, semicolons, CRLF, quoting and formula guard', () => {
    const csv = toCsv(
      ['firstName', 'lastName', 'email'],
      [
        {
          firstName: 'Zoë',
          lastName: 'de Vries; jr',
          email: 'zoe@voorbeeld.invalid',
          infix: null,
          phone: null,
          street: null,
          houseNumber: null,
          postcode: null,
          city: null,
        },
        {
          firstName: '=SOM(A1)',
          lastName: 'Aap "Noot"',
          email: null,
          infix: null,
          phone: null,
          street: null,
          houseNumber: null,
          postcode: null,
          city: null,
        },
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Voornaam;Achternaam;E-mail',
      'Zoë;"de Vries; jr";zoe@voorbeeld.invalid',
      `'=SOM(A1);"Aap ""Noot""";`,
      '',
    ]);
    expect(csvField('-1')).toBe("'-1");
  });

  it('R-22: the hashed e-mail is trimmed and lower case; empty is none', () => {
    expect(normaliseEmailForHash('  Anna@Voorbeeld.INVALID ')).toBe('anna@voorbeeld.invalid');
    expect(normaliseEmailForHash('  ')).toBeNull();
    expect(normaliseEmailForHash(null)).toBeNull();
  });

  it('R-63: counts each code once per person', () => {
    const t: Record<string, number> = {};
    tally(t, ['OBJECTED', 'OBJECTED', 'NO_EXPLICIT_CONSENT']);
    tally(t, ['OBJECTED']);
    expect(t).toEqual({ OBJECTED: 2, NO_EXPLICIT_CONSENT: 1 });
  });
});

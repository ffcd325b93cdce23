import { describe, expect, it } from 'vitest';
import {
  ageAtConsentFromBirthYear,
  assessConsent,
  lapsesAt,
  namesController,
  needsGuardian,
  startOfDayAfterNl,
} from './assess.js';
import {
  confirmationExpiresAt,
  isWellFormedLinkToken,
  linkExpired,
  pendingPurgeCutoff,
} from './lifecycle.js';
import type { ConsentFacts, ConsentPurpose } from './types.js';

const PARTY = 'Partij voor de Toekomst';
const NOW = new Date('2026-03-01T12:00:00Z');
const GIVEN = new Date('2026-01-10T10:00:00Z');

const purpose = (p: Partial<ConsentPurpose> = {}): ConsentPurpose => ({
  id: 'p-campaign',
  name: 'Campagnemails',
  description: 'Campagnemails op basis van politieke voorkeur',
  political: true,
  channels: ['EMAIL'],
  scopeUntil: null,
  refreshAfterMonths: null,
  recipients: [],
  ...p,
});

const record = (r: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'c1',
  purposeId: 'p-campaign',
  textVersionId: 't1',
  controllerNames: [PARTY],
  channel: 'WEB_FORM',
  givenAt: GIVEN,
  explicit: true,
  captureDefects: [],
  purposesInAction: 1,
  confirmedAt: new Date('2026-01-10T10:05:00Z'),
  hasScan: false,
  ageAtConsent: null,
  guardianConfirmedAt: null,
  withdrawnAt: null,
  ...r,
});

const ctx = { partyControllerId: PARTY, now: NOW };

describe('assessConsent', () => {
  it.each([
    ['R-17: a confirmed explicit web-form consent for this party is valid', record(), purpose(), 'valid', []],
    [
      'R-17: an own-web-form consent counts only after the double opt-in click',
      record({ confirmedAt: null }),
      purpose(),
      'pending_confirmation',
      ['CONSENT_PENDING_CONFIRMATION'],
    ],
    [
      'R-13: a pre-ticked imported consent is no consent',
      record({ channel: 'IMPORT', captureDefects: ['PRE_TICKED'], confirmedAt: null }),
      purpose(),
      'invalid',
      ['CONSENT_PRETICKED'],
    ],
    [
      'R-13: every capture defect is reported, not the first one found',
      record({
        channel: 'IMPORT',
        captureDefects: ['PRE_TICKED', 'BUNDLED_WITH_OTHER_PURPOSES', 'CONDITION_OF_SERVICE'],
      }),
      purpose(),
      'invalid',
      ['CONSENT_PRETICKED', 'CONSENT_BUNDLED', 'CONSENT_CONDITIONAL'],
    ],
    [
      'R-17: one action for several purposes is a bundle',
      record({ purposesInAction: 3 }),
      purpose(),
      'invalid',
      ['CONSENT_BUNDLED'],
    ],
    [
      'R-18: a consent "for partners" collected by someone else does not name the party (FOREIGN_CONSENT)',
      record({ channel: 'IMPORT', controllerNames: ['Petitie Platform B.V. en partners'] }),
      purpose(),
      'invalid',
      ['CONSENT_NOT_SPECIFIC'],
    ],
    [
      'R-18: "<party> and partners" as one entry does not name the party',
      record({ controllerNames: [`${PARTY} en partners`] }),
      purpose(),
      'invalid',
      ['CONSENT_NOT_SPECIFIC'],
    ],
    [
      'R-18: a disclosure purpose needs the recipient named in the consent',
      record({ controllerNames: [PARTY] }),
      purpose({ recipients: ['Advertentieplatform B.V.'] }),
      'invalid',
      ['CONSENT_NOT_SPECIFIC'],
    ],
    [
      'R-18: … and is valid when it names the recipient too',
      record({ controllerNames: [PARTY, 'Advertentieplatform B.V.'] }),
      purpose({ recipients: ['advertentieplatform b.v.'] }),
      'valid',
      [],
    ],
    [
      'R-18: a consent for another purpose does not cover this one',
      record({ purposeId: 'p-newsletter' }),
      purpose(),
      'invalid',
      ['CONSENT_NOT_SPECIFIC'],
    ],
    [
      'R-14: without a text version the consent is not demonstrable',
      record({ channel: 'IMPORT', textVersionId: null }),
      purpose(),
      'invalid',
      ['CONSENT_NOT_DEMONSTRABLE'],
    ],
    [
      'R-14: without time and channel the consent is not demonstrable (and cannot lapse)',
      record({ givenAt: null, channel: null }),
      purpose(),
      'invalid',
      ['CONSENT_NOT_DEMONSTRABLE'],
    ],
    [
      'R-17: a political purpose needs explicit consent',
      record({ explicit: false }),
      purpose(),
      'invalid',
      ['NO_EXPLICIT_CONSENT'],
    ],
    [
      'R-17: a non-political purpose does not need explicit consent',
      record({ explicit: false, purposeId: 'p-news' }),
      purpose({ id: 'p-news', political: false }),
      'valid',
      [],
    ],
    [
      'R-19: a 15-year-old without guardian confirmation is invalid',
      record({ ageAtConsent: 15 }),
      purpose(),
      'invalid',
      ['MINOR_CONSENT_INVALID'],
    ],
    [
      'R-19: a 15-year-old whose guardian confirmed is valid',
      record({ ageAtConsent: 15, guardianConfirmedAt: new Date('2026-01-11T09:00:00Z') }),
      purpose(),
      'valid',
      [],
    ],
    ['R-19: a 16-year-old consents themselves', record({ ageAtConsent: 16 }), purpose(), 'valid', []],
    ['R-19: unknown age counts as 16 or over', record({ ageAtConsent: null }), purpose(), 'valid', []],
    [
      'R-16: a withdrawn consent is withdrawn',
      record({ withdrawnAt: new Date('2026-02-01T00:00:00Z') }),
      purpose(),
      'withdrawn',
      ['CONSENT_WITHDRAWN'],
    ],
    [
      'R-16: withdrawn takes precedence, and the defects are still reported',
      record({ withdrawnAt: new Date('2026-02-01T00:00:00Z'), explicit: false }),
      purpose(),
      'withdrawn',
      ['NO_EXPLICIT_CONSENT', 'CONSENT_WITHDRAWN'],
    ],
    [
      'R-20: a consent lapses the day after its scope date',
      record(),
      purpose({ scopeUntil: '2026-02-28' }),
      'lapsed',
      ['CONSENT_LAPSED'],
    ],
    [
      'R-20: on its scope date itself it still holds',
      record(),
      purpose({ scopeUntil: '2026-03-01' }),
      'valid',
      [],
    ],
    [
      'R-20: the refresh interval lapses a consent',
      record({ givenAt: new Date('2025-11-30T12:00:00Z') }),
      purpose({ refreshAfterMonths: 3 }),
      'lapsed',
      ['CONSENT_LAPSED'],
    ],
    [
      'R-20: the default refresh interval is 24 months',
      record({ givenAt: new Date('2024-02-29T11:00:00Z') }),
      purpose(),
      'lapsed',
      ['CONSENT_LAPSED'],
    ],
    [
      'R-17: a paper consent without confirmation is valid (confirmation is no legal condition)',
      record({ channel: 'PAPER', confirmedAt: null }),
      purpose(),
      'valid',
      [],
    ],
  ] as const)('%s', (_title, r, p, status, reasons) => {
    const a = assessConsent(r, p, ctx);
    expect(a.status).toBe(status);
    expect(a.reasons).toEqual(reasons);
  });

  it('R-06: a consent given after the processing started is not prior', () => {
    const a = assessConsent(record(), purpose(), {
      ...ctx,
      processingStartedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(a).toMatchObject({ status: 'invalid', reasons: ['CONSENT_NOT_PRIOR'] });
    const b = assessConsent(record(), purpose(), {
      ...ctx,
      processingStartedAt: new Date('2026-01-20T00:00:00Z'),
    });
    expect(b.status).toBe('valid');
  });

  it('R-13, R-14, R-18, R-19, R-06, R-20: one record can have every reason at once, all reported', () => {
    const a = assessConsent(
      record({
        channel: 'IMPORT',
        textVersionId: null,
        captureDefects: ['PRE_TICKED'],
        purposesInAction: 2,
        controllerNames: ['Iemand anders'],
        explicit: false,
        ageAtConsent: 14,
        givenAt: new Date('2023-01-01T00:00:00Z'),
      }),
      purpose(),
      { ...ctx, processingStartedAt: new Date('2022-01-01T00:00:00Z') },
    );
    expect(a.status).toBe('invalid');
    expect(a.reasons).toEqual([
      'CONSENT_NOT_DEMONSTRABLE',
      'CONSENT_PRETICKED',
      'CONSENT_BUNDLED',
      'CONSENT_NOT_SPECIFIC',
      'NO_EXPLICIT_CONSENT',
      'MINOR_CONSENT_INVALID',
      'CONSENT_NOT_PRIOR',
      'CONSENT_LAPSED',
    ]);
  });

  it.each([
    ['PAPER', null, false, true],
    ['DOORSTEP', null, true, false],
    ['PAPER', new Date('2026-01-12T00:00:00Z'), false, false],
    ['WEB_FORM', null, false, false],
  ] as const)(
    'R-17: an offline %s consent (confirmed %s, scan %s) is flagged unconfirmed: %s',
    (channel, confirmedAt, hasScan, flag) => {
      const a = assessConsent(record({ channel, confirmedAt, hasScan }), purpose(), ctx);
      expect(a.unconfirmed).toBe(flag);
    },
  );
});

describe('consent rules: helpers', () => {
  it('R-18: controller names compare without case and punctuation, entry by entry', () => {
    expect(namesController(['  partij voor de toekomst '], PARTY)).toBe(true);
    expect(namesController(['Partij-voor-de-Toekomst'], PARTY)).toBe(true);
    expect(namesController(['Partij voor de Toekomst en partners'], PARTY)).toBe(false);
    expect(namesController([], PARTY)).toBe(false);
  });

  it.each([
    // Winter: midnight local = 23:00 UTC the day before.
    ['2026-02-28', '2026-02-28T23:00:00.000Z'],
    // Summer: midnight local = 22:00 UTC.
    ['2026-06-30', '2026-06-30T22:00:00.000Z'],
    // The night the clocks go forward (29 March 2026).
    ['2026-03-28', '2026-03-28T23:00:00.000Z'],
  ])('R-20: the day after %s starts at %s (Dutch calendar)', (date, iso) => {
    expect(startOfDayAfterNl(date).toISOString()).toBe(iso);
  });

  it('R-20: the earlier of scope end and refresh interval counts', () => {
    const given = new Date('2026-01-10T10:00:00Z');
    expect(lapsesAt({ scopeUntil: null, refreshAfterMonths: null }, given).toISOString()).toBe(
      '2028-01-10T10:00:00.000Z',
    );
    expect(lapsesAt({ scopeUntil: '2026-10-29', refreshAfterMonths: 24 }, given).toISOString()).toBe(
      '2026-10-29T23:00:00.000Z',
    );
    // Six months on the Dutch calendar keeps the local time (11:00 winter time → 11:00 summer time).
    expect(lapsesAt({ scopeUntil: '2030-01-01', refreshAfterMonths: 6 }, given).toISOString()).toBe(
      '2026-07-10T09:00:00.000Z',
    );
  });

  it.each([
    [null, null, false],
    [2010, 15, true],
    [2009, 16, false],
    [1970, 55, false],
    [2030, 0, true],
  ] as const)(
    'R-19: birth year %s at a consent in 2026 → age counted as %s, guardian needed: %s',
    (year, age, guardian) => {
      const at = new Date('2026-06-01T12:00:00Z');
      expect(ageAtConsentFromBirthYear(year, at)).toBe(age);
      expect(needsGuardian(ageAtConsentFromBirthYear(year, at))).toBe(guardian);
    },
  );

  it('R-19: a new year starts on the Dutch calendar (31 December 23:30 UTC is already 1 January)', () => {
    expect(ageAtConsentFromBirthYear(2010, new Date('2026-12-31T23:30:00Z'))).toBe(16);
  });

  it('R-17: a confirmation link lives 14 days; a withdrawal link (no expiry) never expires', () => {
    const created = new Date('2026-01-01T10:00:00Z');
    const expires = confirmationExpiresAt(created);
    expect(expires.toISOString()).toBe('2026-01-15T10:00:00.000Z');
    expect(linkExpired(expires, new Date('2026-01-15T09:59:59Z'))).toBe(false);
    expect(linkExpired(expires, new Date('2026-01-15T10:00:00Z'))).toBe(true);
    expect(linkExpired(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });

  it('R-17: pending sign-ups older than 14 days are purged (day 15)', () => {
    expect(pendingPurgeCutoff(new Date('2026-01-15T10:00:00Z')).toISOString()).toBe(
      '2026-01-01T10:00:00.000Z',
    );
  });

  it.each([
    ['a'.repeat(43), true],
    [`${'aB3_-'.repeat(8)}abc`, true],
    ['a'.repeat(42), false],
    ['a'.repeat(44), false],
    [`${'a'.repeat(42)}=`, false],
    ['../../etc/passwd', false],
  ])('link tokens are well-formed before lookup: %s → %s', (token, ok) => {
    expect(isWellFormedLinkToken(token)).toBe(ok);
  });
});

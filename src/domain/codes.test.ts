/**
 * The product codes: stable, UPPER_SNAKE, an HTTP error status, and a plain message in Dutch and in
 * English for each. The codes that enforce a LEGAL.md entry carry it and the status that entry asks for.
 */
import { describe, expect, it } from 'vitest';
import { CODES, type Code, type CodeInfo, DomainError, messageFor } from './codes.js';

type Row = CodeInfo & { code: Code };
const ALL: Row[] = (Object.entries(CODES) as [Code, CodeInfo][]).map(([code, info]) => ({ code, ...info }));
/** `[code, row]` pairs, so that `'%s'` puts the bare code in the test title. */
const BY_CODE: [Code, Row][] = ALL.map((row) => [row.code, row]);

describe('CODES', () => {
  it('has codes', () => {
    expect(ALL.length).toBeGreaterThan(0);
  });

  it.each(BY_CODE)('%s is UPPER_SNAKE', (code) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it.each(BY_CODE)('%s maps to an HTTP error status (400–599)', (_code, { status }) => {
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThanOrEqual(599);
  });

  it.each(BY_CODE)('%s has a non-empty Dutch and English message that differ', (_code, { nl, en }) => {
    expect(nl.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(nl.trim()).not.toBe(en.trim());
  });

  it.each(BY_CODE)('%s messages are plain sentences (no leftover placeholders)', (_code, { nl, en }) => {
    for (const m of [nl, en]) {
      expect(m).not.toMatch(/\{\{|\}\}|\$\{|TODO|FIXME/);
      expect(m).toMatch(/[.!?)]$/);
    }
  });

  it.each(BY_CODE.filter(([, row]) => row.rule !== undefined))(
    '%s names its LEGAL.md entry in R-nn form',
    (_code, { rule }) => {
      expect(rule).toMatch(/^R-\d{2}$/);
    },
  );
});

describe('codes the access rules rely on', () => {
  const rows: { title: string; code: Code; status: number; rule: string | undefined }[] = [
    { title: 'R-61: MFA_REQUIRED refuses with 401', code: 'MFA_REQUIRED', status: 401, rule: 'R-61' },
    { title: 'R-61: LOGIN_LOCKED answers 429', code: 'LOGIN_LOCKED', status: 429, rule: 'R-61' },
    { title: 'R-61: SESSION_EXPIRED answers 401', code: 'SESSION_EXPIRED', status: 401, rule: 'R-61' },
    { title: 'R-61: WEAK_PASSWORD answers 400', code: 'WEAK_PASSWORD', status: 400, rule: 'R-61' },
    {
      title: 'R-63: NOT_FOUND (out of scope looks like missing) answers 404',
      code: 'NOT_FOUND',
      status: 404,
      rule: undefined,
    },
    { title: 'R-63: FORBIDDEN answers 403', code: 'FORBIDDEN', status: 403, rule: 'R-63' },
    {
      title: 'R-63: ASSIGNMENT_SCOPE_INVALID answers 400',
      code: 'ASSIGNMENT_SCOPE_INVALID',
      status: 400,
      rule: 'R-63',
    },
    {
      title: 'R-86: BRIEFING_NOT_ACKNOWLEDGED answers 403',
      code: 'BRIEFING_NOT_ACKNOWLEDGED',
      status: 403,
      rule: 'R-86',
    },
    {
      title: 'R-89: ACCESS_EXPIRED answers 401 (volunteer after midnight)',
      code: 'ACCESS_EXPIRED',
      status: 401,
      rule: 'R-89',
    },
    {
      title: 'R-89: ASSIGNMENT_NEEDS_VALID_UNTIL answers 400',
      code: 'ASSIGNMENT_NEEDS_VALID_UNTIL',
      status: 400,
      rule: 'R-89',
    },
    {
      title: 'R-89: ASSIGNMENT_TOO_LONG answers 400',
      code: 'ASSIGNMENT_TOO_LONG',
      status: 400,
      rule: 'R-89',
    },
  ];
  it.each(rows.map((row): [string, (typeof rows)[number]] => [row.title, row]))(
    '%s',
    (_title, { code, status, rule }) => {
      const info: CodeInfo = CODES[code];
      expect({ status: info.status, rule: info.rule }).toEqual({ status, rule });
    },
  );

  it('R-86: BRIEFING_NOT_ACKNOWLEDGED says what LEGAL.md prescribes, in English and Dutch', () => {
    expect(messageFor('BRIEFING_NOT_ACKNOWLEDGED', 'en')).toBe(
      'Read and confirm the campaign privacy rules first (AP advice to parties).',
    );
    expect(messageFor('BRIEFING_NOT_ACKNOWLEDGED', 'nl')).toMatch(/^Lees en bevestig eerst de privacyregels/);
  });
});

describe('messageFor and DomainError', () => {
  it.each<Code>(['NOT_FOUND', 'MFA_REQUIRED', 'ACCESS_EXPIRED'])(
    '%s: Dutch by default, English on request',
    (code) => {
      expect(messageFor(code)).toBe(CODES[code].nl);
      expect(messageFor(code, 'nl')).toBe(CODES[code].nl);
      expect(messageFor(code, 'en')).toBe(CODES[code].en);
    },
  );

  it('R-89: DomainError carries its code and details, and a message with the code', () => {
    const e = new DomainError('ACCESS_EXPIRED', { validUntil: '2025-10-01T00:00:00+02:00' });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('ACCESS_EXPIRED');
    expect(e.details).toEqual({ validUntil: '2025-10-01T00:00:00+02:00' });
    expect(e.message).toBe(`ACCESS_EXPIRED: ${CODES.ACCESS_EXPIRED.en}`);
  });

  it('DomainError without details has undefined details', () => {
    expect(new DomainError('NOT_FOUND').details).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { addMonthsNl, amsterdamOffsetMinutes } from './calendar.js';

describe('amsterdamOffsetMinutes (EU summer time, Appendix A deadlines are counted in Dutch time)', () => {
  it.each([
    ['2026-01-15T12:00:00Z', 60, 'winter'],
    ['2026-07-15T12:00:00Z', 120, 'summer'],
    ['2026-03-29T00:59:59Z', 60, 'just before the March switch (last Sunday 01:00 UTC)'],
    ['2026-03-29T01:00:00Z', 120, 'at the March switch'],
    ['2026-10-25T00:59:59Z', 120, 'just before the October switch'],
    ['2026-10-25T01:00:00Z', 60, 'at the October switch'],
  ])('%s → UTC+%i min (%s)', (iso, expected) => {
    expect(amsterdamOffsetMinutes(new Date(iso))).toBe(expected);
  });
});

describe('addMonthsNl (R-52, R-89: periods in calendar months on the Dutch calendar)', () => {
  it.each([
    ['2026-01-15T00:00:00+01:00', 1, '2026-02-15T00:00:00+01:00', 'plain month'],
    ['2026-01-31T10:00:00+01:00', 1, '2026-02-28T10:00:00+01:00', 'clamped to the end of February'],
    ['2028-01-31T10:00:00+01:00', 1, '2028-02-29T10:00:00+01:00', 'leap year: 29 February'],
    [
      '2027-03-01T00:00:00+01:00',
      12,
      '2028-03-01T00:00:00+01:00',
      '12 months across 29 February (local midnight)',
    ],
    [
      '2026-03-15T12:00:00+01:00',
      1,
      '2026-04-15T12:00:00+02:00',
      'across the summer-time switch keeps local time',
    ],
    [
      '2026-10-15T12:00:00+02:00',
      1,
      '2026-11-15T12:00:00+01:00',
      'across the winter-time switch keeps local time',
    ],
    ['2026-12-31T23:30:00+01:00', 2, '2027-02-28T23:30:00+01:00', 'year boundary and clamp'],
  ])('%s + %i months → %s (%s)', (from, months, expected) => {
    expect(addMonthsNl(new Date(from), months).toISOString()).toBe(new Date(expected).toISOString());
  });
});

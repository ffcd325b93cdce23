import { describe, expect, it } from 'vitest';
import { art14DueAt } from './art14.js';

const at = (s: string) => new Date(s);

describe('art 14 information deadline (R-55)', () => {
  it.each([
    // imported on 1 March (Dutch time), no communication: due 1 April, same local time (CEST from 29 March)
    ['2026-03-01T09:00:00+01:00', null, null, '2026-04-01T09:00:00+02:00'],
    // 31 January + 1 month = the last day of February
    ['2026-01-31T12:00:00+01:00', null, null, '2026-02-28T12:00:00+01:00'],
    // a first message on 10 March comes first
    ['2026-03-01T09:00:00+01:00', '2026-03-10T10:00:00+01:00', null, '2026-03-10T10:00:00+01:00'],
    // a disclosure on 5 March comes first
    [
      '2026-03-01T09:00:00+01:00',
      '2026-03-20T10:00:00+01:00',
      '2026-03-05T08:00:00+01:00',
      '2026-03-05T08:00:00+01:00',
    ],
    // a communication after the month does not move the deadline
    ['2026-03-01T09:00:00+01:00', '2026-05-01T10:00:00+02:00', null, '2026-04-01T09:00:00+02:00'],
  ])('R-55: obtained %s, first communication %s, first disclosure %s → due %s', (o, c, d, due) => {
    expect(art14DueAt(at(o), c ? at(c) : null, d ? at(d) : null).toISOString()).toBe(at(due).toISOString());
  });

  it('R-55: a contact imported on 1 March with no communication is due on 1 April', () => {
    const due = art14DueAt(at('2026-03-01T00:00:00+01:00'));
    expect(due.toISOString()).toBe(at('2026-04-01T00:00:00+02:00').toISOString());
  });
});

/**
 * The legal gate, table-driven: each case name cites the LEGAL.md entries it proves (cases*.ts).
 * A coverage test fails when a C.1 reason or C.2 obligation has no case.
 */
import { describe, expect, it } from 'vitest';
import { DECISION_REASONS } from '../code-sets/legal.js';
import { OBLIGATION_CODES } from '../code-sets/obligations.js';
import { assess, mayProceed } from './assess.js';
import { CASES, type GateCase } from './cases.js';
import { GAP_CASES } from './cases-gaps.js';
import { MORE_CASES } from './cases-more.js';
import { TTPA_CASES } from './cases-ttpa.js';

const ALL: GateCase[] = [...CASES, ...MORE_CASES, ...TTPA_CASES, ...GAP_CASES];

describe('assess', () => {
  it.each(ALL.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const d = assess(c.facts);
    expect([...d.reasons].sort()).toEqual([...c.reasons].sort());
    expect(d.allowed).toBe(c.reasons.length === 0);
    expect(d.productRefusals).toEqual(c.productRefusals ?? []);
    expect(mayProceed(d)).toBe(d.allowed && (c.productRefusals ?? []).length === 0);
    if (c.basis !== undefined) expect(d.basis).toBe(c.basis);
    if (c.specialCategory !== undefined) expect(d.specialCategory).toBe(c.specialCategory);
    if (c.obligations !== undefined) expect(d.obligations).toEqual(expect.arrayContaining(c.obligations));
    if (c.obligationsExact !== undefined) expect(d.obligations).toEqual(c.obligationsExact);
    if (!d.allowed) expect(d.basis).toBeNull();
  });
});

describe('coverage of Appendix C (a new code without a case fails here)', () => {
  const decisions = ALL.map((c) => assess(c.facts));
  it.each(DECISION_REASONS.map((r) => [r]))('C.1 %s is produced by at least one case', (r) => {
    expect(decisions.some((d) => d.reasons.includes(r))).toBe(true);
  });
  it.each(OBLIGATION_CODES.map((o) => [o]))('C.2 %s is produced by at least one case', (o) => {
    expect(decisions.some((d) => d.obligations.includes(o))).toBe(true);
  });
  it('every case name cites an R-number or C.0', () => {
    for (const c of ALL) expect(c.name).toMatch(/R-\d{2}|C\.0/);
  });
});

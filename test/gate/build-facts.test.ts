/**
 * The web questionnaire's facts documents (web/src/features/assessments/build-facts.ts): every
 * combination of answers is a valid, consistent document the gate decides (C4), and the common cases
 * come out as the law says.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/domain/gate/assess.js';
import { factsProblems } from '../../src/domain/gate/facts-check.js';
import { gateFactsSchema } from '../../src/server/routes/assessment-schemas.js';
import {
  AGES,
  type Answers,
  buildFacts,
  DEFAULT_ANSWERS,
  MESSAGE_CHANNELS,
  TO_WHOM,
  WHAT,
  WHO,
} from '../../web/src/features/assessments/build-facts.js';

const REF = new Date('2026-03-01T12:00:00Z');

function* combinations(): Generator<Answers> {
  for (const who of WHO)
    for (const age of AGES)
      for (const what of WHAT)
        for (const toWhom of TO_WHOM)
          for (const flags of [0, 1, 2, 3, 4, 5, 6, 7])
            yield {
              who,
              age,
              what,
              toWhom,
              channel: MESSAGE_CHANNELS[flags % MESSAGE_CHANNELS.length]!,
              adConsent: (flags & 1) === 1,
              art26: (flags & 2) === 2,
              dpia: (flags & 4) === 4,
            };
}

const decide = (a: Partial<Answers>) => assess(buildFacts({ ...DEFAULT_ANSWERS, ...a }, REF));

describe('questionnaire facts documents', () => {
  it('every combination passes the schema and the contradiction check', () => {
    let n = 0;
    for (const a of combinations()) {
      const facts = buildFacts(a, REF);
      const parsed = gateFactsSchema.safeParse(facts);
      expect(parsed.success, `${JSON.stringify(a)}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(factsProblems(facts), JSON.stringify(a)).toEqual([]);
      expect(() => assess(facts)).not.toThrow();
      n += 1;
    }
    expect(n).toBe(WHO.length * AGES.length * WHAT.length * TO_WHOM.length * 8);
  });

  it('R-05: a member newsletter by e-mail inside the party is allowed on 9(2)(d)', () => {
    expect(decide({})).toMatchObject({ allowed: true, basis: '9(2)(d)' });
  });

  it('R-05: member data to a platform without consent are a disclosure', () => {
    expect(decide({ what: 'custom_audience', toWhom: 'platform' }).reasons).toContain(
      'DISCLOSURE_OUTSIDE_BODY',
    );
  });

  it('R-23: a lookalike is refused by the product', () => {
    expect(decide({ what: 'lookalike', toWhom: 'platform' }).productRefusals).toContain(
      'LOOKALIKE_NOT_SUPPORTED',
    );
  });

  it('R-67: tracking is refused', () => {
    expect(decide({ what: 'tracking' }).reasons).toContain('TRACKING_NOT_ALLOWED');
  });

  it('R-78: a political ad to a 16-year-old is refused even with every consent, DPIA and arrangement', () => {
    const d = decide({
      who: 'consent',
      age: '16-17',
      what: 'political_ad',
      toWhom: 'platform',
      adConsent: true,
      art26: true,
      dpia: true,
    });
    expect(d.reasons).toContain('TTPA_MINOR_UNDER_VOTING_AGE');
  });
});

import { describe, expect, it } from 'vitest';
import { blocksPerson, blocksPurpose, suppressionDecisionReason, suppressionKeys } from './suppression.js';

describe('suppression list (R-58, R-16)', () => {
  it.each([
    ['ERASURE_REQUEST', 'ERASED_SUBJECT'],
    ['OBJECTION_DM', 'OBJECTED'],
    ['OBJECTION_21_1', 'OBJECTED'],
    ['CONSENT_WITHDRAWN', 'CONSENT_WITHDRAWN'],
  ] as const)('R-58: an entry for %s carries the decision reason %s', (reason, code) => {
    expect(suppressionDecisionReason(reason)).toBe(code);
  });

  it('R-58: erased and objecting persons are kept out; a withdrawal alone does not keep the person out', () => {
    expect(blocksPerson([{ reason: 'ERASURE_REQUEST', purposeId: null }])?.reason).toBe('ERASURE_REQUEST');
    expect(blocksPerson([{ reason: 'OBJECTION_DM', purposeId: null }])?.reason).toBe('OBJECTION_DM');
    expect(blocksPerson([{ reason: 'CONSENT_WITHDRAWN', purposeId: 'p1' }])).toBeNull();
    expect(blocksPerson([])).toBeNull();
  });

  it('R-16: a withdrawal blocks only its own purpose', () => {
    const entries = [{ reason: 'CONSENT_WITHDRAWN' as const, purposeId: 'p1' }];
    expect(blocksPurpose(entries, 'p1')?.purposeId).toBe('p1');
    expect(blocksPurpose(entries, 'p2')).toBeNull();
    expect(blocksPurpose([{ reason: 'ERASURE_REQUEST', purposeId: null }], 'p2')?.reason).toBe(
      'ERASURE_REQUEST',
    );
  });

  it.each([
    [{ email: ' Jan@Example.INVALID ' }, 'email', 'jan@example.invalid'],
    [{ phone: '06-12 34 56 78' }, 'phone', '+31612345678'],
    [{ phone: '0031612345678' }, 'phone', '+31612345678'],
    [
      { firstName: 'Émile', infix: 'van der', lastName: 'Berg-Öz', postcode: '1234 ab', houseNumber: '12 A' },
      'postal',
      'e|vanderbergoz|1234AB|12a',
    ],
  ] as const)('R-58: keys are normalised before hashing (%o)', (input, key, expected) => {
    expect(suppressionKeys(input)[key]).toBe(expected);
  });

  it('R-58: a postal key needs last name, postcode and house number', () => {
    expect(suppressionKeys({ lastName: 'Jansen', postcode: '1234AB' }).postal).toBeNull();
    expect(suppressionKeys({}).email).toBeNull();
  });
});

/**
 * Hypothetical assessments over HTTP on both engines (C4): `POST /api/v1/assessments` answers with the
 * gate's decision, every reason and obligation spelled out (nl, en, R-number); a contradictory document
 * gets 422 naming each path and no decision; a malformed one 400 naming each field; only
 * `assessment:run` holders may ask; each decision is audited with its codes and no personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBLIGATIONS } from '../../src/domain/code-sets/obligations.js';
import { CODES } from '../../src/domain/codes.js';
import { assess } from '../../src/domain/gate/assess.js';
import type { GateFacts } from '../../src/domain/gate/types.js';
import { auditHead, auditSince, expectError, signIn } from '../server/helpers.js';
import { type Client, startTestApp, type TestApp } from '../support/app.js';
import { engines } from '../support/engines.js';
import { docOf, examples } from './examples.js';

const URL = '/api/v1/assessments';

interface Explained {
  code: string;
  nl: string;
  en: string;
  rule: string | null;
}
interface Answer {
  allowed: boolean;
  basis: string | null;
  specialCategory: boolean;
  reasons: Explained[];
  obligations: Explained[];
  productRefusals: Explained[];
}

describe.each(engines())('hypothetical assessments on %s', (engine) => {
  let t: TestApp;
  let fg: Client;
  let lead: Client;

  beforeAll(async () => {
    t = await startTestApp(engine);
    fg = await signIn(t, 'fg');
    lead = await signIn(t, 'campagne');
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(examples().map((e) => [e.name, e] as const))(
    'example %s: the decision of assess, each code with its messages and rule',
    async (_n, e) => {
      const res = await fg.request('POST', URL, { body: e.doc });
      expect(res.statusCode, res.body).toBe(200);
      const a = res.json() as Answer;
      const d = assess(e.doc as unknown as GateFacts);
      expect(a.allowed).toBe(e.expected.allowed);
      expect(a.basis).toBe(d.basis);
      expect(a.specialCategory).toBe(d.specialCategory);
      // Every reason, not the first one found (Appendix C.0).
      expect(a.reasons.map((r) => r.code)).toEqual(d.reasons);
      expect(a.obligations.map((r) => r.code)).toEqual(d.obligations);
      expect(a.productRefusals.map((r) => r.code)).toEqual(d.productRefusals);
      for (const r of [...a.reasons, ...a.productRefusals]) {
        const info = CODES[r.code.split(':')[0] as keyof typeof CODES];
        expect(r).toEqual({
          code: r.code,
          nl: info.nl,
          en: info.en,
          rule: 'rule' in info ? info.rule : null,
        });
      }
      for (const o of a.obligations) {
        const info = OBLIGATIONS[o.code as keyof typeof OBLIGATIONS];
        expect(o).toEqual({ code: o.code, nl: info.nl, en: info.en, rule: info.rule });
      }
    },
  );

  it('a refused custom audience of members reports every reason (R-05, R-21, R-47, R-76)', async () => {
    const res = await lead.request('POST', URL, { body: docOf('custom-audience-members') });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Answer;
    expect(a.allowed).toBe(false);
    expect(a.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining([
        'DISCLOSURE_OUTSIDE_BODY',
        'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED',
        'DPIA_REQUIRED',
        'TTPA_SEPARATE_CONSENT_REQUIRED',
      ]),
    );
    expect(a.reasons.find((r) => r.code === 'DISCLOSURE_OUTSIDE_BODY')?.rule).toBe('R-05');
  });

  it('the decision is audited with its codes, not the document (no personal data)', async () => {
    const before = await auditHead(t);
    const doc = docOf('political-ad-16-year-old');
    const res = await fg.request('POST', URL, { body: doc });
    expect(res.statusCode, res.body).toBe(200);
    const rows = await auditSince(t, before, 'gate.hypothetical_assessed');
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.person_id).toBeNull();
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    expect(payload).toMatchObject({
      kind: 'CUSTOM_AUDIENCE',
      allowed: false,
      reasons: ['TTPA_MINOR_UNDER_VOTING_AGE'],
    });
    for (const secret of ['voorbeeld-jongere', '2009-09-01', 'studiefinanciering', 'Meta Platforms'])
      expect(row.payload).not.toContain(secret);
  });

  it('a contradictory document: 422 naming every path, no decision, nothing audited', async () => {
    const doc = docOf('member-newsletter-email');
    doc.person.source = { kind: 'SCRAPED', obtainedFromSubject: false, inferred: false };
    doc.processing.consentPurposeId = 'bestaat-niet';
    doc.person.consents = [
      {
        purposeId: 'nieuwsbrief',
        explicit: true,
        textRecorded: true,
        channel: 'WEB_FORM',
        givenAt: '2026-01-10T10:00:00Z',
        controllerNames: ['Partij voor de Toekomst'],
        captureDefects: [],
        purposesInAction: 1,
        confirmedAt: null,
        ageAtConsent: null,
        guardianConfirmedAt: null,
        withdrawnAt: '2026-01-09T10:00:00Z',
      },
    ];
    doc.person.birthDate = '2027-01-01';
    const before = await auditHead(t);
    const res = await fg.request('POST', URL, { body: doc });
    const body = expectError(res, 422, 'ASSESSMENT_FACTS_CONTRADICTORY');
    const problems = body.details.problems as { path: string; check: string; nl: string; en: string }[];
    expect(problems.map((p) => [p.path, p.check])).toEqual([
      ['person.source.kind', 'MEMBER_FROM_SCRAPED_SOURCE'],
      ['processing.consentPurposeId', 'PROCESSING_PURPOSE_UNKNOWN'],
      ['person.consents.0.withdrawnAt', 'WITHDRAWN_BEFORE_GIVEN'],
      ['person.consents.0.givenAt', 'CONSENT_BEFORE_BIRTH'],
      ['person.birthDate', 'BORN_AFTER_REFERENCE_DATE'],
    ]);
    for (const p of problems) expect(p.nl.length && p.en.length).toBeTruthy();
    expect(body).not.toHaveProperty('allowed');
    expect(await auditSince(t, before, 'gate.hypothetical_assessed')).toEqual([]);
  });

  it('a malformed document: 400 VALIDATION_FAILED naming every wrong and unknown field', async () => {
    const doc = docOf('member-newsletter-email');
    doc.person.relation = 'FRIEND';
    doc.person.nickname = 'Jan';
    doc.person.consents = [{ purposeId: 'nieuwsbrief', givenAt: '2026-02-31' }];
    doc.processing.kind = 'TELEPATHY';
    delete doc.context.votingAge;
    doc.extra = true;
    const before = await auditHead(t);
    const res = await fg.request('POST', URL, { body: doc });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    const fields = (body.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'person.relation',
        'person.nickname',
        'person.consents.0.explicit',
        'person.consents.0.givenAt',
        'processing.kind',
        'context.votingAge',
        'extra',
      ]),
    );
    expect(await auditSince(t, before, 'gate.hypothetical_assessed')).toEqual([]);
  });

  it.each([
    ['not JSON', '{"person":', 'MALFORMED_JSON'],
    ['an array', '[]', 'VALIDATION_FAILED'],
    ['null', 'null', 'VALIDATION_FAILED'],
  ])('a body that is %s: 400 %s', async (_n, raw, code) => {
    expectError(await fg.request('POST', URL, { raw }), 400, code);
  });

  it('a volunteer may not run assessments: 403, audited as a refusal', async () => {
    const volunteer = await signIn(t, 'vrijwilliger');
    const before = await auditHead(t);
    expectError(
      await volunteer.request('POST', URL, { body: docOf('member-newsletter-email') }),
      403,
      'FORBIDDEN',
    );
    const refused = await auditSince(t, before, 'access.refused');
    expect(refused).toHaveLength(1);
    expect(JSON.parse(refused[0]!.payload)).toMatchObject({ code: 'FORBIDDEN', action: 'assessment.run' });
    expect(await auditSince(t, before, 'gate.hypothetical_assessed')).toEqual([]);
  });

  it('without a session: 401', async () => {
    const anonymous = t.client();
    await anonymous.request('GET', '/api/v1/auth/session');
    expectError(
      await anonymous.request('POST', URL, { body: docOf('member-newsletter-email') }),
      401,
      'UNAUTHENTICATED',
    );
  });
});

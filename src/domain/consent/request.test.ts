import { describe, expect, it } from 'vitest';
import { checkConsentRequest, checkFormPublish, type FormDraft, renderConsentText } from './request.js';
import type { ConsentLanguage, ConsentPurpose, ConsentTextContent } from './types.js';

const PARTY = 'Partij voor de Toekomst';

const text = (t: Partial<ConsentTextContent> = {}): ConsentTextContent => ({
  language: 'nl',
  controllerName: PARTY,
  statement:
    'Ja, Partij voor de Toekomst mag vastleggen dat ik de partij steun en mij daarom campagnemails sturen.',
  specialCategoryMention: 'dat ik de partij steun',
  purposeMention: 'campagnemails sturen',
  dataCategories: ['naam', 'e-mailadres', 'politieke voorkeur'],
  withdrawalInstructions: 'Klik op de link onder elke e-mail of mail naar privacy@partij.invalid.',
  automatedDecisionNotice: null,
  transferNotice: null,
  ...t,
});

describe('checkConsentRequest (R-15, R-17)', () => {
  it('R-15: a complete explicit request passes', () => {
    expect(checkConsentRequest({ ...text(), explicit: true })).toEqual({
      reasons: [],
      missing: [],
      warnings: [],
    });
  });

  it.each([
    ['withdrawalInstructions', { withdrawalInstructions: '  ' }],
    ['controllerName', { controllerName: '' }],
    ['purposeText', { statement: '', specialCategoryMention: null, purposeMention: null }],
    ['dataCategories', { dataCategories: [' '] as string[] }],
    ['language', { language: 'de' as ConsentLanguage }],
  ] as const)('R-15: without %s the request is CONSENT_REQUEST_INCOMPLETE', (element, patch) => {
    const r = checkConsentRequest({ ...text(patch), explicit: false });
    expect(r.reasons).toEqual(['CONSENT_REQUEST_INCOMPLETE']);
    expect(r.missing).toContain(element);
  });

  it('R-15: every missing element is listed', () => {
    const r = checkConsentRequest({
      ...text({ controllerName: '', dataCategories: [], withdrawalInstructions: '' }),
      explicit: false,
    });
    expect(r.missing).toEqual(['controllerName', 'dataCategories', 'withdrawalInstructions']);
  });

  it('R-17: an explicit statement must contain its special-category and purpose mentions', () => {
    const r = checkConsentRequest({
      ...text({ statement: 'Ja, Partij voor de Toekomst mag mij mailen.' }),
      explicit: true,
    });
    expect(r.missing).toEqual(['specialCategoryMention', 'purposeMention']);
    const n = checkConsentRequest({ ...text({ specialCategoryMention: null }), explicit: true });
    expect(n.missing).toEqual(['specialCategoryMention']);
  });

  it('R-17: a non-explicit request needs no special-category mention', () => {
    expect(
      checkConsentRequest({
        ...text({ specialCategoryMention: null, purposeMention: null }),
        explicit: false,
      }).reasons,
    ).toEqual([]);
  });

  it('R-15: long sentences are a readability warning, never a refusal', () => {
    const long = Array.from({ length: 30 }, () => 'woord').join(' ');
    const r = checkConsentRequest({ ...text({ withdrawalInstructions: long }), explicit: true });
    expect(r.reasons).toEqual([]);
    expect(r.warnings).toEqual(['LONG_SENTENCE']);
  });

  it('R-14: the stored full text is fixed by the content (same content, same text)', () => {
    const a = renderConsentText(text());
    expect(a).toBe(renderConsentText(text()));
    expect(a).toContain('Verwerkingsverantwoordelijke: Partij voor de Toekomst');
    expect(a).toContain('Gegevens: naam, e-mailadres, politieke voorkeur');
    expect(renderConsentText(text({ language: 'en' }))).toContain('Controller: Partij voor de Toekomst');
  });
});

const purposes = new Map<string, ConsentPurpose>(
  [
    { id: 'news', political: false, recipients: [] as string[] },
    { id: 'campaign', political: true, recipients: [] as string[] },
    { id: 'ads', political: true, recipients: ['Advertentieplatform B.V.'] },
  ].map((p) => [
    p.id,
    {
      ...p,
      name: p.id,
      description: p.id,
      channels: ['EMAIL'],
      scopeUntil: null,
      refreshAfterMonths: null,
    } as ConsentPurpose,
  ]),
);

const form = (f: Partial<FormDraft> = {}): FormDraft => ({
  titles: { nl: 'Aanmelden', en: 'Sign up' },
  controllerName: PARTY,
  privacyNoticeUrl: 'https://partij.invalid/privacy',
  privacyNoticeText: null,
  service: null,
  items: [
    { purposeIds: ['news'], required: false, defaultChecked: false },
    { purposeIds: ['campaign'], required: false, defaultChecked: false },
  ],
  ...f,
});

const texts = (purposeId: string, language: ConsentLanguage): ConsentTextContent | null =>
  purposeId === 'ads'
    ? text({
        language,
        statement:
          'Ja, Partij voor de Toekomst mag mijn steun gebruiken voor politieke advertenties via Advertentieplatform B.V.',
        specialCategoryMention: 'mijn steun',
        purposeMention: 'politieke advertenties',
      })
    : text({ language });

describe('checkFormPublish (R-13, R-15, R-17, R-18)', () => {
  it('a form with one unticked, optional checkbox per purpose is publishable', () => {
    expect(checkFormPublish(form(), purposes, texts)).toEqual({ reasons: [], problems: [] });
  });

  it('R-17: one checkbox for "newsletter + campaign" is refused with CONSENT_BUNDLED', () => {
    const r = checkFormPublish(
      form({ items: [{ purposeIds: ['news', 'campaign'], required: false, defaultChecked: false }] }),
      purposes,
      texts,
    );
    expect(r.reasons).toEqual(['CONSENT_BUNDLED']);
    expect(r.problems).toEqual([{ code: 'CONSENT_BUNDLED', item: 0 }]);
  });

  it('R-13: a consent required for a membership application is refused with CONSENT_CONDITIONAL', () => {
    const r = checkFormPublish(
      form({
        service: { name: 'Lidmaatschap aanvragen', purposeId: null },
        items: [{ purposeIds: ['ads'], required: true, defaultChecked: false }],
      }),
      purposes,
      texts,
    );
    expect(r.reasons).toEqual(['CONSENT_CONDITIONAL']);
  });

  it('R-13: a newsletter sign-up may require the newsletter box itself (the service is that purpose)', () => {
    const r = checkFormPublish(
      form({
        service: { name: 'Nieuwsbrief', purposeId: 'news' },
        items: [
          { purposeIds: ['news'], required: true, defaultChecked: false },
          { purposeIds: ['campaign'], required: true, defaultChecked: false },
        ],
      }),
      purposes,
      texts,
    );
    expect(r.problems).toEqual([{ code: 'CONSENT_CONDITIONAL', item: 1 }]);
  });

  it('R-13: a pre-ticked checkbox is refused with CONSENT_PRETICKED', () => {
    const r = checkFormPublish(
      form({ items: [{ purposeIds: ['news'], required: false, defaultChecked: true }] }),
      purposes,
      texts,
    );
    expect(r.reasons).toEqual(['CONSENT_PRETICKED']);
  });

  it('every problem is reported, each with its reason', () => {
    const r = checkFormPublish(
      form({
        titles: { en: 'Sign up' },
        privacyNoticeUrl: null,
        service: { name: 'Lid worden', purposeId: null },
        items: [{ purposeIds: ['news', 'campaign'], required: true, defaultChecked: true }],
      }),
      purposes,
      () => null,
    );
    expect(r.reasons).toEqual([
      'CONSENT_REQUEST_INCOMPLETE',
      'CONSENT_BUNDLED',
      'CONSENT_PRETICKED',
      'CONSENT_CONDITIONAL',
    ]);
    expect(r.problems.filter((p) => p.missing === 'text').map((p) => `${p.purposeId}:${p.language}`)).toEqual(
      ['news:en', 'campaign:en'],
    );
  });

  it('R-15: a form without purposes or privacy notice is incomplete', () => {
    const r = checkFormPublish(form({ items: [], privacyNoticeUrl: null }), purposes, texts);
    expect(r.problems.map((p) => p.missing)).toEqual(['privacyNotice', 'purposes']);
  });

  it('R-18: a text naming another controller than the form is not specific', () => {
    const r = checkFormPublish(form(), purposes, (id, language) =>
      id === 'news'
        ? text({ language, controllerName: 'Stichting Vrienden van de Partij' })
        : text({ language }),
    );
    expect(r.reasons).toEqual(['CONSENT_NOT_SPECIFIC']);
    expect(r.problems).toHaveLength(2);
  });

  it('R-18: a form must name the party itself as controller', () => {
    expect(checkFormPublish(form(), purposes, texts, PARTY).reasons).toEqual([]);
    const r = checkFormPublish(
      form({ controllerName: 'Stichting Vrienden' }),
      purposes,
      (_id, language) => text({ language, controllerName: 'Stichting Vrienden' }),
      PARTY,
    );
    expect(r.problems).toEqual([{ code: 'CONSENT_NOT_SPECIFIC', missing: 'controllerName' }]);
  });

  it('R-18 / R-22: an advertising purpose whose text does not name the platform is not specific', () => {
    const r = checkFormPublish(
      form({ items: [{ purposeIds: ['ads'], required: false, defaultChecked: false }] }),
      purposes,
      (_id, language) => text({ language }),
    );
    expect(r.reasons).toEqual(['CONSENT_NOT_SPECIFIC']);
    const ok = checkFormPublish(
      form({ items: [{ purposeIds: ['ads'], required: false, defaultChecked: false }] }),
      purposes,
      texts,
    );
    expect(ok.reasons).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkRendered, renderMessage } from './render.js';
import { checkTemplate, languageFor, refusalReasons, type TemplateContent } from './templates.js';
import { trackingFindings } from './tracking.js';
import type { TransparencyFacts } from './transparency.js';

const TEXT =
  'Beste {voornaam},\n\nKom naar de ledenavond van {afdeling}.\n\n{bezwaarlink}\n\n{transparantieblok}';
const HTML =
  '<p>Beste {voornaam},</p><p>Kom naar de <a href="https://partij.invalid/agenda">ledenavond</a>.</p>{bezwaarlink}{transparantieblok}';
const good = (over: Partial<TemplateContent['nl']> = {}): TemplateContent => ({
  nl: { subject: 'Ledenavond {afdeling}', text: TEXT, html: HTML, ...over },
  en: null,
});

const FACTS: TransparencyFacts = {
  controllerName: 'Partij Voorbeeld',
  controllerContact: 'privacy@partij.invalid',
  activityName: 'Ledenavonden',
  purpose: 'leden uitnodigen voor bijeenkomsten',
  why: 'MEMBER',
  consentPurposeName: null,
  source: 'MEMBER_ADMIN',
  objectionUrl: 'https://kieskluis.invalid/f/bezwaar/abcdefghijabcdefghijabcdefghijabcdefghij123',
};

describe('campaign template check', () => {
  const cases: { name: string; content: TemplateContent; reasons: string[] }[] = [
    { name: 'a complete template passes (R-26, R-27, R-69)', content: good(), reasons: [] },
    {
      name: 'R-26: a template without {transparantieblok} is refused TRANSPARENCY_BLOCK_MISSING',
      content: good({ text: TEXT.replace('{transparantieblok}', '') }),
      reasons: ['TRANSPARENCY_BLOCK_MISSING'],
    },
    {
      name: 'R-26: the HTML body needs the block too',
      content: good({ html: HTML.replace('{transparantieblok}', '') }),
      reasons: ['TRANSPARENCY_BLOCK_MISSING'],
    },
    {
      name: 'R-27: a template without the objection link is refused OBJECTION_NOTICE_MISSING_FIRST_CONTACT',
      content: good({ text: TEXT.replace('{bezwaarlink}', '') }),
      reasons: ['OBJECTION_NOTICE_MISSING_FIRST_CONTACT'],
    },
    {
      name: 'R-69: a remote image (open-tracking pixel) is refused TRACKING_NOT_ALLOWED',
      content: good({ html: `${HTML}<img src="https://t.invalid/p.gif" width="1" height="1">` }),
      reasons: ['TRACKING_NOT_ALLOWED'],
    },
    {
      name: 'R-69: a utm_ parameter in a link is refused',
      content: good({ text: `${TEXT}\nhttps://partij.invalid/?utm_source=mail` }),
      reasons: ['TRACKING_NOT_ALLOWED'],
    },
    {
      name: 'R-69: fbclid / gclid / mc_eid in the HTML are refused',
      content: good({ html: `${HTML}<a href="https://partij.invalid/x?a=1&amp;mc_eid=abc">x</a>` }),
      reasons: ['TRACKING_NOT_ALLOWED'],
    },
    {
      name: 'R-69: a per-recipient link (placeholder in a URL) is refused',
      content: good({ html: `${HTML}<a href="https://partij.invalid/?wie={voornaam}">x</a>` }),
      reasons: ['TRACKING_NOT_ALLOWED'],
    },
    {
      name: 'C.0: every reason is reported, in a fixed order (R-26, R-27, R-69)',
      content: good({ text: 'Hallo https://x.invalid/?gclid=1', html: null }),
      reasons: [
        'TRANSPARENCY_BLOCK_MISSING',
        'OBJECTION_NOTICE_MISSING_FIRST_CONTACT',
        'TRACKING_NOT_ALLOWED',
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(refusalReasons(checkTemplate(c.content))).toEqual(c.reasons);
    });
  }

  it('unknown placeholders and block placeholders in the subject are validation errors', () => {
    const f = checkTemplate(good({ subject: 'Hoi {achternaam} {bezwaarlink}' }));
    expect(f.filter((x) => x.code === 'VALIDATION_FAILED').map((x) => x.detail)).toEqual([
      'unknown placeholder {achternaam}',
      '{bezwaarlink} belongs in the body',
    ]);
  });

  it('an embedded (data:/cid:) image is no tracking (R-69)', () => {
    expect(trackingFindings({ text: '', html: '<img src="cid:logo" alt="">' })).toEqual([]);
  });
});

describe('rendering for one recipient', () => {
  const content = good();
  it('R-26: the block says who sends, why, where the data came from and how to object', () => {
    const m = renderMessage(content.nl, 'nl', { firstName: 'Jan', branchName: 'Utrecht' }, FACTS);
    expect(m.text).toContain('Partij Voorbeeld is verantwoordelijk');
    expect(m.text).toContain('u bent lid van Partij Voorbeeld');
    expect(m.text).toContain('uit onze ledenadministratie');
    expect(m.text).toContain(FACTS.objectionUrl);
    expect(m.subject).toBe('Ledenavond Utrecht');
    expect(checkRendered(m, FACTS)).toEqual([]);
  });

  it('R-69: values are HTML-escaped and cannot inject markup', () => {
    const m = renderMessage(
      content.nl,
      'nl',
      { firstName: '<img src="https://x.invalid/p">', branchName: 'A&B' },
      FACTS,
    );
    expect(m.html).toContain('&lt;img src=&quot;https://x.invalid/p&quot;&gt;');
    expect(m.html).not.toContain('<img');
    expect(checkRendered(m, FACTS)).toEqual([]);
  });

  it('R-27: the objection sentence is a separate, visually distinct paragraph with the link', () => {
    const m = renderMessage(content.nl, 'nl', { firstName: 'Jan', branchName: '' }, FACTS);
    expect(m.html).toMatch(/<p style="[^"]*border:2px[^"]*"><strong>Wilt u geen berichten/);
    expect(m.text).toContain(`Maak bezwaar met één klik: ${FACTS.objectionUrl}`);
  });

  it('R-26: a rendered message that lost its block fails the pre-send check', () => {
    const m = renderMessage(content.nl, 'nl', { firstName: 'Jan', branchName: '' }, FACTS);
    expect(checkRendered({ ...m, text: 'Hallo', html: null }, FACTS)).toEqual([
      'TRANSPARENCY_BLOCK_MISSING',
      'OBJECTION_NOTICE_MISSING_FIRST_CONTACT',
    ]);
  });

  it('the language: person, falling back to Dutch without an English version', () => {
    const both: TemplateContent = { nl: content.nl, en: content.nl };
    expect(languageFor('person', 'en', both)).toBe('en');
    expect(languageFor('person', 'en', content)).toBe('nl');
    expect(languageFor('person', 'nl', both)).toBe('nl');
    expect(languageFor('en', 'nl', both)).toBe('en');
  });
});

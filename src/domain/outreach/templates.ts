/**
 * Campaign templates (C5): a Dutch version (required) and an English one (optional), each a subject, a
 * text body and optionally a self-contained HTML body, with placeholders. Before a template is stored,
 * and again on every rendered message, it must carry the transparency block (R-26,
 * TRANSPARENCY_BLOCK_MISSING) and the separate objection sentence with its link (R-27,
 * OBJECTION_NOTICE_MISSING_FIRST_CONTACT), and it must not track (R-69, TRACKING_NOT_ALLOWED). Every
 * reason is reported (Appendix C.0).
 */
import { isPlaceholder, placeholdersIn } from './placeholders.js';
import { trackingFindings } from './tracking.js';

export const TEMPLATE_LANGUAGES = ['nl', 'en'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface TemplateVersion {
  subject: string;
  text: string;
  /** Self-contained HTML (inline styles only), or null for text-only mail. */
  html: string | null;
}

export interface TemplateContent {
  nl: TemplateVersion;
  en: TemplateVersion | null;
}

export type TemplateCheckCode =
  | 'TRANSPARENCY_BLOCK_MISSING'
  | 'OBJECTION_NOTICE_MISSING_FIRST_CONTACT'
  | 'TRACKING_NOT_ALLOWED';

export interface TemplateFinding {
  code: TemplateCheckCode | 'VALIDATION_FAILED';
  language: TemplateLanguage;
  part: 'subject' | 'text' | 'html';
  /** What was found or is missing, in English (for logs and the API's details). */
  detail: string;
}

export const SUBJECT_MAX = 300;
export const TEXT_MAX = 50_000;
export const HTML_MAX = 200_000;

function checkVersion(v: TemplateVersion, language: TemplateLanguage): TemplateFinding[] {
  const out: TemplateFinding[] = [];
  const f = (code: TemplateFinding['code'], part: TemplateFinding['part'], detail: string) =>
    out.push({ code, language, part, detail });
  if (!v.subject.trim() || /[\r\n]/.test(v.subject) || v.subject.length > SUBJECT_MAX)
    f('VALIDATION_FAILED', 'subject', `one line of 1–${SUBJECT_MAX} characters`);
  if (!v.text.trim() || v.text.length > TEXT_MAX) f('VALIDATION_FAILED', 'text', `1–${TEXT_MAX} characters`);
  if (v.html !== null && (!v.html.trim() || v.html.length > HTML_MAX))
    f('VALIDATION_FAILED', 'html', `empty or over ${HTML_MAX} characters`);
  const parts: [TemplateFinding['part'], string][] = [
    ['subject', v.subject],
    ['text', v.text],
    ...(v.html !== null ? ([['html', v.html]] as [TemplateFinding['part'], string][]) : []),
  ];
  for (const [part, s] of parts) {
    for (const name of placeholdersIn(s)) {
      if (!isPlaceholder(name)) f('VALIDATION_FAILED', part, `unknown placeholder {${name}}`);
      else if (part === 'subject' && (name === 'bezwaarlink' || name === 'transparantieblok'))
        f('VALIDATION_FAILED', part, `{${name}} belongs in the body`);
    }
  }
  for (const [part, s] of parts.filter(([p]) => p !== 'subject')) {
    if (!s.includes('{transparantieblok}'))
      f('TRANSPARENCY_BLOCK_MISSING', part, 'the {transparantieblok} placeholder is missing');
    if (!s.includes('{bezwaarlink}'))
      f('OBJECTION_NOTICE_MISSING_FIRST_CONTACT', part, 'the {bezwaarlink} placeholder is missing');
  }
  for (const what of trackingFindings({ text: v.text, html: v.html }))
    f('TRACKING_NOT_ALLOWED', 'html', what);
  for (const what of trackingFindings({ text: v.subject, html: null }))
    f('TRACKING_NOT_ALLOWED', 'subject', what);
  return out;
}

/** Every finding of both language versions; empty when the template may be stored and used. */
export function checkTemplate(c: TemplateContent): TemplateFinding[] {
  return [...checkVersion(c.nl, 'nl'), ...(c.en ? checkVersion(c.en, 'en') : [])];
}

const ORDER: readonly TemplateCheckCode[] = [
  'TRANSPARENCY_BLOCK_MISSING',
  'OBJECTION_NOTICE_MISSING_FIRST_CONTACT',
  'TRACKING_NOT_ALLOWED',
];

/** The legal reasons among the findings, each once, in a fixed order (the first is the error code). */
export function refusalReasons(findings: readonly TemplateFinding[]): TemplateCheckCode[] {
  return ORDER.filter((c) => findings.some((f) => f.code === c));
}

/** Which language version a recipient gets: the campaign's rule, falling back to Dutch. */
export type LanguageRule = 'person' | 'nl' | 'en';
export const LANGUAGE_RULES: readonly LanguageRule[] = ['person', 'nl', 'en'];

export function languageFor(
  rule: LanguageRule,
  personLanguage: string | null,
  content: TemplateContent,
): TemplateLanguage {
  const wanted: TemplateLanguage =
    rule === 'person' ? (personLanguage?.toLowerCase().startsWith('en') ? 'en' : 'nl') : rule;
  return wanted === 'en' && content.en ? 'en' : 'nl';
}

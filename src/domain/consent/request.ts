/**
 * Consent requests and forms before they reach anyone: a text must name the
 * controller, the purpose, the data, how to withdraw and its language; an explicit text must contain its
 * special-category and purpose mentions; a form has one unticked, optional checkbox per purpose.
 */
import type { Code } from '../codes.js';
import { namesController, normalizeControllerName } from './assess.js';
import {
  CONSENT_LANGUAGES,
  type ConsentLanguage,
  type ConsentPurpose,
  type ConsentTextContent,
} from './types.js';

/** The required elements of a consent request. */
export const REQUEST_ELEMENTS = [
  'controllerName',
  'purposeText',
  'dataCategories',
  'withdrawalInstructions',
  'language',
  'specialCategoryMention',
  'purposeMention',
] as const;
export type RequestElement = (typeof REQUEST_ELEMENTS)[number];

export interface RequestCheck {
  /** `CONSENT_REQUEST_INCOMPLETE` when an element is missing; empty when publishable. */
  reasons: Code[];
  missing: RequestElement[];
  /** Readability hints (Dutch B1 guideline, R-15): warnings only, never a refusal. */
  warnings: ('LONG_SENTENCE' | 'LONG_STATEMENT')[];
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';
const contains = (haystack: string, needle: string) =>
  normalizeControllerName(haystack).includes(normalizeControllerName(needle));

/** Words per sentence above which a sentence is hard to read (B1 guideline, rule of thumb). */
export const LONG_SENTENCE_WORDS = 25;
export const LONG_STATEMENT_CHARS = 400;

export function checkConsentRequest(text: ConsentTextContent & { explicit: boolean }): RequestCheck {
  const missing: RequestElement[] = [];
  if (blank(text.controllerName)) missing.push('controllerName');
  if (blank(text.statement)) missing.push('purposeText');
  if (text.dataCategories.filter((c) => !blank(c)).length === 0) missing.push('dataCategories');
  if (blank(text.withdrawalInstructions)) missing.push('withdrawalInstructions');
  if (!(CONSENT_LANGUAGES as readonly string[]).includes(text.language)) missing.push('language');
  if (text.explicit) {
    // the express statement itself names the special-category data and the purpose.
    const m = text.specialCategoryMention;
    if (blank(m) || !contains(text.statement, m!)) missing.push('specialCategoryMention');
    const p = text.purposeMention;
    if (blank(p) || !contains(text.statement, p!)) missing.push('purposeMention');
  }
  const warnings: RequestCheck['warnings'] = [];
  const all = [text.statement, text.withdrawalInstructions].join(' ');
  if (all.split(/[.!?]+/).some((s) => s.trim().split(/\s+/).length > LONG_SENTENCE_WORDS)) {
    warnings.push('LONG_SENTENCE');
  }
  if (text.statement.length > LONG_STATEMENT_CHARS) warnings.push('LONG_STATEMENT');
  return { reasons: missing.length ? ['CONSENT_REQUEST_INCOMPLETE'] : [], missing, warnings };
}

const HEADINGS: Record<ConsentLanguage, { controller: string; data: string; withdraw: string }> = {
  nl: { controller: 'Verwerkingsverantwoordelijke', data: 'Gegevens', withdraw: 'Intrekken' },
  en: { controller: 'Controller', data: 'Data', withdraw: 'Withdrawal' },
};

/**
 * The full text of a request version as stored and hashed: exactly what the person was shown,
 * in a fixed layout, so the same content always gives the same text and hash.
 */
export function renderConsentText(c: ConsentTextContent): string {
  const h = HEADINGS[c.language];
  const lines = [
    c.statement.trim(),
    '',
    `${h.controller}: ${c.controllerName.trim()}`,
    `${h.data}: ${c.dataCategories
      .map((d) => d.trim())
      .filter(Boolean)
      .join(', ')}`,
    `${h.withdraw}: ${c.withdrawalInstructions.trim()}`,
  ];
  if (!blank(c.automatedDecisionNotice)) lines.push(c.automatedDecisionNotice!.trim());
  if (!blank(c.transferNotice)) lines.push(c.transferNotice!.trim());
  return lines.join('\n');
}

/** One checkbox of a form: the purposes it covers, whether it must be ticked, whether it starts ticked. */
export interface FormItem {
  purposeIds: string[];
  required: boolean;
  defaultChecked: boolean;
}

export interface FormDraft {
  titles: Partial<Record<ConsentLanguage, string>>;
  controllerName: string;
  privacyNoticeUrl: string | null;
  privacyNoticeText: string | null;
  /** The form's main service (a sign-up, a membership application) and the purpose it is, if any. */
  service: { name: string; purposeId: string | null } | null;
  items: FormItem[];
}

/** One reason a form cannot be published, with what it concerns. */
export interface FormProblem {
  code: Code;
  /** Index of the checkbox (item) concerned. */
  item?: number;
  purposeId?: string;
  language?: ConsentLanguage;
  missing?: RequestElement | 'purposes' | 'privacyNotice' | 'title' | 'text';
}

/** The languages a form is offered in: those with a title, Dutch first. */
export function formLanguages(titles: FormDraft['titles']): ConsentLanguage[] {
  return CONSENT_LANGUAGES.filter((l) => !blank(titles[l]));
}

/**
 * Publish checks of a form: every problem, each with its code. `textOf` gives
 * the latest text version of a purpose in a language (null when there is none). `partyName` is the
 * party's own controller identity: a form must name it, or its consents would count for nobody.
 */
export function checkFormPublish(
  form: FormDraft,
  purposes: ReadonlyMap<string, ConsentPurpose>,
  textOf: (purposeId: string, language: ConsentLanguage) => ConsentTextContent | null,
  partyName: string | null = null,
): { reasons: Code[]; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const languages = formLanguages(form.titles);
  if (!languages.includes('nl'))
    problems.push({ code: 'CONSENT_REQUEST_INCOMPLETE', missing: 'title', language: 'nl' });
  if (blank(form.controllerName))
    problems.push({ code: 'CONSENT_REQUEST_INCOMPLETE', missing: 'controllerName' });
  else if (partyName !== null && !namesController([form.controllerName], partyName)) {
    problems.push({ code: 'CONSENT_NOT_SPECIFIC', missing: 'controllerName' });
  }
  if (blank(form.privacyNoticeUrl) && blank(form.privacyNoticeText)) {
    problems.push({ code: 'CONSENT_REQUEST_INCOMPLETE', missing: 'privacyNotice' });
  }
  if (form.items.length === 0) problems.push({ code: 'CONSENT_REQUEST_INCOMPLETE', missing: 'purposes' });

  form.items.forEach((item, i) => {
    // one checkbox per purpose, never pre-ticked, never a condition of the service.
    if (item.purposeIds.length > 1) problems.push({ code: 'CONSENT_BUNDLED', item: i });
    if (item.defaultChecked) problems.push({ code: 'CONSENT_PRETICKED', item: i });
    const servesItself =
      item.purposeIds.length === 1 &&
      form.service?.purposeId != null &&
      form.service.purposeId === item.purposeIds[0];
    if (item.required && !servesItself) problems.push({ code: 'CONSENT_CONDITIONAL', item: i });

    for (const purposeId of item.purposeIds) {
      const purpose = purposes.get(purposeId);
      if (!purpose) {
        problems.push({ code: 'CONSENT_REQUEST_INCOMPLETE', item: i, purposeId, missing: 'purposes' });
        continue;
      }
      for (const language of languages) {
        const text = textOf(purposeId, language);
        if (!text) {
          problems.push({
            code: 'CONSENT_REQUEST_INCOMPLETE',
            item: i,
            purposeId,
            language,
            missing: 'text',
          });
          continue;
        }
        for (const missing of checkConsentRequest({ ...text, explicit: purpose.political }).missing) {
          problems.push({ code: 'CONSENT_REQUEST_INCOMPLETE', item: i, purposeId, language, missing });
        }
        // the text names this form's controller, and every recipient that relies on the consent.
        const names = [text.controllerName];
        const statementNames = (r: string) => contains(`${text.statement} ${text.controllerName}`, r);
        if (
          !blank(form.controllerName) &&
          !blank(text.controllerName) &&
          !namesController(names, form.controllerName)
        ) {
          problems.push({
            code: 'CONSENT_NOT_SPECIFIC',
            item: i,
            purposeId,
            language,
            missing: 'controllerName',
          });
        }
        if (purpose.recipients.some((r) => !statementNames(r))) {
          problems.push({
            code: 'CONSENT_NOT_SPECIFIC',
            item: i,
            purposeId,
            language,
            missing: 'purposeText',
          });
        }
      }
    }
  });
  const reasons = [...new Set(problems.map((p) => p.code))];
  return { reasons, problems };
}

/**
 * The transparency block every campaign message carries (R-26): who sends it (the party as controller,
 * with a contact for rights requests), why this person receives it (the activity's purpose and the
 * basis in plain words), where their data came from (the source), and how to object and exercise their
 * rights. Generated from facts, never typed by hand; the text is stored with the send record (R-56).
 */
import type { DecisionBasis, GateRelation } from '../gate/types.js';
import type { SourceKind } from '../persons/types.js';
import type { TemplateLanguage } from './templates.js';

/** The basis of this message for this person, in words a person understands. */
export type WhyBasis = 'MEMBER' | 'FORMER_MEMBER' | 'REGULAR_CONTACT' | 'CONSENT' | 'PUBLISHED' | 'OTHER';

export function whyBasisOf(basis: DecisionBasis, relation: GateRelation): WhyBasis {
  if (basis === '9(2)(a)') return 'CONSENT';
  if (basis === '9(2)(e)') return 'PUBLISHED';
  if (relation === 'MEMBER') return 'MEMBER';
  if (relation === 'FORMER_MEMBER') return 'FORMER_MEMBER';
  if (relation === 'REGULAR_CONTACT') return 'REGULAR_CONTACT';
  return basis === null ? 'OTHER' : 'CONSENT';
}

export interface TransparencyFacts {
  /** The party as controller (R-26). */
  controllerName: string;
  /** Where to send rights requests (an e-mail address). */
  controllerContact: string;
  /** The activity from the register and its purpose in plain words. */
  activityName: string;
  purpose: string;
  why: WhyBasis;
  /** The consent purpose's name when the basis is consent. */
  consentPurposeName: string | null;
  source: SourceKind;
  objectionUrl: string;
}

const BASIS: Record<TemplateLanguage, Record<WhyBasis, (f: TransparencyFacts) => string>> = {
  nl: {
    MEMBER: (f) => `u bent lid van ${f.controllerName}`,
    FORMER_MEMBER: (f) => `u was lid van ${f.controllerName}`,
    REGULAR_CONTACT: (f) => `u heeft regelmatig contact met ${f.controllerName}`,
    CONSENT: (f) =>
      `u heeft ons daarvoor toestemming gegeven${f.consentPurposeName ? ` (${f.consentPurposeName})` : ''}`,
    PUBLISHED: () => 'u heeft zich hier zelf openlijk over uitgesproken',
    OTHER: () => 'wij u hierover mogen benaderen op grond van ons gerechtvaardigd belang',
  },
  en: {
    MEMBER: (f) => `you are a member of ${f.controllerName}`,
    FORMER_MEMBER: (f) => `you were a member of ${f.controllerName}`,
    REGULAR_CONTACT: (f) => `you are in regular contact with ${f.controllerName}`,
    CONSENT: (f) =>
      `you gave us your consent for it${f.consentPurposeName ? ` (${f.consentPurposeName})` : ''}`,
    PUBLISHED: () => 'you made your views on this public yourself',
    OTHER: () => 'we may contact you about this on the basis of our legitimate interest',
  },
};

const SOURCE: Record<TemplateLanguage, Record<SourceKind, string>> = {
  nl: {
    DATA_SUBJECT: 'u heeft ze zelf aan ons gegeven',
    MEMBER_ADMIN: 'uit onze ledenadministratie',
    EVENT_FORM: 'van een aanmeldformulier voor een bijeenkomst',
    CANVASS: 'uit een gesprek met een van onze vrijwilligers',
    THIRD_PARTY_LIST: 'van een lijst die wij van een ander kregen',
    PUBLIC_SOURCE: 'uit een openbare bron',
    SCRAPED: 'uit een openbare website',
    PLATFORM_EXPORT: 'van een online platform',
  },
  en: {
    DATA_SUBJECT: 'you gave them to us yourself',
    MEMBER_ADMIN: 'from our membership administration',
    EVENT_FORM: 'from a sign-up form for an event',
    CANVASS: 'from a conversation with one of our volunteers',
    THIRD_PARTY_LIST: 'from a list we received from someone else',
    PUBLIC_SOURCE: 'from a public source',
    SCRAPED: 'from a public website',
    PLATFORM_EXPORT: 'from an online platform',
  },
};

export interface TransparencyBlock {
  /** Plain-text lines (the text body, also stored as the send record's `whyYou`). */
  text: string;
  /** Lines to be escaped and wrapped in HTML by the renderer. */
  lines: { label: string; value: string }[];
}

/** The block in one language, from facts only. */
export function transparencyBlock(f: TransparencyFacts, lang: TemplateLanguage): TransparencyBlock {
  const nl = lang === 'nl';
  const lines = [
    {
      label: nl ? 'Afzender' : 'Sender',
      value: nl
        ? `${f.controllerName} is verantwoordelijk voor dit bericht en voor uw gegevens.`
        : `${f.controllerName} is responsible for this message and for your data.`,
    },
    {
      label: nl ? 'Waarom u dit krijgt' : 'Why you receive this',
      value: nl
        ? `U ontvangt dit voor "${f.activityName}": ${f.purpose}. Dat mag omdat ${BASIS.nl[f.why](f)}.`
        : `You receive this for "${f.activityName}": ${f.purpose}. We may do so because ${BASIS.en[f.why](f)}.`,
    },
    {
      label: nl ? 'Herkomst van uw gegevens' : 'Where your data came from',
      value: nl ? `Uw gegevens komen ${SOURCE.nl[f.source]}.` : `Your data came ${SOURCE.en[f.source]}.`,
    },
    {
      label: nl ? 'Uw rechten' : 'Your rights',
      value: nl
        ? `U kunt uw gegevens inzien, laten verbeteren of laten verwijderen via ${f.controllerContact}. Bezwaar tegen deze berichten kan altijd, met één klik: ${f.objectionUrl}`
        : `You can see, correct or erase your data via ${f.controllerContact}. You can always object to these messages with one click: ${f.objectionUrl}`,
    },
  ];
  const text = lines.map((l) => `${l.label}: ${l.value}`).join('\n');
  return { text, lines };
}

/** The separate objection sentence with its link (R-27), one per language. */
export function objectionSentence(lang: TemplateLanguage): string {
  return lang === 'nl'
    ? 'Wilt u geen berichten als dit meer? Maak bezwaar met één klik:'
    : 'No longer want messages like this? Object with one click:';
}

/**
 * Obligations the legal gate returns with a decision (LEGAL.md Appendix C.2): duties a processing
 * triggers, met or not. They are no errors (no HTTP status): a decision lists them so the product can
 * show and check them. Names are exactly those of Appendix C.2. `unverified` repeats what LEGAL.md marks
 * unverified about the entry (see docs/legal-status.md and LEGAL.md Appendix E).
 */
export interface ObligationInfo {
  nl: string;
  en: string;
  rule: string;
  unverified?: string;
}

export const OBLIGATIONS = {
  TRANSPARENCY_NOTICE: {
    nl: 'Informeer de persoon bij het verzamelen (AVG art. 13) en wees in het openbaar duidelijk over de verwerking in de campagne.',
    en: 'Inform the person at collection (GDPR art 13) and be open in public about campaign processing.',
    rule: 'R-26',
  },
  INFORM_SUBJECT: {
    nl: 'Informeer de persoon over gegevens die niet bij hem of haar zelf zijn verkregen: binnen een maand, en uiterlijk bij het eerste contact of de eerste verstrekking (AVG art. 14).',
    en: 'Inform the person about data not obtained from them: within a month, and at the latest at the first communication or disclosure (GDPR art 14).',
    rule: 'R-55',
  },
  OBJECTION_NOTICE: {
    nl: 'Wijs de persoon uiterlijk in het eerste bericht apart op het recht van bezwaar tegen direct marketing, en honoreer het meteen (AVG art. 21(2)–(4)).',
    en: 'Point out the right to object to direct marketing separately, at the latest in the first message, and honour it at once (GDPR art 21(2)–(4)).',
    rule: 'R-27',
    unverified: 'whether the AP treats party messages to individuals as direct marketing (Appendix E 12)',
  },
  RECORD_CONSENT: {
    nl: 'Bewaar het toestemmingsbewijs en bied een manier om in te trekken die even makkelijk is als toestemming geven (AVG art. 7(1) en 7(3)).',
    en: 'Keep the consent receipt and a way to withdraw that is as easy as giving consent (GDPR arts 7(1) and 7(3)).',
    rule: 'R-14',
  },
  DPIA: {
    nl: 'Voer vóór de verwerking een gegevensbeschermingseffectbeoordeling (DPIA) uit en houd die actueel (AVG art. 35).',
    en: 'Carry out a data protection impact assessment (DPIA) before the processing and keep it current (GDPR art 35).',
    rule: 'R-47',
    unverified: 'names of the AP DPIA-list categories beyond the first seven',
  },
  ART26_ARRANGEMENT: {
    nl: 'Houd een regeling met de gezamenlijke verwerkingsverantwoordelijke bij; de kern ervan is beschikbaar voor de betrokkenen (AVG art. 26).',
    en: 'Keep an arrangement with the joint controller, its essence available to data subjects (GDPR art 26).',
    rule: 'R-31',
    unverified: 'EDPB section numbers on joint controllers',
  },
  PROCESSOR_AGREEMENT: {
    nl: 'Houd een verwerkersovereenkomst met alle onderdelen van AVG art. 28(3) met een getoetste verwerker.',
    en: 'Keep an agreement with all items of GDPR art 28(3) with a vetted processor.',
    rule: 'R-35',
    unverified: 'whether a missing art 28(3) contract makes the processing unlawful (Appendix E 16)',
  },
  SUPPRESSION_LIST: {
    nl: 'Houd een minimale blokkeervermelding bij voor wie gewist is, bezwaar maakte of toestemming introk, en controleer elke import en upload ertegen (AVG art. 17 en 21).',
    en: 'Keep a minimal suppression entry for a person who was erased, objected or withdrew consent, and check every import and upload against it (GDPR arts 17 and 21).',
    rule: 'R-58',
  },
  DOCUMENT_DATASET_ORIGIN: {
    nl: 'Vraag en bewaar de documentatie van de leverancier over de rechtmatige verzameling van de dataset (AVG art. 5(2)).',
    en: "Obtain and keep the supplier's documentation of the dataset's lawful collection (GDPR art 5(2)).",
    rule: 'R-37',
  },
  TTPA_ART19_TRANSPARENCY: {
    nl: 'Publiceer een beleid voor het richten van advertenties, houd gegevens over het richten bij en leg per advertentie uit waarom iemand die ziet (Verordening politieke reclame art. 19).',
    en: 'Publish a targeting policy, keep targeting records and explain per ad why someone sees it (TTPA art 19).',
    rule: 'R-80',
    unverified: 'sub-points and record-keeping periods of TTPA art 19 (from memory)',
  },
  TTPA_LABEL_AND_NOTICE: {
    nl: 'Geef de politieke advertentie een label en een transparantieverklaring (Verordening politieke reclame art. 11 en 12).',
    en: 'Label the political ad and attach its transparency notice (TTPA arts 11 and 12).',
    rule: 'R-74',
    unverified: 'exact lists of TTPA arts 11 and 12 and the implementing act on formats',
  },
  AI_DISCLOSURE: {
    nl: 'Vertel mensen dat ze met een AI-systeem te maken hebben (AI-verordening art. 50(1)).',
    en: 'Tell people they are dealing with an AI system (AI Act art 50(1)).',
    rule: 'R-82',
  },
  AI_HIGH_RISK_DEPLOYER_DUTIES: {
    nl: 'Voldoe aan de plichten van de gebruiksverantwoordelijke voor AI met een hoog risico: instructies, menselijk toezicht, passende invoer, monitoring, logs minstens zes maanden en mensen informeren (AI-verordening art. 26).',
    en: 'Meet the deployer duties for high-risk AI: instructions, human oversight, relevant input data, monitoring, logs kept at least six months and informing people (AI Act art 26).',
    rule: 'R-81',
    unverified: 'whether an informational campaign chatbot is high-risk under Annex III 8(b) (Appendix E 15)',
  },
  CONFIDENTIALITY_INSTRUCTIONS: {
    nl: 'Wie onder gezag van de partij werkt, verwerkt alleen volgens instructies, en elke kandidaat krijgt uitleg over de privacyregels (AVG art. 29 en 32(4); brief AP).',
    en: "People acting under the party's authority process only on instructions, and every candidate is briefed on the privacy rules (GDPR arts 29 and 32(4); AP letter).",
    rule: 'R-63',
  },
  SECURITY_MEASURES: {
    nl: 'Neem passende beveiligingsmaatregelen, ook tegen misbruik door medewerkers, leden, campagnevrijwilligers en kandidaten (AVG art. 32).',
    en: 'Take appropriate security measures, also against misuse by staff, members, campaign workers and candidates (GDPR art 32).',
    rule: 'R-61',
  },
} as const satisfies Record<string, ObligationInfo>;

export type Obligation = keyof typeof OBLIGATIONS;
export const OBLIGATION_CODES = Object.keys(OBLIGATIONS) as Obligation[];

/**
 * Legal decision reasons (LEGAL.md Appendix C.1) and the product-control codes of C.3 that the register,
 * consent and import rules return. Names are exactly those of Appendix C; messages name the rule in
 * plain words. Entries LEGAL.md marks unverified are flagged in docs/legal-status.md.
 */
import type { CodeInfo } from '../codes-types.js';

export const LEGAL_CODES = {
  // --- C.1 decision reasons ---
  NO_EXPLICIT_CONSENT: {
    status: 422,
    nl: 'Deze persoon heeft geen uitzondering van AVG art. 9 (lidmaatschap, uitdrukkelijke toestemming of een zelf openbaar gemaakte uiting). Politieke gegevens over deze persoon mogen niet worden opgeslagen of gebruikt.',
    en: 'This person has no GDPR art 9 exception on record (membership, explicit consent or a manifestly-public act). Political data about them cannot be stored or used.',
    rule: 'R-01',
  },
  CONSENT_PRETICKED: {
    status: 422,
    nl: 'Deze toestemming is gegeven met een vooraf aangevinkt vakje; dat is geen toestemming (AVG overweging 32, HvJ EU Planet49).',
    en: 'This consent was obtained with a pre-ticked box; that is no consent (GDPR recital 32, CJEU Planet49).',
    rule: 'R-13',
  },
  CONSENT_BUNDLED: {
    status: 422,
    nl: 'Uitdrukkelijke toestemming moet per doel apart worden gevraagd; één handeling voor meerdere doelen telt niet (AVG art. 4(11)).',
    en: 'Explicit consent must be asked separately for each purpose; one action for several purposes does not count (GDPR art 4(11)).',
    rule: 'R-17',
  },
  CONSENT_CONDITIONAL: {
    status: 422,
    nl: 'Toestemming mag geen voorwaarde zijn voor iets waarvoor de verwerking niet nodig is (AVG art. 7(4)).',
    en: 'Consent cannot be a condition for something that does not need the processing (GDPR art 7(4)).',
    rule: 'R-13',
  },
  CONSENT_WITHDRAWN: {
    status: 422,
    nl: 'Deze persoon heeft de toestemming ingetrokken; verwerking op basis daarvan moet stoppen (AVG art. 7(3)).',
    en: 'This person withdrew the consent; processing based on it must stop (GDPR art 7(3)).',
    rule: 'R-16',
  },
  CONSENT_NOT_PRIOR: {
    status: 422,
    nl: 'De toestemming is pas gegeven nadat de verwerking begon; ze maakt die verwerking niet rechtmatig (AP-brief 2023).',
    en: 'The consent was given only after the processing started; it does not make that processing lawful (AP letter 2023).',
    rule: 'R-06',
  },
  CONSENT_NOT_SPECIFIC: {
    status: 422,
    nl: 'De toestemming noemt deze partij, de ontvanger of het doel niet (bijvoorbeeld toestemming "voor partners"); ze telt niet (AVG art. 4(11)).',
    en: 'The consent does not name this party, the recipient or the purpose (for example consent "for partners"); it does not count (GDPR art 4(11)).',
    rule: 'R-18',
  },
  CONSENT_NOT_DEMONSTRABLE: {
    status: 422,
    nl: 'Een ja/nee-kolom is geen bewijs van uitdrukkelijke toestemming. Leg de toestemming vast met tekstversie, tijdstip en kanaal, of laat de politieke gegevens weg (AVG art. 7(1)).',
    en: 'A yes/no column is not proof of explicit consent. Record the consent with text version, time and channel, or leave out the political data (GDPR art 7(1)).',
    rule: 'R-06',
  },
  CONSENT_LAPSED: {
    status: 422,
    nl: 'Deze toestemming is verlopen: de verkiezing of periode waarvoor ze gold is voorbij, of ze is te lang niet vernieuwd.',
    en: 'This consent has lapsed: the election or period it covered has ended, or it was not refreshed in time.',
    rule: 'R-20',
  },
  MINOR_CONSENT_INVALID: {
    status: 422,
    nl: 'Deze persoon is jonger dan 16. De toestemming moet van een ouder of voogd komen (UAVG art. 5).',
    en: 'This person is under 16. Consent must come from a parent or guardian (UAVG art 5).',
    rule: 'R-19',
  },
  NOT_MANIFESTLY_PUBLIC: {
    status: 422,
    nl: 'Likes, volgen, delen, bezoeken of berichten met beperkt publiek maken een politieke mening niet kennelijk openbaar (HvJ EU C-252/21). Gebruik uitdrukkelijke toestemming.',
    en: 'Likes, follows, shares, visits or posts with a restricted audience do not make a political opinion manifestly public (CJEU C-252/21). Use explicit consent instead.',
    rule: 'R-07',
  },
  SPECIAL_CATEGORY_INFERENCE: {
    status: 422,
    nl: 'Deze gegevens kunnen een politieke mening onthullen (HvJ EU C-184/20). Alleen personen met een uitzondering van art. 9 mogen erin.',
    en: 'These data can reveal political opinions (CJEU C-184/20). Only persons with an art 9 exception can be included.',
    rule: 'R-08',
  },
  OBJECTED: {
    status: 422,
    nl: 'Deze persoon heeft bezwaar gemaakt; deze verwerking mag niet (AVG art. 21).',
    en: 'This person objected; this processing is not allowed (GDPR art 21).',
    rule: 'R-27',
  },
  ERASED_SUBJECT: {
    status: 422,
    nl: 'De gegevens van deze persoon zijn op verzoek gewist; ze mogen niet terugkomen (AVG art. 17).',
    en: "This person's data were erased on request; they may not come back (GDPR art 17).",
    rule: 'R-58',
  },
  PURCHASED_POLITICAL_LIST: {
    status: 422,
    nl: 'Bestanden van derden met (vermeende) politieke voorkeuren zijn vermoedelijk onrechtmatig samengesteld (AP 2023). Haal deze kolommen weg of breek de import af.',
    en: 'Files from third parties with (alleged) political opinions are presumed unlawful (AP 2023). Remove these columns or cancel the import.',
    rule: 'R-10',
  },
  UNVERIFIED_DATASET: {
    status: 422,
    nl: 'De herkomst van deze dataset is niet gedocumenteerd (rechtmatige verzameling, informatie aan de personen). Hij blijft in quarantaine en mag niet worden gebruikt.',
    en: 'The origin of this dataset is not documented (lawful collection, information given to the people). It stays in quarantine and cannot be used.',
    rule: 'R-37',
  },
  SCRAPED_PROFILE: {
    status: 422,
    nl: 'Gescrapete gegevens mogen niet worden gebruikt om mensen te profileren of een politieke mening toe te schrijven (AP-handleiding stap 5). Deze import is geblokkeerd.',
    en: 'Scraped data cannot be used to profile people or attribute political opinions (AP guide step 5). This import is blocked.',
    rule: 'R-09',
  },
  DISCLOSURE_OUTSIDE_BODY: {
    status: 422,
    nl: 'Gegevens van leden, oud-leden of vaste contacten mogen niet naar een andere verwerkingsverantwoordelijke of gezamenlijke verwerkingsverantwoordelijke (zoals een platform) zonder uitdrukkelijke toestemming van elke persoon die deze ontvanger noemt (AVG art. 9(2)(d)).',
    en: "Data of members, former members or regular contacts may not go to another controller or joint controller (such as a platform) without each person's explicit consent naming that recipient (GDPR art 9(2)(d)).",
    rule: 'R-05',
  },
  PURPOSE_INCOMPATIBLE: {
    status: 422,
    nl: 'Deze gegevens zijn voor een ander doel verzameld. Gebruik voor dit doel kan pas na een toets op verenigbaarheid of met een nieuwe grondslag (AVG art. 6(4)).',
    en: 'These data were collected for another purpose. Using them for this purpose needs a compatibility assessment or a new basis (GDPR art 6(4)).',
    rule: 'R-03',
  },
  PROCESSING_RESTRICTED: {
    status: 422,
    nl: 'De verwerking van de gegevens van deze persoon is beperkt; ze mogen alleen worden bewaard (AVG art. 18).',
    en: "Processing of this person's data is restricted; they may only be stored (GDPR art 18).",
    rule: 'R-59',
  },
  NO_PROCESSOR_AGREEMENT: {
    status: 422,
    nl: 'Met deze verwerker is geen volledige verwerkersovereenkomst gesloten; zonder die overeenkomst gaan er geen gegevens naartoe (AVG art. 28(3)).',
    en: 'There is no complete processor agreement with this processor; no data go to it without one (GDPR art 28(3)).',
    rule: 'R-35',
  },
  JOINT_CONTROLLER_ARRANGEMENT_REQUIRED: {
    status: 422,
    nl: 'De partij en deze ontvanger (bijvoorbeeld een advertentieplatform) bepalen samen doel en middelen. Daarvoor is eerst een regeling voor gezamenlijke verwerkingsverantwoordelijken nodig (AVG art. 26; HvJ EU C-60/22).',
    en: 'The party and this recipient (for example an ad platform) jointly decide purpose and means. That needs a joint-controller arrangement first (GDPR art 26; CJEU C-60/22).',
    rule: 'R-21',
  },
  DPIA_REQUIRED: {
    status: 422,
    nl: 'Voor deze verwerking is eerst een goedgekeurde gegevensbeschermingseffectbeoordeling (DPIA) nodig (AVG art. 35; brief AP 2023).',
    en: 'This processing needs an approved data protection impact assessment (DPIA) first (GDPR art 35; AP letter 2023).',
    rule: 'R-47',
  },
  PRIOR_CONSULTATION_REQUIRED: {
    status: 422,
    nl: 'De DPIA laat een hoog restrisico over. De Autoriteit Persoonsgegevens moet vooraf worden geraadpleegd (AVG art. 36).',
    en: 'The DPIA leaves a high residual risk. The Dutch DPA (AP) must be consulted first (GDPR art 36).',
    rule: 'R-49',
  },
  NO_CHANNEL_PERMISSION: {
    status: 422,
    nl: 'Voor een e-mail, sms, WhatsApp-bericht of telefoontje met een ideëel doel is vooraf toestemming voor dat kanaal nodig (Telecommunicatiewet art. 11.7).',
    en: 'An e-mail, SMS, WhatsApp message or call for an ideological purpose needs prior permission for that channel (Dutch Telecommunications Act art 11.7).',
    rule: 'R-70',
  },
  TTPA_DATA_NOT_FROM_SUBJECT: {
    status: 422,
    nl: 'Online politieke advertenties mogen alleen worden gericht met gegevens die de partij bij de persoon zelf heeft verzameld, niet met gekochte, gescrapete, afgeleide of door een platform waargenomen gegevens (Verordening politieke reclame art. 18(1)(a)).',
    en: 'Online political ads may only be targeted with data the party collected from the person, not with bought, scraped, inferred or platform-observed data (TTPA art 18(1)(a)).',
    rule: 'R-76',
  },
  TTPA_SEPARATE_CONSENT_REQUIRED: {
    status: 422,
    nl: 'Voor het richten van online politieke advertenties is aparte uitdrukkelijke toestemming voor politieke reclame nodig (Verordening politieke reclame art. 18(1)(b)).',
    en: 'Targeting online political ads needs separate explicit consent for political advertising (TTPA art 18(1)(b)).',
    rule: 'R-76',
  },
  TTPA_SPECIAL_CATEGORY_PROFILING: {
    status: 422,
    nl: 'Politieke advertenties mogen niet worden gericht met profilering op bijzondere persoonsgegevens (zoals een politiek segment of een score); ook toestemming maakt dat niet mogelijk (Verordening politieke reclame art. 18(1)(c)).',
    en: 'Political ads may not be targeted by profiling with special-category data (such as a political segment or a score); consent does not lift this (TTPA art 18(1)(c)).',
    rule: 'R-77',
  },
  TTPA_MINOR_UNDER_VOTING_AGE: {
    status: 422,
    nl: 'Politieke advertenties mogen niet worden gericht op iemand van wie bekend is dat die minstens een jaar jonger is dan de kiesgerechtigde leeftijd, en een advertentie-instelling mag zulke leeftijden niet toelaten (Verordening politieke reclame art. 18(2)).',
    en: 'Political ads may not be targeted at someone known to be at least one year under the voting age, and an ad brief may not allow such ages (TTPA art 18(2)).',
    rule: 'R-78',
  },
  AI_DISCLOSURE_MISSING: {
    status: 422,
    nl: 'Een AI-systeem dat met mensen praat moet zeggen dat het AI is (AI-verordening art. 50(1)).',
    en: 'An AI system that talks to people must say it is AI (AI Act art 50(1)).',
    rule: 'R-82',
  },
  AI_PROHIBITED_PRACTICE: {
    status: 422,
    nl: 'Deze verwerking gebruikt een AI-toepassing die verboden is, zoals manipulatie, misbruik van kwetsbaarheden of het afleiden van politieke opvattingen uit biometrie (AI-verordening art. 5).',
    en: 'This processing uses a prohibited AI practice, such as manipulation, exploiting vulnerabilities or inferring political opinions from biometrics (AI Act art 5).',
    rule: 'R-84',
  },
  // --- C.3 product-control codes ---
  REGULAR_CONTACT_EVIDENCE_INSUFFICIENT: {
    status: 422,
    nl: 'Dit bewijs toont geen regelmatig contact dat met de doelen van de partij samenhangt (bijv. één handtekening of één aanmelding is te weinig).',
    en: 'This evidence does not show regular contact related to the party’s purposes (one signature or one registration is not enough).',
    rule: 'R-04',
  },
  BASIS_NOT_AVAILABLE_IN_JURISDICTION: {
    status: 422,
    nl: 'Deze grondslag (art. 9(2)(g), zwaarwegend algemeen belang) bestaat in Nederland niet voor politieke partijen.',
    en: 'This basis (art 9(2)(g), substantial public interest) does not exist for political parties in the Netherlands.',
    rule: 'R-12',
  },
  TEXT_VERSION_IMMUTABLE: {
    status: 409,
    nl: 'Een toestemmingstekst waarnaar een toestemming verwijst kan niet worden gewijzigd of verwijderd. Maak een nieuwe versie.',
    en: 'A consent text that a consent record references cannot be edited or deleted. Make a new version.',
    rule: 'R-14',
  },
  CONSENT_REQUEST_INCOMPLETE: {
    status: 422,
    nl: 'Dit toestemmingsverzoek mist een verplicht onderdeel (verwerkingsverantwoordelijke, doel, gegevens of intrekken).',
    en: 'This consent request lacks a required element (controller, purpose, data or withdrawal).',
    rule: 'R-15',
  },
  ENRICHMENT_NOT_SUPPORTED: {
    status: 422,
    nl: 'Kieskluis verrijkt geen gegevens met kenmerken van derden (inkomen, interesses, politieke voorkeur).',
    en: 'Kieskluis does not enrich data with third-party attributes (income, interests, political leaning).',
    rule: 'R-37',
  },
  BSN_NOT_ALLOWED: {
    status: 422,
    nl: 'Er staat een burgerservicenummer (BSN) in de gegevens. Een partij mag geen BSN verwerken.',
    en: 'The data contain a citizen service number (BSN). A party may not process it.',
    rule: 'R-43',
  },
  TRACKING_NOT_ALLOWED: {
    status: 422,
    nl: 'Tracking is niet toegestaan: geen trackingpixels, externe afbeeldingen, scripts of volglinks in campagnepagina’s en e-mail (standpunt AP).',
    en: 'Tracking is not allowed: no tracking pixels, remote images, scripts or tracking links in campaign pages and e-mail (AP position).',
    rule: 'R-69',
  },
  SUPPRESSED_CONTACT: {
    status: 422,
    nl: 'Deze persoon staat op de blokkeerlijst (gewist, bezwaar of ingetrokken toestemming) en wordt niet opnieuw opgenomen.',
    en: 'This person is on the suppression list (erased, objected or consent withdrawn) and is not added again.',
    rule: 'R-58',
  },
  LOOKALIKE_NOT_SUPPORTED: {
    status: 422,
    nl: 'Kieskluis biedt geen lookalike-doelgroepen: die leiden gegevens af over mensen die geen toestemming gaven (productkeuze; AVG art. 9, Verordening politieke reclame art. 18).',
    en: 'Kieskluis offers no lookalike audiences: they infer data about people who did not consent (product choice; GDPR art 9, TTPA art 18).',
    rule: 'R-23',
  },
  TRANSPARENCY_BLOCK_MISSING: {
    status: 422,
    nl: 'Dit bericht mist het verplichte blok: wie het stuurt, waarom deze persoon het krijgt, waar de gegevens vandaan komen en hoe bezwaar te maken (AVG art. 12–14).',
    en: 'This message lacks the mandatory block: who sends it, why this person receives it, where the data came from and how to object (GDPR arts 12–14).',
    rule: 'R-26',
  },
  OBJECTION_NOTICE_MISSING_FIRST_CONTACT: {
    status: 422,
    nl: 'Een eerste bericht moet apart wijzen op het recht van bezwaar tegen direct marketing, met een link om dat te doen (AVG art. 21(4)).',
    en: 'A first message must point out the right to object to direct marketing separately, with a link to do so (GDPR art 21(4)).',
    rule: 'R-27',
  },
  ROLE_INCONSISTENT: {
    status: 422,
    nl: 'Deze ontvanger bepaalt zelf doelgroep, bronnen of werkwijze en is dus geen verwerker; leg de juiste rol vast (AVG art. 4(7), 26 en 28).',
    en: 'This recipient decides audience, sources or logic itself and is therefore no processor; record the right role (GDPR arts 4(7), 26 and 28).',
    rule: 'R-30',
  },
  VENDOR_NOT_VETTED: {
    status: 422,
    nl: 'Deze leverancier is nog niet getoetst aan de checklist van de Autoriteit Persoonsgegevens; er gaan nog geen gegevens naartoe (AVG art. 28(1)).',
    en: 'This vendor has not yet passed the Dutch DPA (AP) vetting checklist; no data go to it yet (GDPR art 28(1)).',
    rule: 'R-33',
  },
  UNREGISTERED_DESTINATION: {
    status: 422,
    nl: 'Deze bestemming is niet geregistreerd met een ontvanger en rol; niets verlaat Kieskluis naar een onbekende plek (AVG art. 30).',
    en: 'This destination is not registered with a recipient and role; nothing leaves Kieskluis for an unknown place (GDPR art 30).',
    rule: 'R-34',
  },
  PROCESSOR_AGREEMENT_INCOMPLETE: {
    status: 422,
    nl: 'De verwerkersovereenkomst mist een verplicht onderdeel van AVG art. 28(3).',
    en: 'The processor agreement lacks a required item of GDPR art 28(3).',
    rule: 'R-35',
  },
  TRANSFER_MECHANISM_MISSING: {
    status: 422,
    nl: 'Deze leverancier verwerkt buiten de EER zonder vastgelegde doorgiftegrondslag (zoals een adequaatheidsbesluit of modelcontractbepalingen) (AVG hoofdstuk V).',
    en: 'This vendor processes outside the EEA without a recorded transfer mechanism (such as an adequacy decision or standard contractual clauses) (GDPR chapter V).',
    rule: 'R-38',
  },
  EXPORT_NEEDS_APPROVAL: {
    status: 422,
    nl: 'Een export of inzage boven de drempel heeft de goedkeuring van een tweede persoon (de FG) nodig, tegen misbruik door insiders (AVG art. 32).',
    en: 'An export or view above the threshold needs a second approver (the DPO), against insider misuse (GDPR art 32).',
    rule: 'R-63',
  },
  ART14_NOT_INFORMED: {
    status: 422,
    nl: 'Deze persoon heeft de informatie over gegevens die niet bij hem of haar zelf zijn verkregen nog niet gehad; die moet uiterlijk bij het eerste contact of de eerste verstrekking komen (AVG art. 14).',
    en: 'This person has not yet had the information about data not obtained from them; it must come at the latest at the first contact or disclosure (GDPR art 14).',
    rule: 'R-55',
  },
  AI_HIGH_RISK_UNSUPPORTED: {
    status: 422,
    nl: 'Kieskluis ondersteunt geen AI voor kiezers met een hoog risico zonder bewijs van de plichten van de gebruiksverantwoordelijke (productkeuze; AI-verordening bijlage III, 8(b) en art. 26).',
    en: 'Kieskluis does not support voter-facing high-risk AI without evidence of the deployer duties (product choice; AI Act Annex III 8(b) and art 26).',
    rule: 'R-81',
  },
  NECESSITY_MISMATCH: {
    status: 422,
    nl: 'Deze handeling leest velden die niet nodig zijn voor het vastgelegde doel (AVG art. 5(1)(c), dataminimalisatie).',
    en: 'This action reads fields that its recorded purpose does not need (GDPR art 5(1)(c), data minimisation).',
    rule: 'R-11',
  },
} as const satisfies Record<string, CodeInfo>;

/** The decision reasons of Appendix C.1, in the order of that table (the gate reports only these). */
export const DECISION_REASONS = [
  'NO_EXPLICIT_CONSENT',
  'CONSENT_PRETICKED',
  'CONSENT_BUNDLED',
  'CONSENT_CONDITIONAL',
  'CONSENT_WITHDRAWN',
  'CONSENT_NOT_PRIOR',
  'CONSENT_NOT_SPECIFIC',
  'CONSENT_NOT_DEMONSTRABLE',
  'CONSENT_LAPSED',
  'MINOR_CONSENT_INVALID',
  'NOT_MANIFESTLY_PUBLIC',
  'SPECIAL_CATEGORY_INFERENCE',
  'DISCLOSURE_OUTSIDE_BODY',
  'PURPOSE_INCOMPATIBLE',
  'OBJECTED',
  'ERASED_SUBJECT',
  'PROCESSING_RESTRICTED',
  'PURCHASED_POLITICAL_LIST',
  'UNVERIFIED_DATASET',
  'SCRAPED_PROFILE',
  'NO_PROCESSOR_AGREEMENT',
  'JOINT_CONTROLLER_ARRANGEMENT_REQUIRED',
  'DPIA_REQUIRED',
  'PRIOR_CONSULTATION_REQUIRED',
  'NO_CHANNEL_PERMISSION',
  'TTPA_DATA_NOT_FROM_SUBJECT',
  'TTPA_SEPARATE_CONSENT_REQUIRED',
  'TTPA_SPECIAL_CATEGORY_PROFILING',
  'TTPA_MINOR_UNDER_VOTING_AGE',
  'TRACKING_NOT_ALLOWED',
  'AI_DISCLOSURE_MISSING',
  'AI_PROHIBITED_PRACTICE',
] as const satisfies readonly (keyof typeof LEGAL_CODES)[];
export type DecisionReason = (typeof DECISION_REASONS)[number];

/** C.3 product controls the legal gate itself reports (in `Decision.productRefusals`). */
export const GATE_PRODUCT_REFUSALS = [
  'LOOKALIKE_NOT_SUPPORTED',
  'AI_HIGH_RISK_UNSUPPORTED',
  'UNREGISTERED_DESTINATION',
  'VENDOR_NOT_VETTED',
  'TRANSFER_MECHANISM_MISSING',
  'ART14_NOT_INFORMED',
  'ROLE_INCONSISTENT',
] as const satisfies readonly (keyof typeof LEGAL_CODES)[];
export type GateProductRefusal = (typeof GATE_PRODUCT_REFUSALS)[number];

/**
 * What LEGAL.md marks unverified about the entry a legal code enforces. The code is enforced as
 * written; the FG or a privacy lawyer checks these before launch (LEGAL.md Appendix E).
 */
export const LEGAL_UNVERIFIED: Partial<Record<keyof typeof LEGAL_CODES, string>> = {
  NOT_MANIFESTLY_PUBLIC: 'paragraph numbers of C-446/21',
  CONSENT_NOT_SPECIFIC: 'EDPB paragraph on consent "for partners"',
  MINOR_CONSENT_INVALID: 'present wording of UAVG art 5 (Appendix E 1)',
  OBJECTED: 'whether the AP treats party messages as direct marketing (Appendix E 12)',
  NO_PROCESSOR_AGREEMENT:
    'whether a missing art 28(3) contract makes the processing unlawful (Appendix E 16)',
  PROCESSOR_AGREEMENT_INCOMPLETE:
    'whether a missing art 28(3) contract makes the processing unlawful (Appendix E 16)',
  JOINT_CONTROLLER_ARRANGEMENT_REQUIRED: 'date of the EDPB targeting guidance version; EDPB section numbers',
  DPIA_REQUIRED: 'names of the AP DPIA-list categories beyond the first seven',
  NO_CHANNEL_PERMISSION:
    'paragraph numbers of Tw art 11.7; whether the existing-relationship exception covers members and donors (Appendix E 5)',
  TTPA_SPECIAL_CATEGORY_PROFILING:
    'whether a consented member list used as provided is profiling (Appendix E 3)',
  TTPA_MINOR_UNDER_VOTING_AGE: 'wording of TTPA art 18(2), and whether art 18(3) lifts it (Appendix E 6)',
  TRANSFER_MECHANISM_MISSING: 'whether the EU-US Data Privacy Framework still stands (Appendix E 10)',
  LOOKALIKE_NOT_SUPPORTED: 'location of the EDPB passage on lookalikes',
  AI_HIGH_RISK_UNSUPPORTED: 'whether a campaign chatbot is high-risk under Annex III 8(b) (Appendix E 15)',
};

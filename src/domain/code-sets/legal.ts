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
} as const satisfies Record<string, CodeInfo>;

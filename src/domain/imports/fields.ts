/**
 * The fields an import can fill, each classified: contact and address data are ordinary
 * personal data; membership data are always political (special category); 9(2)(e) evidence points at a
 * political statement and is political too. Also: recognising column names (Dutch and English) to
 * suggest a mapping, and classifying any column name the gate must know about, mapped or not.
 */
import type { DataClass } from '../persons/types.js';

export const IMPORT_FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'email',
  'phone',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'birthDate',
  'ageBand',
  'language',
  'memberSince',
  'memberUntil',
  'membershipStatus',
  'branch',
  'publicEvidenceUrl',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const MEMBERSHIP_FIELDS = ['memberSince', 'memberUntil', 'membershipStatus', 'branch'] as const;

export const FIELD_CLASS: Record<ImportField, DataClass> = {
  firstName: 'ordinary',
  infix: 'ordinary',
  lastName: 'ordinary',
  email: 'ordinary',
  phone: 'ordinary',
  street: 'ordinary',
  houseNumber: 'ordinary',
  houseNumberAddition: 'ordinary',
  postcode: 'ordinary',
  city: 'ordinary',
  birthDate: 'ordinary',
  ageBand: 'ordinary',
  language: 'ordinary',
  memberSince: 'political',
  memberUntil: 'political',
  membershipStatus: 'political',
  branch: 'political',
  publicEvidenceUrl: 'political',
};

/** Lower case, accents removed, every run of other characters one space: "E-mailadres " → "e mailadres". */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The same without spaces, so "e-mail", "E mail" and "email" compare equal. */
const squash = (h: string) => normalizeHeader(h).replace(/ /g, '');

const SYNONYMS: Record<ImportField, readonly string[]> = {
  firstName: ['voornaam', 'voornamen', 'roepnaam', 'firstname', 'givenname', 'forename', 'first'],
  infix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'tv', 'infix', 'prefix', 'nameprefix'],
  lastName: ['achternaam', 'familienaam', 'geslachtsnaam', 'lastname', 'surname', 'familyname', 'last'],
  email: ['email', 'emailadres', 'mail', 'mailadres', 'emailaddress'],
  phone: [
    'telefoon',
    'telefoonnummer',
    'tel',
    'telnr',
    'mobiel',
    'mobielnummer',
    'gsm',
    'phone',
    'phonenumber',
    'mobile',
    'telephone',
  ],
  street: ['straat', 'straatnaam', 'street', 'streetname'],
  houseNumber: ['huisnummer', 'huisnr', 'nr', 'nummer', 'housenumber', 'number', 'houseno'],
  houseNumberAddition: ['toevoeging', 'huisnummertoevoeging', 'huisnrtoevoeging', 'addition', 'suffix'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'pc'],
  city: ['plaats', 'woonplaats', 'stad', 'gemeente', 'city', 'town', 'place'],
  birthDate: ['geboortedatum', 'gebdatum', 'geboren', 'birthdate', 'dateofbirth', 'dob', 'birthday'],
  ageBand: ['leeftijdscategorie', 'leeftijdsgroep', 'leeftijdsklasse', 'ageband', 'agegroup', 'agerange'],
  language: ['taal', 'voorkeurstaal', 'correspondentietaal', 'language', 'preferredlanguage'],
  memberSince: [
    'lidsinds',
    'lidvanaf',
    'startdatumlidmaatschap',
    'begindatumlidmaatschap',
    'membersince',
    'membershipstart',
    'joined',
  ],
  memberUntil: ['lidtot', 'opzegdatum', 'einddatumlidmaatschap', 'memberuntil', 'membershipend'],
  membershipStatus: [
    'lidmaatschap',
    'lidmaatschapsstatus',
    'statuslidmaatschap',
    'membership',
    'membershipstatus',
  ],
  branch: ['afdeling', 'lokaleafdeling', 'branch', 'localbranch', 'chapter'],
  publicEvidenceUrl: [
    'bewijsurl',
    'bronurl',
    'openbareuiting',
    'uitingurl',
    'evidenceurl',
    'publicstatementurl',
    'publicevidence',
  ],
};

const BY_SYNONYM = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const s of SYNONYMS[f]) BY_SYNONYM.set(s, f);

/** The field a column name stands for, if it is one we know. */
export function fieldForHeader(header: string): ImportField | null {
  return BY_SYNONYM.get(squash(header)) ?? null;
}

/** A mapping of column name → field (null: not imported). */
export type ImportMapping = Record<string, ImportField | null>;

/**
 * Suggest a mapping for the file's column names: each known name gets its field, the first column wins
 * when two name the same field, and anything unknown is left out (null).
 */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const taken = new Set<ImportField>();
  const out: ImportMapping = {};
  for (const h of headers) {
    const f = fieldForHeader(h);
    if (f && !taken.has(f)) {
      taken.add(f);
      out[h] = f;
    } else out[h] = null;
  }
  return out;
}

/**
 * What a column name reveals, whatever it is mapped to. The gate (gate.ts) reads these:
 * - `political`: political opinion or party links (party preference, voting intention, membership, donor);
 * - `high_proxy`: attributes that make political opinion inferable (R-08: petition signed, party event
 *   attended, propensity score, "persuadable");
 * - `enrichment`: attributes vendors append (income band, interests, lifestyle, political leaning; R-37);
 * - `consent_flag`: a yes/no "consented" column (R-06: not proof of consent);
 * - `bsn`: a citizen service number column.
 */
export const HEADER_KINDS = ['political', 'high_proxy', 'enrichment', 'consent_flag', 'bsn'] as const;
export type HeaderKind = (typeof HEADER_KINDS)[number];

// Words matched against the words of a normalised column name (and against its squashed form).
const POLITICAL_WORDS = [
  'partij',
  'partijvoorkeur',
  'partijkeuze',
  'party',
  'partypreference',
  'stemvoorkeur',
  'stemintentie',
  'stemgedrag',
  'stemadvies',
  'vote',
  'voter',
  'voting',
  'votingintention',
  'politiek',
  'politieke',
  'political',
  'politics',
  'sympathie',
  'sympathy',
  'sympathizer',
  'sympathisant',
  'ideologie',
  'ideology',
  'leaning',
  'lidmaatschap',
  'membership',
  'lidsinds',
  'membersince',
  'donateur',
  'donatie',
  'donor',
  'donation',
];
const HIGH_PROXY_WORDS = [
  'petitie',
  'petition',
  'handtekening',
  'propensity',
  'persuadable',
  'overtuigbaar',
  'zwevend',
  'swing',
  'evenementbezocht',
  'eventattended',
  'attended',
  'score',
];
const ENRICHMENT_WORDS = [
  'inkomen',
  'inkomensklasse',
  'income',
  'incomeband',
  'koopkracht',
  'interesse',
  'interesses',
  'interest',
  'interests',
  'hobby',
  'hobbys',
  'lifestyle',
  'leefstijl',
  'mosaic',
  'segment',
  'leaning',
  'verrijkt',
  'enriched',
  'welstand',
];
const CONSENT_WORDS = [
  'toestemming',
  'consent',
  'consented',
  'optin',
  'opt',
  'akkoord',
  'permission',
  'ingestemd',
  'gdprconsent',
];
const BSN_WORDS = ['bsn', 'burgerservicenummer', 'sofinummer', 'sofi'];

function hits(header: string, words: readonly string[]): boolean {
  const n = normalizeHeader(header);
  const tokens = new Set([...n.split(' '), n.replace(/ /g, '')]);
  // Compound pieces: "likely voter party" → "likelyvoterparty" contains "party"; snake_case split above.
  return words.some(
    (w) => tokens.has(w) || (w.length >= 5 && [...tokens].some((t) => t.length > w.length && t.endsWith(w))),
  );
}

/** Every kind a column name reveals (see HeaderKind); empty for plain contact columns. */
export function classifyHeader(header: string): HeaderKind[] {
  const kinds: HeaderKind[] = [];
  // Contact columns we know are never political by name ("voorkeurstaal" is a language).
  const known = fieldForHeader(header);
  if (known && FIELD_CLASS[known] === 'ordinary') return kinds;
  if (hits(header, POLITICAL_WORDS)) kinds.push('political');
  if (hits(header, HIGH_PROXY_WORDS)) kinds.push('high_proxy');
  if (hits(header, ENRICHMENT_WORDS)) kinds.push('enrichment');
  if (hits(header, CONSENT_WORDS)) kinds.push('consent_flag');
  if (hits(header, BSN_WORDS)) kinds.push('bsn');
  return kinds;
}

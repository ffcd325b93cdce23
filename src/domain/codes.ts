/**
 * Stable product codes for refusals and errors, with plain Dutch and English messages and the rule
 * they enforce. Codes never change meaning; add new ones instead. See docs/codes.md.
 */
import { AUDIENCE_CODES } from './code-sets/audiences.js';
import { CONSENT_CODES } from './code-sets/consent.js';
import { EXPORT_CODES } from './code-sets/exports.js';
import { GATE_CODES } from './code-sets/gate.js';
import { IMPORT_CODES } from './code-sets/imports.js';
import { LEGAL_CODES } from './code-sets/legal.js';
import { OUTREACH_CODES } from './code-sets/outreach.js';
import { PUBLIC_FORM_CODES } from './code-sets/public-forms.js';
import { REGISTER_CODES } from './code-sets/register.js';
import type { CodeInfo } from './codes-types.js';

export type { CodeInfo } from './codes-types.js';

const FOUNDATION_CODES = {
  // --- request edges ---
  VALIDATION_FAILED: {
    status: 400,
    nl: 'De invoer klopt niet. Zie de velden in details.',
    en: 'The input is invalid. See the fields in details.',
  },
  MALFORMED_JSON: {
    status: 400,
    nl: 'De inhoud van het verzoek is geen geldige JSON.',
    en: 'The request body is not valid JSON.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    nl: 'Dit soort inhoud wordt niet ondersteund; stuur application/json.',
    en: 'This content type is not supported; send application/json.',
  },
  BODY_TOO_LARGE: {
    status: 413,
    nl: 'Het verzoek is te groot.',
    en: 'The request body is too large.',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    nl: 'Deze pagina of API-route bestaat niet.',
    en: 'This page or API route does not exist.',
  },
  NOT_FOUND: {
    status: 404,
    nl: 'Niet gevonden.',
    en: 'Not found.',
  },
  RATE_LIMITED: {
    status: 429,
    nl: 'Te veel verzoeken. Probeer het straks opnieuw.',
    en: 'Too many requests. Try again shortly.',
  },
  CSRF_INVALID: {
    status: 403,
    nl: 'Het beveiligingstoken (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.',
    en: 'The security token (CSRF) is missing or wrong. Reload the page.',
  },
  INTERNAL_ERROR: {
    status: 500,
    nl: 'Er ging iets mis aan onze kant. Er is niets half opgeslagen.',
    en: 'Something went wrong on our side. Nothing was half-saved.',
  },
  // --- authentication ---
  UNAUTHENTICATED: {
    status: 401,
    nl: 'Log eerst in.',
    en: 'Log in first.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    nl: 'Gebruikersnaam of wachtwoord klopt niet.',
    en: 'Username or password is wrong.',
  },
  LOGIN_LOCKED: {
    status: 429,
    nl: 'Te veel mislukte pogingen. Dit account is tijdelijk geblokkeerd.',
    en: 'Too many failed attempts. This account is temporarily locked.',
    rule: 'R-61',
  },
  SESSION_EXPIRED: {
    status: 401,
    nl: 'Je sessie is verlopen. Log opnieuw in.',
    en: 'Your session has expired. Log in again.',
    rule: 'R-61',
  },
  MFA_REQUIRED: {
    status: 401,
    nl: 'Een tweede factor (TOTP-code) is verplicht voor wie persoonsgegevens kan inzien (AVG art. 32).',
    en: 'A second factor (TOTP code) is required for anyone who can read personal data (GDPR art. 32).',
    rule: 'R-61',
  },
  MFA_INVALID: {
    status: 401,
    nl: 'De code van de tweede factor klopt niet of is verlopen.',
    en: 'The second-factor code is wrong or expired.',
    rule: 'R-61',
  },
  MFA_ALREADY_ENROLLED: {
    status: 409,
    nl: 'Voor dit account is al een tweede factor ingesteld.',
    en: 'This account already has a second factor.',
  },
  ACCESS_EXPIRED: {
    status: 401,
    nl: 'Je toegang is verlopen (tijdelijke campagnerol). Vraag het secretariaat om verlenging.',
    en: 'Your access has expired (temporary campaign role). Ask the secretariat to renew it.',
    rule: 'R-89',
  },
  ACCESS_NOT_YET_VALID: {
    status: 401,
    nl: 'Je toegang gaat later in (begindatum van je campagnerol).',
    en: 'Your access starts later (start date of your campaign role).',
    rule: 'R-89',
  },
  TOKEN_INVALID: {
    status: 401,
    nl: 'Het API-token is onbekend, verlopen of ingetrokken.',
    en: 'The API token is unknown, expired or revoked.',
  },
  // --- authorisation ---
  FORBIDDEN: {
    status: 403,
    nl: 'Je rol mag dit niet.',
    en: 'Your role may not do this.',
    rule: 'R-63',
  },
  BRIEFING_NOT_ACKNOWLEDGED: {
    status: 403,
    nl: 'Lees en bevestig eerst de privacyregels voor de campagne (advies van de AP aan partijen).',
    en: 'Read and confirm the campaign privacy rules first (AP advice to parties).',
    rule: 'R-86',
  },
  // --- accounts ---
  USERNAME_TAKEN: {
    status: 409,
    nl: 'Deze gebruikersnaam bestaat al.',
    en: 'This username already exists.',
  },
  WEAK_PASSWORD: {
    status: 400,
    nl: 'Het wachtwoord is te zwak: minstens 12 tekens.',
    en: 'The password is too weak: at least 12 characters.',
    rule: 'R-61',
  },
  ASSIGNMENT_NEEDS_VALID_UNTIL: {
    status: 400,
    nl: 'Een tijdelijke campagnerol heeft een einddatum nodig (uiterlijk 12 maanden).',
    en: 'A temporary campaign role needs an end date (at most 12 months).',
    rule: 'R-89',
  },
  ASSIGNMENT_TOO_LONG: {
    status: 400,
    nl: 'Een tijdelijke campagnerol mag hoogstens 12 maanden duren.',
    en: 'A temporary campaign role may last at most 12 months.',
    rule: 'R-89',
  },
  ASSIGNMENT_PERIOD_INVALID: {
    status: 400,
    nl: 'De einddatum van de rol moet na de begindatum en in de toekomst liggen.',
    en: 'The role must end after it starts, and in the future.',
    rule: 'R-89',
  },
  ASSIGNMENT_SCOPE_INVALID: {
    status: 400,
    nl: 'Deze rol heeft een afbakening nodig (afdeling, kandidaat of gebied).',
    en: 'This role needs a scope (branch, candidate or area).',
    rule: 'R-63',
  },
  // --- operations ---
  DATA_DIR_LOCKED: {
    status: 409,
    nl: 'De datamap is in gebruik door een ander proces.',
    en: 'The data directory is in use by another process.',
  },
  CONFIG_INVALID: {
    status: 500,
    nl: 'De configuratie is ongeldig.',
    en: 'The configuration is invalid.',
  },
  // --- websites (issue 7) ---
  WEBSITE_SCAN_IN_PROGRESS: {
    status: 409,
    nl: 'Voor deze website loopt al een scan. Wacht tot die klaar is.',
    en: 'A scan of this website is already queued or running. Wait until it has finished.',
  },
  WEBSITE_SCANS_UNAVAILABLE: {
    status: 503,
    nl: 'Scans draaien in de takenwachtrij, en die staat uit op deze server (KIESKLUIS_JOBS).',
    en: 'Scans run in the job queue, which is switched off on this server (KIESKLUIS_JOBS).',
  },
  WEBSITE_ALERT_ACKNOWLEDGED: {
    status: 409,
    nl: 'Deze melding is al afgehandeld.',
    en: 'This alert has already been acknowledged.',
  },
} as const satisfies Record<string, CodeInfo>;

/** Every code: the foundation's, the legal decision codes (Appendix C) and each capability's own. */
export const CODES = {
  ...FOUNDATION_CODES,
  ...LEGAL_CODES,
  ...REGISTER_CODES,
  ...CONSENT_CODES,
  ...IMPORT_CODES,
  ...PUBLIC_FORM_CODES,
  ...GATE_CODES,
  ...AUDIENCE_CODES,
  ...OUTREACH_CODES,
  ...EXPORT_CODES,
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export type Locale = 'nl' | 'en';

export function messageFor(code: Code, locale: Locale = 'nl'): string {
  return CODES[code][locale];
}

/** A refusal or error raised by a use case; the edges map it to HTTP or CLI output. */
export class DomainError extends Error {
  readonly code: Code;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: Code, details?: Record<string, unknown>) {
    super(`${code}: ${CODES[code].en}`);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

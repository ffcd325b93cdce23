/**
 * Product codes of the public consent forms' edge (issue 3): spam protection without third parties
 * (a signed form token with the render time, a honeypot field). The consent rules' own codes are in
 * consent.ts; mail with tracking is refused with the legal code TRACKING_NOT_ALLOWED.
 */
import type { CodeInfo } from '../codes-types.js';

export const PUBLIC_FORM_CODES = {
  FORM_TOKEN_INVALID: {
    status: 400,
    nl: 'Dit formulier is niet volledig of is gewijzigd. Laad de pagina opnieuw en vul het formulier opnieuw in.',
    en: 'This form is incomplete or was altered. Reload the page and fill in the form again.',
  },
  FORM_TOKEN_EXPIRED: {
    status: 400,
    nl: 'Dit formulier stond te lang open. Laad de pagina opnieuw en vul het formulier opnieuw in.',
    en: 'This form was open for too long. Reload the page and fill in the form again.',
  },
  FORM_SUBMITTED_TOO_FAST: {
    status: 400,
    nl: 'Het formulier werd sneller verstuurd dan een mens het kan invullen. Wacht een paar seconden en verstuur het opnieuw.',
    en: 'The form was sent faster than a person can fill it in. Wait a few seconds and send it again.',
  },
  FORM_REJECTED: {
    status: 400,
    nl: 'Dit formulier is niet aangenomen, omdat een veld is ingevuld dat leeg moet blijven.',
    en: 'This form was not accepted, because a field that must stay empty was filled in.',
  },
} as const satisfies Record<string, CodeInfo>;

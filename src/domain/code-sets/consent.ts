/** Product codes of consent with proof (C2): purposes, texts, records, public forms, double opt-in, mail. */
import type { CodeInfo } from '../codes-types.js';

export const CONSENT_CODES = {
  CONSENT_PENDING_CONFIRMATION: {
    status: 409,
    nl: 'Deze toestemming via het eigen webformulier is nog niet bevestigd met de link in de e-mail; ze telt pas na bevestiging.',
    en: 'This consent from our own web form has not been confirmed with the e-mail link yet; it counts only after confirmation.',
    rule: 'R-17',
  },
  CONFIRMATION_EXPIRED: {
    status: 410,
    nl: 'Deze bevestigingslink is verlopen (na 14 dagen). Meld je opnieuw aan via het formulier.',
    en: 'This confirmation link has expired (after 14 days). Sign up again through the form.',
    rule: 'R-17',
  },
  LINK_INVALID: {
    status: 404,
    nl: 'Deze link klopt niet of bestaat niet (meer). Controleer of je de hele link hebt gekopieerd.',
    en: 'This link is not valid or no longer exists. Check that you copied the whole link.',
  },
  PURPOSE_NAME_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een doel met deze naam.',
    en: 'A purpose with this name already exists.',
  },
  FORM_SLUG_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een formulier met dit webadres (slug).',
    en: 'A form with this web address (slug) already exists.',
  },
  PURPOSE_IN_USE: {
    status: 409,
    nl: 'Dit doel wordt gebruikt in een gepubliceerd formulier of in vastgelegde toestemmingen; de aard ervan (politiek of niet) kan niet meer wijzigen.',
    en: 'This purpose is used by a published form or recorded consents; whether it is political can no longer change.',
    rule: 'R-14',
  },
  NO_TEXT_VERSION: {
    status: 422,
    nl: 'Voor dit doel en deze taal is nog geen toestemmingstekst vastgelegd.',
    en: 'No consent text has been recorded for this purpose and language yet.',
    rule: 'R-14',
  },
} as const satisfies Record<string, CodeInfo>;

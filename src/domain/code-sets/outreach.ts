/** Product codes of issue 4 (outreach), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const OUTREACH_CODES = {
  CAMPAIGN_NOT_DRAFT: {
    status: 409,
    nl: 'Deze campagne is al verzonden, wordt verzonden of is gestopt; dat kan niet meer.',
    en: 'This campaign has been sent, is being sent or was stopped; that is no longer possible.',
  },
  CAMPAIGN_MESSAGE_NOT_IN_DOUBT: {
    status: 409,
    nl: 'Alleen een bericht waarvan onbekend is of het is afgeleverd, kan opnieuw worden verzonden.',
    en: 'Only a message whose delivery is unknown can be sent again.',
  },
  TEMPLATE_LANGUAGE_MISSING: {
    status: 422,
    nl: 'Dit sjabloon heeft geen Engelse versie; kies Nederlands of de taal van de persoon.',
    en: 'This template has no English version; choose Dutch or the person’s language.',
  },
  AUDIENCE_ACTIVITY_NOT_EMAIL: {
    status: 422,
    nl: 'De verwerking van deze doelgroep is geen e-mailbericht; een e-mailcampagne kan er niet op.',
    en: 'The activity of this audience is not an e-mail message; an e-mail campaign cannot use it.',
    rule: 'R-03',
  },
  TEMPLATE_SUPERSEDED: {
    status: 409,
    nl: 'Er is al een nieuwere versie van dit sjabloon; wijzig die.',
    en: 'A newer version of this template exists; change that one.',
  },
  NO_EMAIL_ADDRESS: {
    status: 422,
    nl: 'Van deze persoon is geen e-mailadres bekend.',
    en: 'No e-mail address is known for this person.',
  },
  OBJECTION_LINK_INVALID: {
    status: 404,
    nl: 'Deze bezwaarlink is onbekend of onvolledig. Kopieer de hele link uit de e-mail, of neem contact met ons op.',
    en: 'This objection link is unknown or incomplete. Copy the whole link from the e-mail, or contact us.',
    rule: 'R-27',
  },
} as const satisfies Record<string, CodeInfo>;

/** Product codes of issue 4 (exports), merged into CODES by codes.ts. */
import type { CodeInfo } from '../codes-types.js';

export const EXPORT_CODES = {
  ACTIVITY_NAME_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een verwerking met deze naam.',
    en: 'A processing activity with this name already exists.',
  },
  DESTINATION_NAME_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een ontvanger met deze naam.',
    en: 'A recipient with this name already exists.',
  },
  EXPORT_NOT_PENDING: {
    status: 409,
    nl: 'Deze export wacht niet (meer) op goedkeuring.',
    en: 'This export is not (or no longer) awaiting approval.',
    rule: 'R-63',
  },
  EXPORT_SELF_APPROVAL: {
    status: 403,
    nl: 'Je kunt je eigen exportverzoek niet goedkeuren; een tweede persoon moet dat doen.',
    en: 'You cannot approve your own export request; a second person must do so.',
    rule: 'R-63',
  },
  EXPORT_NOT_PRODUCED: {
    status: 409,
    nl: 'Dit bestand is er niet: de export is geweigerd of nog niet goedgekeurd.',
    en: 'There is no file: the export was refused or is not approved yet.',
  },
  SNAPSHOT_NOT_FOUND: {
    status: 404,
    nl: 'Deze vastgelegde doelgroep bestaat niet of valt buiten je bereik.',
    en: 'This frozen audience does not exist or is outside your scope.',
  },
  CONTACT_DATA_MISSING: {
    status: 422,
    nl: 'Van deze persoon ontbreekt het contactgegeven dat het bestand nodig heeft (bijvoorbeeld het e-mailadres); de persoon is weggelaten.',
    en: 'This person lacks the contact detail the file needs (for example the e-mail address); the person was left out.',
    rule: 'R-11',
  },
  EXPORT_EMPTY: {
    status: 422,
    nl: 'Er blijft niemand over om te exporteren: de vastgelegde doelgroep is leeg of valt buiten je bereik.',
    en: 'Nobody is left to export: the frozen audience is empty or outside your scope.',
  },
} as const satisfies Record<string, CodeInfo>;

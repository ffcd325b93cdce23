/** Product codes of the person register (C1): persons, memberships, evidence, fields, tags and notes. */
import type { CodeInfo } from '../codes-types.js';

export const REGISTER_CODES = {
  PERSON_FIELD_INVALID: {
    status: 400,
    nl: 'Dit gegeven van de persoon klopt niet (zie veld en regel).',
    en: 'This item of the person is invalid (see field and rule).',
    rule: 'R-43',
  },
  PERSON_DUPLICATE: {
    status: 409,
    nl: 'Er staat al een persoon met dit e-mailadres of telefoonnummer in het register.',
    en: 'A person with this e-mail address or phone number is already in the register.',
  },
  GROUND_IS_DERIVED: {
    status: 422,
    nl: 'De grondslag van art. 9 wordt afgeleid uit vastgelegde gegevens (lidmaatschap, bewijs van regelmatig contact, uitdrukkelijke toestemming, openbare uiting) en kan niet worden ingetypt.',
    en: 'The art 9 ground is derived from records (membership, evidence of regular contact, explicit consent, a public statement) and cannot be typed in.',
    rule: 'R-01',
  },
  CLASSIFICATION_LOCKED: {
    status: 409,
    nl: 'Lidmaatschapsgegevens zijn altijd bijzondere persoonsgegevens (politiek); deze indeling kan niet worden gewijzigd.',
    en: 'Membership data are always special-category (political) data; this classification cannot be changed.',
    rule: 'R-02',
  },
  FIELD_KEY_TAKEN: {
    status: 409,
    nl: 'Er bestaat al een veld, label of notitiesoort met deze sleutel.',
    en: 'A field, tag or note kind with this key already exists.',
  },
  MEMBERSHIP_ACTIVE_EXISTS: {
    status: 409,
    nl: 'Deze persoon heeft al een lopend lidmaatschap. Beëindig dat eerst.',
    en: 'This person already has a current membership. End it first.',
    rule: 'R-04',
  },
  MEMBERSHIP_ALREADY_ENDED: {
    status: 409,
    nl: 'Dit lidmaatschap is al beëindigd.',
    en: 'This membership has already ended.',
  },
  EVIDENCE_ALREADY_RETRACTED: {
    status: 409,
    nl: 'Dit bewijs is al ingetrokken.',
    en: 'This evidence has already been retracted.',
  },
  PUBLIC_EVIDENCE_REQUIRED: {
    status: 422,
    nl: 'Deze persoon heeft alleen een zelf openbaar gemaakte uiting als grondslag. Politieke gegevens mogen alleen worden vastgelegd zoals ze zijn gepubliceerd: koppel ze aan die uiting (HvJ EU C-446/21).',
    en: 'This person’s only ground is a manifestly public statement. Political data may be recorded only as published: link them to that statement (CJEU C-446/21).',
    rule: 'R-07',
  },
} as const satisfies Record<string, CodeInfo>;

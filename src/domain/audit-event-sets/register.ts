/** Audit event types of the register capability (issue 3). Persons by id only; never plaintext personal data. */
export const REGISTER_EVENTS = [
  'person.contact_updated',
  'person.searched',
  'person.political_read',
  'person.history_read',
  'person.membership_recorded',
  'person.membership_ended',
  'person.evidence_added',
  'person.evidence_retracted',
  'person.attribute_set',
  'person.attribute_removed',
  'field_definition.created',
  'field_definition.updated',
] as const;

/** Audit event types of the consent capability (issue 3). Persons by id only; never plaintext personal data. */
export const CONSENT_EVENTS = [] as const;

/** Audit events of issue 4 (audiences). Persons by id only; never plaintext personal data. */
export const AUDIENCE_EVENTS = [] as const;

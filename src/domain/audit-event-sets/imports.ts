/** Audit event types of the imports capability (issue 3). Persons by id only; never plaintext personal data. */
export const IMPORT_EVENTS = [] as const;

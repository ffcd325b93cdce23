/** Audit events of issue 4 (exports). Persons by id only; never plaintext personal data. */
export const EXPORT_EVENTS = [] as const;

/** Audit events of issue 4 (outreach). Persons by id only; never plaintext personal data. */
export const OUTREACH_EVENTS = [] as const;

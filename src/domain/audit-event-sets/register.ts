/** Audit event types of the register capability (issue 3). Persons by id only; never plaintext personal data. */
export const REGISTER_EVENTS = [] as const;

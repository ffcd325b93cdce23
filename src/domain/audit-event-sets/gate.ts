/** Audit events of issue 4 (gate). Persons by id only; never plaintext personal data. */
export const GATE_EVENTS = [] as const;

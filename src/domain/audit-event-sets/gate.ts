/** Audit events of issue 4 (gate). Persons by id only; never plaintext personal data. */
export const GATE_EVENTS = [
  /**
   * A hypothetical facts document was assessed (POST /api/v1/assessments): the outcome and its codes,
   * never the document (a hypothetical is no real person).
   */
  'gate.hypothetical_assessed',
  /** The member channel permissions by existing relationship were recorded or changed. */
  'settings.member_channels_changed',
] as const;

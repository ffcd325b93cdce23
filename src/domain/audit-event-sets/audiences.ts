/** Audit events of issue 4 (audiences). Persons by id only; never plaintext personal data. */
export const AUDIENCE_EVENTS = [
  'audience.created',
  'audience.updated',
  /** Creating or changing an audience was refused by the segment classification. */
  'audience.refused',
  /** An audience was evaluated through the gate: counts only (included, excluded per reason). */
  'audience.evaluated',
  /** The who-and-why list was read; each person shown is also a `person.read`. */
  'audience.explained',
  /** A snapshot was frozen for use: the decision counts (Appendix C.0: contacts excluded). */
  'audience.snapshot_frozen',
] as const;

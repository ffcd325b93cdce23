/** Audit events of issue 4 (exports). Persons by id only; never plaintext personal data. */
export const EXPORT_EVENTS = [
  'activity.created',
  'activity.updated',
  'destination.created',
  'destination.updated',
  /** An export of a frozen audience was requested; data: counts included / excluded per reason. */
  'export.requested',
  'export.refused',
  'export.approved',
  'export.produced',
  /** The produced CSV was downloaded; data: person count. */
  'export.downloaded',
  /** A custom-audience (platform list) request was assessed; data: counts, reasons. */
  'custom_audience.requested',
  'custom_audience.refused',
  'custom_audience.downloaded',
] as const;

/** Audit event types of the consent capability (issue 3). Persons by id only; never plaintext personal data. */
export const CONSENT_EVENTS = [
  'consent.purpose_created',
  'consent.purpose_updated',
  'consent.text_created',
  'consent.text_updated',
  'consent.text_deleted',
  'consent.form_created',
  'consent.form_updated',
  'consent.form_published',
  'consent.form_unpublished',
  'consent.form_publish_refused',
  /** A consent record was written (web form, offline capture). */
  'consent.recorded',
  /** A public submission whose purposes were all suppressed or already pending: nothing recorded. */
  'consent.submission_skipped',
  'consent.confirmed',
  'consent.withdrawn',
  /** Consents of a person were read (list, receipt): political data, every read audited. */
  'consent.read',
  'consent.scan_uploaded',
  'consent.scan_read',
  /** Unconfirmed web sign-ups older than 14 days were deleted. */
  'consent.pending_purged',
] as const;

/** Audit events of issue 4 (outreach). Persons by id only; never plaintext personal data. */
export const OUTREACH_EVENTS = [
  'outreach.template_created',
  'outreach.template_updated',
  /** A template or rendered message was refused (TRANSPARENCY_BLOCK_MISSING, TRACKING_NOT_ALLOWED …). */
  'outreach.template_refused',
  'outreach.campaign_created',
  /** A campaign was put in the send queue. */
  'outreach.campaign_queued',
  /** A chunk of a campaign was checked at send time: counts queued and excluded per reason. */
  'outreach.messages_checked',
  /** One recipient was excluded at send time (objection, withdrawal …), with the reasons. */
  'outreach.message_excluded',
  /** A message was rendered for preview (personal data read). */
  'outreach.message_previewed',
  /** Everything of a campaign reached a final state: counts per status. */
  'outreach.campaign_sent',
  /**
   * Everything of a campaign reached a final state, and (some of) its mail is held in the outbox: no SMTP
   * server was configured (embedded demo). Counts per status.
   */
  'outreach.campaign_held',
  /** Waiting campaign mail of a person was cancelled: the consent the activity relies on was withdrawn. */
  'outreach.messages_cancelled',
  'outreach.campaign_cancelled',
  /** An operator sent a message again whose delivery was unknown. */
  'outreach.message_resent',
  /** An objection to direct marketing was recorded (link, one-click, staff). */
  'outreach.objection_recorded',
] as const;

/** Audit events of the mail outbox (issue 3): admins reading outgoing mail. Mails by id only. */
export const MAIL_EVENTS = ['mail.outbox_listed', 'mail.read'] as const;

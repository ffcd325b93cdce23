import type { Widen } from '../nl';
import type { mailNl } from './mail.nl';

/** English messages of the mail outbox screens; typed against the Dutch ones. */
export const mailEn: Widen<typeof mailNl> = {
  title: 'Outbox',
  intro:
    'All e-mail Kieskluis sends: consent confirmations (double opt-in) and receipts. Without an SMTP server the mail stays here, so you can open the confirmation link yourself. Only administrators see this; every message opened is logged.',
  notAllowed: 'Only administrators can see the outbox.',
  caption: 'Outgoing e-mail, newest first',
  none: 'No e-mail has been sent yet.',
  refresh: 'Refresh',
  more: 'Load older messages',
  time: 'Time',
  kind: 'Kind',
  to: 'To',
  subject: 'Subject',
  status: 'Status',
  actions: 'Actions',
  open: 'Open',
  openNamed: (subject: string, to: string) => `Open: ${subject} to ${to}`,
  close: 'Close message',
  kinds: {
    'consent.confirm': 'Consent confirmation',
    'consent.receipt': 'Receipt',
  },
  statuses: {
    queued: 'Queued',
    sent: 'Sent',
    failed: 'Failed',
    held: 'In outbox (no SMTP)',
  },
  attempts: (n: number) => (n === 1 ? '1 attempt' : `${n} attempts`),
  retryAt: (when: string) => `Next attempt: ${when}`,
  noRetry: 'No further attempt',
  messageTitle: 'Message',
  fieldTo: 'To',
  fieldSubject: 'Subject',
  fieldCreated: 'Created',
  fieldSent: 'Sent',
  fieldError: 'Last error',
  body: 'Text of the message',
  linkHint: 'Links in the message open in a new tab.',
};

import type { Widen } from '../nl';
import type { mailNl } from './mail.nl';

/** English messages of the mail outbox screens; typed against the Dutch ones. */
export const mailEn: Widen<typeof mailNl> = {
  title: 'Outbox',
};

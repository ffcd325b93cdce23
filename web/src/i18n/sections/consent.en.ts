import type { Widen } from '../nl';
import type { consentNl } from './consent.nl';

/** English messages of the consent screens; typed against the Dutch ones. */
export const consentEn: Widen<typeof consentNl> = {
  title: 'consent',
};

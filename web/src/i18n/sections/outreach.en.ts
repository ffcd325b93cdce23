import type { Widen } from '../nl';
import type { outreachNl } from './outreach.nl';

/** English messages of the outreach screens; typed against the Dutch ones. */
export const outreachEn: Widen<typeof outreachNl> = {
  title: 'Campaigns',
};

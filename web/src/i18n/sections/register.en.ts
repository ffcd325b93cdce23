import type { Widen } from '../nl';
import type { registerNl } from './register.nl';

/** English messages of the register screens; typed against the Dutch ones. */
export const registerEn: Widen<typeof registerNl> = {
  title: 'register',
};

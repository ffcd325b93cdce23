import type { Widen } from '../nl';
import type { importsNl } from './imports.nl';

/** English messages of the imports screens; typed against the Dutch ones. */
export const importsEn: Widen<typeof importsNl> = {
  title: 'imports',
};

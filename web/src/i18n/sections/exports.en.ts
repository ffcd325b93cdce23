import type { Widen } from '../nl';
import type { exportsNl } from './exports.nl';

/** English messages of the exports screens; typed against the Dutch ones. */
export const exportsEn: Widen<typeof exportsNl> = {
  title: 'Exports and recipients',
};

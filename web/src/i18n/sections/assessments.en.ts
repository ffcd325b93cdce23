import type { Widen } from '../nl';
import type { assessmentsNl } from './assessments.nl';

/** English messages of the assessments screens; typed against the Dutch ones. */
export const assessmentsEn: Widen<typeof assessmentsNl> = {
  title: 'Assessments',
};

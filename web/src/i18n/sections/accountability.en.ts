import type { Widen } from '../nl';
import type { accountabilityNl } from './accountability.nl';

/** English messages of the accountability area's shell; typed against the Dutch ones. */
export const accountabilityEn: Widen<typeof accountabilityNl> = {
  title: 'Accountability',
  intro:
    'Ask the rules beforehand whether something is allowed, and record the processing activities and recipients that audiences, campaigns and exports are bound to.',
  tabs: { assess: 'Assess', activities: 'Activities', destinations: 'Recipients' },
};

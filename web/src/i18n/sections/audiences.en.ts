import type { Widen } from '../nl';
import type { audiencesNl } from './audiences.nl';

/** English messages of the audiences screens; typed against the Dutch ones. */
export const audiencesEn: Widen<typeof audiencesNl> = {
  title: 'Audiences',
  intro:
    'Build an audience for a recorded processing activity. Every person goes through the rules: you see who is in and who is not, and why.',
  tabs: { audiences: 'Audiences', campaigns: 'Campaigns', exports: 'Exports and platforms' },
};

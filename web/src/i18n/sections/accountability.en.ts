import type { Widen } from '../nl';
import type { accountabilityNl } from './accountability.nl';

/** English messages of the accountability area's shell; typed against the Dutch ones. */
export const accountabilityEn: Widen<typeof accountabilityNl> = {
  title: 'Accountability',
  intro:
    'Ask the rules beforehand whether something is allowed, and record the processing activities and recipients that audiences, campaigns and exports are bound to.',
  tabs: { assess: 'Assess', activities: 'Activities', destinations: 'Recipients' },
  memberChannels: {
    title: 'Contacting members on the basis of membership',
    intro:
      'Electronic messages for idealistic purposes need prior consent (Telecommunicatiewet art 11.7). You may e-mail, text or call members on the basis of the existing relationship only if the membership form offered an opt-out for that channel when they joined. Without a tick here, members too need a consent per channel.',
    channelsLabel: 'Channels for which the membership form offered an opt-out',
    channels: { EMAIL: 'E-mail', SMS: 'SMS', WHATSAPP: 'WhatsApp', PHONE: 'Phone' },
    reasonLabel: 'Justification',
    reasonHelp: 'Which form, since when, and what the opt-out looked like. Required when you tick a channel.',
    save: 'Save',
    saved: 'Saved.',
    neverSet: 'Not recorded yet.',
    lastSet: (when: string) => `Last recorded on ${when}.`,
  },
};

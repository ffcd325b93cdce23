/** Dutch messages of the accountability area's shell (issue 4; issue 6 adds the workbench). */
export const accountabilityNl = {
  title: 'Verantwoording',
  intro:
    'Vraag de regels vooraf of iets mag, en leg de verwerkingsactiviteiten en ontvangers vast waar doelgroepen, campagnes en exports aan gebonden zijn.',
  tabs: { assess: 'Toetsen', activities: 'Verwerkingen', destinations: 'Ontvangers' },
  memberChannels: {
    title: 'Leden benaderen op grond van het lidmaatschap',
    intro:
      'Elektronische berichten voor ideële doelen vragen vooraf toestemming (Telecommunicatiewet art. 11.7). Leden mag je alleen op grond van de bestaande relatie mailen, sms’en of bellen als het lidmaatschapsformulier bij het aanmelden een afmeldmogelijkheid voor dat kanaal bood. Zonder vinkje hier hebben ook leden per kanaal toestemming nodig.',
    channelsLabel: 'Kanalen waarvoor het lidmaatschapsformulier een afmeldmogelijkheid bood',
    channels: { EMAIL: 'E-mail', SMS: 'Sms', WHATSAPP: 'WhatsApp', PHONE: 'Telefoon' },
    reasonLabel: 'Onderbouwing',
    reasonHelp:
      'Welk formulier, sinds wanneer, en hoe de afmeldmogelijkheid eruitzag. Verplicht als je een kanaal aanvinkt.',
    save: 'Opslaan',
    saved: 'Opgeslagen.',
    neverSet: 'Nog niet vastgelegd.',
    lastSet: (when: string) => `Laatst vastgelegd op ${when}.`,
  },
};

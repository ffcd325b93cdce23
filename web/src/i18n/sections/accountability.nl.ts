/** Dutch messages of the accountability area's shell (issue 4; issue 6 adds the workbench). */
export const accountabilityNl = {
  title: 'Verantwoording',
  intro:
    'Vraag de regels vooraf of iets mag, en leg de verwerkingsactiviteiten en ontvangers vast waar doelgroepen, campagnes en exports aan gebonden zijn.',
  tabs: { assess: 'Toetsen', activities: 'Verwerkingen', destinations: 'Ontvangers' },
};

/** Dutch messages of the audiences screens (issue 4, C5). */
export const audiencesNl = {
  title: 'Doelgroepen',
  intro:
    'Stel een doelgroep samen voor een vastgelegde verwerking. Elke persoon gaat langs de regels: je ziet wie erin valt en wie waarom niet.',
  tabs: { audiences: 'Doelgroepen', campaigns: 'Campagnes', exports: 'Exports en platforms' },
};

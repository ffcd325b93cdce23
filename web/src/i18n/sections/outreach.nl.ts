/** Dutch messages of the outreach screens (issue 4). */
export const outreachNl = {
  title: 'Campagnes',
};

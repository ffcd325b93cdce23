/** Dutch messages of the assessments screens (issue 4). */
export const assessmentsNl = {
  title: 'Toetsen',
};

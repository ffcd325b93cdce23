/** Dutch messages of the exports screens (issue 4). */
export const exportsNl = {
  title: 'Exports en ontvangers',
};

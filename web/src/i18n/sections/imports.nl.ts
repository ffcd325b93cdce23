/** Dutch messages of the imports screens (issue 3). en counterpart: imports.en.ts. */
export const importsNl = {
  title: 'imports',
};

/** Dutch messages of the consent screens (issue 3). en counterpart: consent.en.ts. */
export const consentNl = {
  title: 'consent',
};

/** Dutch messages of the mail outbox screens (issue 3). en counterpart: mail.en.ts. */
export const mailNl = {
  title: 'Postvak uit',
};

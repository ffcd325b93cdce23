/** Issue 4: placeholder replaced by the owner of this migration before it ships. */
export const name = '009-outreach';

export const sql = /* sql */ `SELECT 1;`;

/** Issue 3: imports (C3): import jobs, saved mappings, row results. */
export const name = '005-imports';

export const sql = /* sql */ `
SELECT 1;
`;
